import type { Permission } from '@vigie/core';

/** What a route requires: a permission, any logged-in caller, or nothing (public). */
export type RouteAccess = Permission | 'authenticated' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api route declares this; one without it is refused (fail closed). */
    access?: RouteAccess;
  }
}

/** Route config naming what the route requires. */
export function requires(access: RouteAccess): { access: RouteAccess } {
  return { access };
}
