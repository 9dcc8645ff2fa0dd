import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client of the Vigie API, generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

/** A camera as the API returns it. */
export type Camera = paths['/api/cameras']['get']['responses'][200]['content']['application/json'][number];

/** What the server pushes over the WebSocket channel. */
export type PushEvent =
  | { v: 1; type: 'camera.created' | 'camera.updated'; camera: Camera }
  | { v: 1; type: 'camera.deleted'; cameraId: string };

export type { components };
