import { describe, expect, it } from 'vitest';
import { allows, screensFor } from './screens';

const ids = (roles: string[]) => screensFor(roles).map((s) => s.id);

describe('screens by role', () => {
  it('gives operators supervision screens and no administration', () => {
    expect(ids(['operator'])).toEqual(['wall', 'alerts', 'map', 'playback', 'statistics']);
  });

  it('gives supervisors the camera administration too, but neither accounts nor audit', () => {
    expect(ids(['supervisor'])).toEqual(['wall', 'alerts', 'map', 'playback', 'statistics', 'adminCameras']);
  });

  it('gives the DPO the audit and the map, never a live image; the administrator accounts, no image', () => {
    expect(ids(['dpo'])).toEqual(['map', 'adminAudit']);
    expect(ids(['admin'])).toEqual(['map', 'adminUsers']);
    expect(allows(['dpo'], 'live:view')).toBe(false);
  });

  it('adds up several roles and ignores a role the matrix does not know', () => {
    expect(ids(['admin', 'dpo'])).toEqual(['map', 'adminUsers', 'adminAudit']);
    expect(ids(['root'])).toEqual([]);
    expect(ids(['public'])).toEqual([]);
  });
});
