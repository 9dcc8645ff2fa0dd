import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

const csrfKey = 'vigie.csrf';

/** Remembers the CSRF token of this tab's session (the session itself is an HttpOnly cookie). */
export function rememberCsrfToken(token: string | undefined): void {
  if (token === undefined) sessionStorage.removeItem(csrfKey);
  else sessionStorage.setItem(csrfKey, token);
}

/** The typed client of the Vigie API, generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

// Changes made with the session cookie must echo the session's CSRF token.
api.use({
  onRequest({ request }) {
    const token = sessionStorage.getItem(csrfKey);
    if (request.method !== 'GET' && token !== null) request.headers.set('x-csrf-token', token);
    return request;
  },
});

/** A camera as the API returns it. */
export type Camera = paths['/api/cameras']['get']['responses'][200]['content']['application/json'][number];

/** The public transparency data. */
export type Transparency = paths['/api/transparency']['get']['responses'][200]['content']['application/json'];

/** A person's access request, as the public form sends it. */
export type AccessRequestInput = NonNullable<
  paths['/api/access-requests']['post']['requestBody']
>['content']['application/json'];

/** The logged-in user. */
export type Me = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];

/** What the server pushes over the WebSocket channel. */
export type PushEvent =
  | { v: 1; type: 'camera.created' | 'camera.updated'; camera: Camera }
  | { v: 1; type: 'camera.deleted'; cameraId: string };

export type { components };
