export * from './errors.js';
export * from './legal-profile.js';
export * from './camera.js';
export * from './camera-rules.js';
export * from './retention.js';
export * from './permissions.js';
export * from './ports.js';
