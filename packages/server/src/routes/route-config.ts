import type { Permission } from '@vigie/core';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs for this route; `null` marks a public route. */
    permission?: Permission | null;
  }
}

/** Route config naming the permission the route requires. */
export function requires(permission: Permission | null): {
  permission: Permission | null;
} {
  return { permission };
}
