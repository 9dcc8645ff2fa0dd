import type { FastifyStaticOptions } from '@fastify/static';
import type { FastifyReply } from 'fastify';

/** Where the console build puts its content-hashed files (a new build gives them new names). */
const hashedAssets = '/assets/';

/**
 * Cache policy of the console's files: hashed assets never change under their name, so browsers keep them a
 * year without asking; everything else (index.html, which names the current assets) is checked at each load.
 */
export function consoleCacheControl(path: string): string {
  return path.replaceAll('\\', '/').includes(hashedAssets) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Whether a path asks for a console asset (answered 404 when missing, never with the page in its place). */
export function isConsoleAsset(url: string): boolean {
  return url.startsWith(hashedAssets);
}

/** Options of @fastify/static for the built console: precompressed Brotli/gzip files, the cache policy, no source maps. */
export function consoleStaticOptions(root: string): FastifyStaticOptions {
  return {
    root,
    wildcard: false,
    // The build writes .br and .gz beside each text file (packages/web/vite.config.ts): no compression per request.
    preCompressed: true,
    cacheControl: false,
    // Source maps would publish the console's sources; a build may still leave some for local debugging.
    globIgnore: ['**/*.map'],
    allowedPath: (path: string) => !path.endsWith('.map'),
    setHeaders: (reply, path) => void reply.header('cache-control', consoleCacheControl(path)),
  };
}

/** Sends the console's page for a client-side route (never cached: it names the current assets). */
export function sendConsolePage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').sendFile('index.html');
}
