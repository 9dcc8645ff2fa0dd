import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** A random, URL-safe secret (session cookies, CSRF tokens, API tokens). */
export function randomToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** The SHA-256 under which a secret is stored: a database leak reveals no usable session or token. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function totp(secret: string, username: string): TOTP {
  return new TOTP({ issuer: 'Vigie', label: username, secret: Secret.fromBase32(secret), digits: 6, period: 30 });
}

/** A new second-factor secret (base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, username).toString() };
}

const totpPeriodMs = 30_000;

/**
 * The time step (30 s periods since 1970) a 6-digit code belongs to, if it is valid now for the secret
 * (±1 period for clock drift); undefined otherwise. The step lets a code be accepted once only.
 */
export function totpStep(options: { secret: string; code: string; now: Date }): number | undefined {
  const timestamp = options.now.getTime();
  const delta = totp(options.secret, 'check').validate({ token: options.code, timestamp, window: 1 });
  return delta === null ? undefined : Math.floor(timestamp / totpPeriodMs) + delta;
}

/** The current code for a secret (tests and the demo use it). */
export function totpCode(secret: string, now: Date): string {
  return totp(secret, 'code').generate({ timestamp: now.getTime() });
}
