import type { Permission } from '@vigie/core';

/** What a route requires: a permission, any logged-in caller, or nothing (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares this; one without it is refused (fail closed). */
    access?: RouteAccess;
    /** Whether the route serves images (default: when it requires an image permission); habilitation applies. */
    images?: boolean;
  }
}

/** Route config naming what the route requires; `images` marks a route serving images under another permission. */
export function requires(access: RouteAccess, options: { images?: true } = {}): { access: RouteAccess; images?: true } {
  return { access, ...options };
}
