export * from './database.js';
export * from './camera.repository.js';
export * from './user.repository.js';
export type { Tables } from './tables.js';
