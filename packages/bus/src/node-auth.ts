import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying a node's signature of a request to another node. */
export const nodeAuthHeader = 'x-vigie-node';
/** How long a signed request stays valid. */
const validityMs = 60_000;

function mac(secret: string, path: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`${expiresAt}\n${path}`).digest('hex');
}

/** Signs a request path between nodes (server → worker) with the shared secret, valid one minute. */
export function signNodeRequest(secret: string, path: string, now: Date): string {
  const expiresAt = now.getTime() + validityMs;
  return `${expiresAt}.${mac(secret, path, expiresAt)}`;
}

/** Whether a node request's signature is valid for this path and not expired (constant-time comparison). */
export function verifyNodeRequest(
  secret: string,
  request: { path: string; header: string | undefined; now: Date },
): boolean {
  const [expires, signature] = (request.header ?? '').split('.');
  const expiresAt = Number(expires);
  if (signature === undefined || !Number.isInteger(expiresAt)) return false;
  if (expiresAt < request.now.getTime() || expiresAt > request.now.getTime() + validityMs) return false;
  const expected = Buffer.from(mac(secret, request.path, expiresAt), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
