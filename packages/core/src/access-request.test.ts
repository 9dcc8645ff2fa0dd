import { describe, expect, it } from 'vitest';
import {
  accessRequestDueAt,
  accessRequestOverdue,
  accessRequestStatuses,
  accessRequestTransitions,
  accessRequestWindow,
  assertCanAttachFootage,
  assertMatchedRange,
  assertStatusChange,
  isAnswered,
  type MatchedRange,
} from './access-request.js';
import { VigieError } from './errors.js';
import { frenchProfile } from './legal-profile.js';

const now = new Date('2026-06-15T10:00:00Z');

function refusal(action: () => void): VigieError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VigieError) return error;
    throw error;
  }
  return undefined;
}

function range(overrides: Partial<MatchedRange> = {}): MatchedRange {
  return {
    id: 'r',
    cameraId: 'c',
    start: '2026-06-14T08:00:00.000Z',
    end: '2026-06-14T08:10:00.000Z',
    hold: true,
    exportId: null,
    needsReview: false,
    addedAt: '2026-06-15T10:00:00.000Z',
    addedBy: 'dpo',
    ...overrides,
  };
}

describe('access requests', () => {
  it('reads the person’s window in the city’s time zone and refuses one in the future or backwards', () => {
    const window = accessRequestWindow(
      { date: '2026-06-14', from: '08:00', to: '09:30' },
      { now, profile: frenchProfile },
    );
    expect(window.start.toISOString()).toBe('2026-06-14T06:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-06-14T07:30:00.000Z');
    const context = { now, profile: frenchProfile };
    expect(
      refusal(() => accessRequestWindow({ date: '2026-06-16', from: '08:00', to: '09:00' }, context))?.details,
    ).toEqual([{ path: '/date', reason: 'is in the future' }]);
    expect(refusal(() => accessRequestWindow({ date: '2026-06-14', from: '09:00', to: '09:00' }, context))?.code).toBe(
      'TIME_WINDOW_INVALID',
    );
  });

  it('is due one month after receipt, and overdue only while unanswered', () => {
    const due = accessRequestDueAt(new Date('2026-01-31T09:00:00Z'), frenchProfile);
    expect(due.toISOString()).toBe('2026-02-28T09:00:00.000Z');
    const late = new Date('2026-03-01T00:00:00Z');
    expect(accessRequestOverdue({ status: 'searching', dueAt: due.toISOString() }, late)).toBe(true);
    expect(accessRequestOverdue({ status: 'delivered', dueAt: due.toISOString() }, late)).toBe(false);
    expect(accessRequestOverdue({ status: 'received', dueAt: due.toISOString() }, now)).toBe(true);
  });

  it('walks the workflow and refuses skipping a step or reopening an answered request', () => {
    for (const status of accessRequestStatuses) {
      for (const next of accessRequestTransitions[status]) expect(accessRequestStatuses).toContain(next);
    }
    expect(accessRequestStatuses.filter(isAnswered)).toEqual(['no_footage', 'delivered', 'rejected']);
    expect(
      refusal(() => assertStatusChange({ status: 'received', ranges: [] }, { status: 'delivered' }))?.message,
    ).toBe('A request that is received can move to searching or rejected, not delivered.');
    expect(refusal(() => assertStatusChange({ status: 'delivered', ranges: [] }, { status: 'searching' }))?.code).toBe(
      'ACCESS_REQUEST_TRANSITION_INVALID',
    );
  });

  it('needs footage before "found", exports before "ready", a review before "delivered", a reason to reject', () => {
    expect(
      refusal(() => assertStatusChange({ status: 'searching', ranges: [] }, { status: 'footage_found' }))?.message,
    ).toMatch(/Attach the footage/);
    expect(
      refusal(() => assertStatusChange({ status: 'footage_found', ranges: [range()] }, { status: 'export_ready' }))
        ?.message,
    ).toMatch(/blurred export/);
    const unreviewed = range({ exportId: 'e1', needsReview: true });
    expect(
      refusal(() => assertStatusChange({ status: 'export_ready', ranges: [unreviewed] }, { status: 'delivered' }))
        ?.message,
    ).toMatch(/review every export/);
    const reviewed = range({ exportId: 'e1', needsReview: false });
    expect(
      refusal(() => assertStatusChange({ status: 'export_ready', ranges: [reviewed] }, { status: 'delivered' })),
    ).toBeUndefined();
    expect(
      refusal(() => assertStatusChange({ status: 'searching', ranges: [] }, { status: 'rejected' }))?.details,
    ).toEqual([{ path: '/reason', reason: 'is required to reject' }]);
    expect(
      refusal(() =>
        assertStatusChange({ status: 'searching', ranges: [] }, { status: 'rejected', reason: 'Manifestly unfounded' }),
      ),
    ).toBeUndefined();
  });

  it('attaches at most a day of footage per range, and only while searching', () => {
    expect(
      refusal(() => assertMatchedRange({ start: '2026-06-14T08:00:00Z', end: '2026-06-15T08:00:01Z' }))?.code,
    ).toBe('TIME_WINDOW_INVALID');
    expect(
      refusal(() => assertMatchedRange({ start: '2026-06-14T08:00:00Z', end: '2026-06-14T07:00:00Z' }))?.code,
    ).toBe('TIME_WINDOW_INVALID');
    expect(refusal(() => assertCanAttachFootage('footage_found'))).toBeUndefined();
    expect(refusal(() => assertCanAttachFootage('rejected'))?.code).toBe('ACCESS_REQUEST_TRANSITION_INVALID');
  });
});
