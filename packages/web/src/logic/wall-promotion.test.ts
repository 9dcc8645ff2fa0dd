import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/contract';
import { initialPromotion, nextPromotion, operatorIsIdle, promoteNext, queueAlerts } from './wall-promotion';

function alert(id: string, cameraId: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    cameraId,
    type: 'intrusion',
    severity: 'high',
    status: 'open',
    escalated: false,
    message: id,
    openedAt: '2026-11-23T10:00:00Z',
    updatedAt: '2026-11-23T10:00:00Z',
    lastSeenAt: '2026-11-23T10:00:00Z',
    occurrences: 1,
    clip: { from: '2026-11-23T09:59:50Z', to: '2026-11-23T10:00:10Z' },
    hasSnapshot: false,
    notes: [],
    ...over,
  };
}

const idle = { dialogOpen: false, lastInteractionAt: undefined };
const quietMs = 10_000;
const wall = ['a', 'b', 'c', 'd', 'e'];

describe('promoting an alert to the main tile', () => {
  it('promotes the most severe open alert of a camera on the wall when the operator is idle', () => {
    const state = queueAlerts(
      initialPromotion,
      [alert('1', 'b', { severity: 'low' }), alert('2', 'c', { severity: 'high' }), alert('3', 'zz')],
      wall,
    );
    expect(state.queue.map((a) => a.id)).toEqual(['2', '1']);
    const { state: after, promoted } = promoteNext(state, { activity: idle, now: 0, quietMs });
    expect(promoted?.id).toBe('2');
    expect(after.mainCameraId).toBe('c');
    expect(after.queue.map((a) => a.id)).toEqual(['1']);
  });

  it('holds the promotion while a dialog is open or the operator acted in the last seconds, then applies it', () => {
    const state = queueAlerts(initialPromotion, [alert('1', 'b')], wall);
    const now = 100_000;
    const busy = promoteNext(state, { activity: { dialogOpen: true, lastInteractionAt: undefined }, now, quietMs });
    expect(busy.promoted).toBeUndefined();
    expect(busy.state.queue).toHaveLength(1);
    const acting = promoteNext(state, {
      activity: { dialogOpen: false, lastInteractionAt: now - 3_000 },
      now,
      quietMs,
    });
    expect(acting.promoted).toBeUndefined();
    const later = promoteNext(acting.state, {
      activity: { dialogOpen: false, lastInteractionAt: now - 3_000 },
      now: now + 7_000,
      quietMs,
    });
    expect(later.promoted?.cameraId).toBe('b');
    expect(operatorIsIdle({ dialogOpen: false, lastInteractionAt: now }, now + quietMs, quietMs)).toBe(true);
  });

  it('does not promote the same alert twice, and forgets a queued alert acknowledged meanwhile', () => {
    let state = queueAlerts(initialPromotion, [alert('1', 'b')], wall);
    state = promoteNext(state, { activity: idle, now: 0, quietMs }).state;
    state = queueAlerts(state, [alert('1', 'b')], wall);
    expect(state.queue).toEqual([]);
    state = queueAlerts(state, [alert('1', 'b'), alert('2', 'c')], wall);
    expect(state.queue.map((a) => a.id)).toEqual(['2']);
    state = queueAlerts(state, [alert('2', 'c', { status: 'acknowledged' })], wall);
    expect(state.queue).toEqual([]);
  });

  it('keeps a more severe open alert on the main tile: a less severe one waits until it is acknowledged', () => {
    let state = queueAlerts(initialPromotion, [alert('bag', 'b', { severity: 'high' })], wall);
    state = promoteNext(state, { activity: idle, now: 0, quietMs }).state;
    const degraded = alert('degraded', 'c', { type: 'camera_degraded', severity: 'low' });
    state = queueAlerts(state, [alert('bag', 'b', { severity: 'high' }), degraded], wall);
    const held = promoteNext(state, { activity: idle, now: 1_000, quietMs });
    expect(held.promoted).toBeUndefined();
    expect(held.state.mainCameraId).toBe('b');
    expect(held.state.queue.map((a) => a.id)).toEqual(['degraded']);
    // Queued, but not announced as about to take the main tile.
    expect(nextPromotion(held.state)).toBeUndefined();
    // As severe or more severe: it takes the main tile at once.
    const fire = alert('fire', 'd', { type: 'fire_smoke', severity: 'high', openedAt: '2026-11-23T10:01:00Z' });
    const preempted = promoteNext(queueAlerts(held.state, [alert('bag', 'b'), degraded, fire], wall), {
      activity: idle,
      now: 2_000,
      quietMs,
    });
    expect(preempted.promoted?.id).toBe('fire');
    // The bag acknowledged, the fire still holds; the fire closed, the degraded camera comes forward.
    state = queueAlerts(preempted.state, [alert('bag', 'b', { status: 'acknowledged' }), degraded, fire], wall);
    expect(promoteNext(state, { activity: idle, now: 3_000, quietMs }).promoted).toBeUndefined();
    state = queueAlerts(state, [degraded, alert('fire', 'd', { status: 'closed' })], wall);
    expect(nextPromotion(state)?.id).toBe('degraded');
    const released = promoteNext(state, { activity: idle, now: 4_000, quietMs });
    expect(released.promoted?.id).toBe('degraded');
    expect(released.state.mainCameraId).toBe('c');
  });
});
