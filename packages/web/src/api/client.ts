import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import type { Body, Query, Reply } from './schema-types';

const csrfKey = 'vigie.csrf';

/** Remembers the CSRF token of this tab's session (the session itself is an HttpOnly cookie). */
export function rememberCsrfToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(csrfKey);
  else sessionStorage.setItem(csrfKey, token);
}

/** The CSRF header a change made with the session cookie must carry (none when logged out). */
export function csrfHeader(): Record<string, string> {
  const token = sessionStorage.getItem(csrfKey);
  return token === null ? {} : { 'x-csrf-token': token };
}

/** The typed client of the Vigie API, generated from its OpenAPI document. */
// No window when components are rendered on the server in tests: their effects, which call the API, never run there.
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? '' : window.location.origin });

// Changes made with the session cookie must echo the session's CSRF token.
api.use({
  onRequest({ request }) {
    if (request.method !== 'GET')
      for (const [name, value] of Object.entries(csrfHeader())) request.headers.set(name, value);
    return request;
  },
});

/** A camera as the API returns it. */
export type Camera = Reply<'/api/cameras', 'get', 200>[number];

/** The public transparency data. */
export type Transparency = Reply<'/api/transparency', 'get', 200>;

/** A person's access request, as the public form sends it. */
export type AccessRequestInput = Body<'/api/access-requests', 'post'>;

/** The logged-in user. */
export type Me = Reply<'/api/auth/me', 'get', 200>;

/** An account as the administrator sees it. */
export type User = Reply<'/api/users', 'get', 200>[number];

/** An audit trail entry. */
export type AuditEntry = Reply<'/api/audit', 'get', 200>[number];

/** An action the audit trail records. */
export type AuditAction = NonNullable<Query<'/api/audit', 'get'>['action']>;

/** A role an account may hold. */
export type RoleName = User['roles'][number];

/** What the server pushes over the /api/events WebSocket, generated from the API document's `PushEvent`. */
export type PushEvent = components['schemas']['PushEvent'];

/** The message of an API error body, or the HTTP status when the body is not one. */
export function errorMessage(error: unknown, response: Response): string {
  const message = (error as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : `HTTP ${response.status}`;
}

export type { components };
