export * from './app.js';
export * from './config.js';
export * from './server.js';
export { seedDemoCameras } from './demo.js';
export { systemRequester, type PersonRequester, type Requester, type SystemRequester } from './auth/requester.js';
export { UserService, type NewUser, type CreatedUser } from './services/user.service.js';
export { totpCode } from './auth/secrets.js';
export { passwordHashCost, type PasswordHashCost } from './auth/password-hashing.js';
export { fullAudience } from './event-hub.js';
export { PushEventSchema, type PushEvent } from './events/push-event.js';
export {
  loadOrCreateInstallationKey,
  publicKeyId,
  readPublicKeyPem,
  type InstallationKey,
} from './security/installation-key.js';
export { AuditAnchor, installationFiles, verifyAnchoredTrail } from './security/audit-anchor.js';
export { createRecipientKeyPair, openSealed } from './security/sealed-export.js';
