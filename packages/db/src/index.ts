export * from './database.js';
export * from './camera.repository.js';
export * from './user.repository.js';
export type { Tables } from './tables.js';
export * from './audit.repository.js';
export * from './auth.repository.js';
export * from './stores.js';
export * from './registry.repository.js';
export * from './access-request.repository.js';
