import { describe, expect, it } from 'vitest';
import { allows, screensFor } from './screens';

const ids = (roles: string[]) => screensFor(roles).map((s) => s.id);

describe('screens by role', () => {
  it('gives operators supervision screens and no administration', () => {
    expect(ids(['operator'])).toEqual(['wall', 'alerts', 'incidents', 'map', 'playback', 'statistics']);
  });

  it('gives supervisors the camera administration and the registry to read, but neither accounts nor audit', () => {
    expect(ids(['supervisor'])).toEqual([
      'wall',
      'alerts',
      'incidents',
      'map',
      'playback',
      'statistics',
      'adminCameras',
      'review',
      'adminRegistry',
      'adminHolds',
      'adminCompliance',
      'unmaskRequests',
    ]);
    expect(allows(['supervisor'], 'registry:write')).toBe(false);
  });

  it('gives the DPO the audit, the registry and the access requests, never a live image', () => {
    expect(ids(['dpo'])).toEqual([
      'map',
      'adminAudit',
      'adminRegistry',
      'adminRequests',
      'adminHolds',
      'adminCompliance',
      'unmaskDecisions',
    ]);
    expect(allows(['dpo'], 'live:view')).toBe(false);
    expect(allows(['dpo'], 'registry:write')).toBe(true);
  });

  it('gives the administrator accounts, the registry and the compliance checklist to read, no image and no access request', () => {
    expect(ids(['admin'])).toEqual(['map', 'adminUsers', 'adminRegistry', 'adminCompliance']);
    expect(allows(['admin'], 'request:manage')).toBe(false);
  });

  it('adds up several roles and ignores a role the matrix does not know', () => {
    expect(ids(['admin', 'dpo'])).toEqual([
      'map',
      'adminUsers',
      'adminAudit',
      'adminRegistry',
      'adminRequests',
      'adminHolds',
      'adminCompliance',
      'unmaskDecisions',
    ]);
    expect(ids(['root'])).toEqual([]);
    expect(ids(['public'])).toEqual([]);
  });
});
