import type { Permission } from '@vigie/core';

/** What a route requires: a permission, any logged-in caller, or nothing (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares this; one without it is refused (fail closed). */
    access?: RouteAccess;
    /** Whether the route serves images (default: when it requires an image permission); habilitation applies. */
    images?: boolean;
    /** A route a player calls several times a second (segments): a granted check is reused briefly (`RecentAccess`). */
    frequent?: boolean;
  }
}

/** Options of a route's access: `images` marks a route serving images under another permission; `frequent`, see above. */
type AccessOptions = { images?: true; frequent?: true };

/** Route config naming what the route requires, with its options. */
export function requires(access: RouteAccess, options: AccessOptions = {}): { access: RouteAccess } & AccessOptions {
  return { access, ...options };
}
