export * from './in-process.bus.js';
export * from './jetstream.bus.js';
export * from './jetstream.leases.js';
export * from './memory.leases.js';
export * from './mqtt.export.js';
export * from './node-auth.js';
