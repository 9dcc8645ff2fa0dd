import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What the console may load from elsewhere than its own origin. */
export interface SecurityHeaderOptions {
  /** The map tile template of the console settings; an absolute one adds its origin to the images allowed. */
  mapTileUrl?: string | undefined;
}

/**
 * The console's Content-Security-Policy: its own scripts and styles only (no inline script, no eval), the event
 * and live sockets on its own origin ('self' covers ws: and wss: there), MSE video and hls.js's worker from blob:
 * URLs, snapshots and Leaflet's icons as data:/blob: images, the map tiles' origin, and never in a frame.
 */
export function consoleContentSecurityPolicy(options: SecurityHeaderOptions = {}): Record<string, string[]> {
  const tiles = options.mapTileUrl?.startsWith('http') === true ? [new URL(options.mapTileUrl).origin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', ...tiles],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Browser features the console never uses, switched off for it and anything it might load. */
export const permissionsPolicy =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), fullscreen=(self)';

/** HSTS for a year, sent only on requests that came over TLS (directly, or through a trusted proxy). */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';

/**
 * The headers helmet sets with these options, computed once: they depend on nothing in the request, and helmet's
 * own Fastify plugin rebuilt its middleware (the CSP text included) on every request (≈ 0.1 ms of a segment's).
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(options)(request, response, (error) => {
    if (error !== undefined) throw new Error('The security headers could not be computed.', { cause: error });
  });
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/**
 * Security headers on every response (helmet's, computed once): the CSP above, nosniff, Referrer-Policy same-origin,
 * X-Frame-Options DENY, cross-origin isolation of the window and resources, Permissions-Policy, and HSTS over TLS.
 * Routes serving other content (printable reports, sign photos) set a stricter CSP of their own, which wins.
 */
export function registerSecurityHeaders(http: FastifyInstance, options: SecurityHeaderOptions): void {
  const headers = {
    ...helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives: consoleContentSecurityPolicy(options) },
      strictTransportSecurity: false,
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
    }),
    'permissions-policy': permissionsPolicy,
  };
  const overTls = { ...headers, 'strict-transport-security': strictTransportSecurity };
  http.addHook('onRequest', (request, reply, done) => {
    void reply.headers(request.protocol === 'https' ? overTls : headers);
    done();
  });
}
