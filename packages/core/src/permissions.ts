/** The roles of the supervision centre and of the public (see docs/security.md). */
export const roles = ['operator', 'supervisor', 'dpo', 'admin', 'public'] as const;

/** A role a caller holds. */
export type Role = (typeof roles)[number];

/** Everything a route can require; one permission per kind of action. */
export const permissions = [
  'camera:read',
  'camera:write',
  'live:view',
  'playback:view',
  'export:create',
  'alert:read',
  'alert:act',
  'audit:read',
  'registry:read',
  'registry:write',
  'request:manage',
  'user:manage',
  'system:manage',
  'transparency:read',
  'hold:manage',
  'hold:read',
  'incident:read',
  'incident:act',
  'incident:supervise',
  'unmask:request',
  'unmask:approve',
] as const;

/** A permission a route requires. */
export type Permission = (typeof permissions)[number];

/**
 * The role matrix, as data: who may do what. Separation of duties: the DPO audits but sees no
 * live image; the administrator manages accounts but sees no image unless also an operator.
 */
export const roleMatrix: Readonly<Record<Role, readonly Permission[]>> = {
  operator: [
    'camera:read',
    'live:view',
    'playback:view',
    'alert:read',
    'alert:act',
    'transparency:read',
    'incident:read',
    'incident:act',
  ],
  supervisor: [
    'camera:read',
    'camera:write',
    'live:view',
    'playback:view',
    'export:create',
    'alert:read',
    'alert:act',
    'registry:read',
    'transparency:read',
    'hold:manage',
    'hold:read',
    'incident:read',
    'incident:act',
    'incident:supervise',
    'unmask:request',
  ],
  dpo: [
    'camera:read',
    'audit:read',
    'registry:read',
    'registry:write',
    'request:manage',
    'transparency:read',
    'hold:read',
    'unmask:approve',
  ],
  admin: ['camera:read', 'user:manage', 'system:manage', 'registry:read', 'transparency:read'],
  public: ['transparency:read'],
};

/** Permissions that give access to images: a denied request to them is audited. */
export const imagePermissions: readonly Permission[] = ['live:view', 'playback:view', 'export:create'];

/** Roles that see images, and so must log in with a second factor. */
export function rolesNeedSecondFactor(held: readonly Role[]): boolean {
  return imagePermissions.some((permission) => rolesGrant(held, permission));
}

/** Whether any of the given roles grants the permission. */
export function rolesGrant(held: readonly Role[], permission: Permission): boolean {
  return held.some((role) => roleMatrix[role].includes(permission));
}
