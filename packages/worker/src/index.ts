export * from './worker.js';
export * from './camera-claims.js';
export * from './outbox.js';
export * from './segment-server.js';
export * from './worker.config.js';
export * from './run-worker.js';
