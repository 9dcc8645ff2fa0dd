import { describe, expect, it } from 'vitest';
import type { Camera } from './camera.js';
import {
  assertLiftDecidable,
  assertLiftRequestable,
  assertLiftUsable,
  liftStateAt,
  type UnmaskLift,
} from './unmask-lift.js';

const now = new Date('2026-11-30T13:00:00Z');
const lift: UnmaskLift = {
  id: '00000000-0000-4000-8000-000000000001',
  cameraId: '00000000-0000-4000-8000-000000000002',
  start: '2026-11-30T11:00:00.000Z',
  end: '2026-11-30T12:00:00.000Z',
  reason: 'Vol dans la vitrine, PV 118',
  requestedBy: 'superviseur',
  requestedAt: now.toISOString(),
  expiresAt: '2026-11-30T17:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
  state: 'requested',
};
const code = (run: () => void) => {
  try {
    run();
    return 'passed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('unmasking lifts', () => {
  it('expires exactly at its expiry, whatever was decided, except a refusal', () => {
    const approved = { ...lift, state: 'approved' as const };
    expect(liftStateAt(approved, new Date(Date.parse(lift.expiresAt) - 1))).toBe('approved');
    expect(liftStateAt(approved, new Date(lift.expiresAt))).toBe('expired');
    expect(liftStateAt({ ...lift, state: 'refused' }, new Date(lift.expiresAt))).toBe('refused');
  });

  it('refuses a self-approval, a decided lift and an expired one', () => {
    expect(code(() => assertLiftDecidable(lift, 'superviseur', now))).toBe('LIFT_SELF_APPROVAL');
    expect(code(() => assertLiftDecidable(lift, 'dpo', now))).toBe('passed');
    expect(code(() => assertLiftDecidable({ ...lift, state: 'approved' }, 'dpo', now))).toBe('LIFT_NOT_PENDING');
    expect(code(() => assertLiftDecidable(lift, 'dpo', new Date(lift.expiresAt)))).toBe('LIFT_NOT_PENDING');
  });

  it('opens the view to the requester of an approved lift only, until it expires', () => {
    const approved = { ...lift, state: 'approved' as const };
    expect(code(() => assertLiftUsable(lift, 'superviseur', now))).toBe('LIFT_NOT_APPROVED');
    expect(code(() => assertLiftUsable(approved, 'autre', now))).toBe('LIFT_NOT_APPROVED');
    expect(code(() => assertLiftUsable(approved, 'superviseur', now))).toBe('passed');
    expect(code(() => assertLiftUsable(approved, 'superviseur', new Date(lift.expiresAt)))).toBe('LIFT_EXPIRED');
  });

  it('accepts a request only on a liftable mask, for a past range, with a near expiry', () => {
    const request = {
      cameraId: lift.cameraId,
      start: lift.start,
      end: lift.end,
      reason: lift.reason,
      expiresAt: lift.expiresAt,
    };
    const camera = (liftable: boolean) =>
      ({ masks: [{ id: 'vitrine', polygon: [], ...(liftable ? { liftable: true } : {}) }] }) as unknown as Camera;
    expect(code(() => assertLiftRequestable({ request, camera: camera(true), now }))).toBe('passed');
    expect(code(() => assertLiftRequestable({ request, camera: camera(false), now }))).toBe('LIFT_INVALID');
    const future = { ...request, end: '2026-11-30T14:00:00.000Z' };
    expect(code(() => assertLiftRequestable({ request: future, camera: camera(true), now }))).toBe('LIFT_INVALID');
    const distant = { ...request, expiresAt: '2026-12-10T00:00:00.000Z' };
    expect(code(() => assertLiftRequestable({ request: distant, camera: camera(true), now }))).toBe('LIFT_INVALID');
  });
});
