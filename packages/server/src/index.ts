export * from './app.js';
export * from './config.js';
export * from './server.js';
export { seedDemoCameras } from './demo.js';
