import { describe, expect, it } from 'vitest';
import { permissions, roleMatrix, roles, rolesGrant } from './permissions.js';

describe('role matrix', () => {
  it('lets no role but operator and supervisor see images', () => {
    const imagePermissions = ['live:view', 'playback:view', 'export:create'] as const;
    for (const role of roles) {
      const seesImages = imagePermissions.some((p) => rolesGrant([role], p));
      expect(seesImages, role).toBe(role === 'operator' || role === 'supervisor');
    }
  });

  it('keeps export for supervisors only, and audit for the DPO only', () => {
    expect(roles.filter((r) => rolesGrant([r], 'export:create'))).toEqual(['supervisor']);
    expect(roles.filter((r) => rolesGrant([r], 'audit:read'))).toEqual(['dpo']);
  });

  it('gives the public nothing but the transparency page', () => {
    expect(roleMatrix.public).toEqual(['transparency:read']);
  });

  it('only names known permissions, and every permission is held by someone', () => {
    const granted = new Set(Object.values(roleMatrix).flat());
    for (const p of granted) expect(permissions).toContain(p);
    for (const p of permissions) expect(granted.has(p), p).toBe(true);
  });

  it('combines roles: an admin who is also an operator may view live', () => {
    expect(rolesGrant(['admin'], 'live:view')).toBe(false);
    expect(rolesGrant(['admin', 'operator'], 'live:view')).toBe(true);
  });
});
