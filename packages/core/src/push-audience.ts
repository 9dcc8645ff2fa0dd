import { rolesGrant, type Permission, type Role } from './permissions.js';

/** Who a push channel (a console's WebSocket) belongs to: its roles and the cameras it may see. */
export interface PushAudience {
  roles: readonly Role[];
  /** `all`, or the cameras assigned to an operator limited to them. */
  cameras: 'all' | ReadonlySet<string>;
}

/** What reading a pushed event requires: the permission of the route that lists it, and its camera. */
export interface PushScope {
  permission: Permission;
  cameraId: string;
}

/** Whether the roles limit a viewer to assigned cameras: operators who hold no wider role. */
export function limitedToAssignedCameras(roles: readonly Role[]): boolean {
  return !rolesGrant(roles, 'camera:write') && !rolesGrant(roles, 'registry:read');
}

/**
 * The same rule for a pushed event as for the HTTP routes: the audience must hold the permission that
 * reads it (an alert needs `alert:read`, as GET /api/alerts) and may see its camera.
 */
export function audienceMayReceive(audience: PushAudience, scope: PushScope): boolean {
  if (!rolesGrant(audience.roles, scope.permission)) return false;
  return audience.cameras === 'all' || audience.cameras.has(scope.cameraId);
}
