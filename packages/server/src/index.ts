export * from './app.js';
export * from './config.js';
export * from './server.js';
export { seedDemoCameras } from './demo.js';
export { UserService, type NewUser } from './services/user.service.js';
