import { roles, rolesGrant, type Permission, type Role } from '@vigie/core/permissions';

/** The screens of the console, each opened by one permission of the core role matrix. */
export const screens = [
  { id: 'wall', path: '/wall', permission: 'live:view', group: 'supervision' },
  { id: 'alerts', path: '/alerts', permission: 'alert:read', group: 'supervision' },
  { id: 'incidents', path: '/incidents', permission: 'incident:read', group: 'supervision' },
  { id: 'map', path: '/map', permission: 'camera:read', group: 'supervision' },
  { id: 'playback', path: '/playback', permission: 'playback:view', group: 'supervision' },
  { id: 'statistics', path: '/statistics', permission: 'alert:read', group: 'supervision' },
  { id: 'adminCameras', path: '/admin/cameras', permission: 'camera:write', group: 'administration' },
  { id: 'review', path: '/admin/review', permission: 'camera:write', group: 'administration' },
  { id: 'adminUsers', path: '/admin/users', permission: 'user:manage', group: 'administration' },
  { id: 'adminAudit', path: '/admin/audit', permission: 'audit:read', group: 'administration' },
  { id: 'adminRegistry', path: '/admin/registry', permission: 'registry:read', group: 'administration' },
  { id: 'adminRequests', path: '/admin/requests', permission: 'request:manage', group: 'administration' },
  { id: 'adminHolds', path: '/admin/holds', permission: 'hold:read', group: 'administration' },
  { id: 'adminCompliance', path: '/admin/compliance', permission: 'registry:read', group: 'administration' },
  { id: 'unmaskRequests', path: '/unmask', permission: 'unmask:request', group: 'administration' },
  { id: 'unmaskDecisions', path: '/unmask/decisions', permission: 'unmask:approve', group: 'administration' },
] as const satisfies readonly { id: string; path: string; permission: Permission; group: string }[];

/** One screen of the console. */
export type Screen = (typeof screens)[number];

/** The roles among those the server named that the core role matrix knows; others grant nothing. */
export function knownRoles(names: readonly string[]): Role[] {
  return names.filter((name): name is Role => (roles as readonly string[]).includes(name));
}

/** Whether roles named by the server grant a permission. */
export function allows(roleNames: readonly string[], permission: Permission): boolean {
  return rolesGrant(knownRoles(roleNames), permission);
}

/** The screens these roles may open, in navigation order. */
export function screensFor(roleNames: readonly string[]): Screen[] {
  return screens.filter((screen) => allows(roleNames, screen.permission));
}
