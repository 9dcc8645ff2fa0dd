import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/contract';
import { alertQueue, openAlertCount, upsertAlert } from './alert-order';

function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    cameraId: 'cam-1',
    type: 'abandoned_object',
    severity: 'medium',
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

describe('alert queue order and filters', () => {
  const alerts = [
    alert('low-old', { severity: 'low', openedAt: '2026-11-23T09:00:00Z' }),
    alert('high-new', { severity: 'high', openedAt: '2026-11-23T10:05:00Z' }),
    alert('fire', {
      severity: 'high',
      openedAt: '2026-11-23T09:30:00Z',
      cameraId: 'cam-2',
      type: 'fire_smoke',
    }),
    alert('high-old', { severity: 'high', openedAt: '2026-11-23T10:01:00Z', status: 'acknowledged' }),
    alert('info', { severity: 'info', openedAt: '2026-11-23T08:00:00Z' }),
  ];

  it('puts the most severe first, and among equals the newest', () => {
    expect(alertQueue(alerts, {}).map((a) => a.id)).toEqual(['high-new', 'high-old', 'fire', 'low-old', 'info']);
  });

  it('counts the alerts nobody acknowledged and names the most severe', () => {
    expect(openAlertCount(alerts)).toEqual({ count: 4, severity: 'high' });
    expect(openAlertCount([alerts[0]!])).toEqual({ count: 1, severity: 'low' });
    expect(openAlertCount([])).toEqual({ count: 0, severity: undefined });
  });

  it('filters by camera, type and status together', () => {
    expect(alertQueue(alerts, { status: 'open' }).map((a) => a.id)).toEqual(['high-new', 'fire', 'low-old', 'info']);
    expect(alertQueue(alerts, { cameraId: 'cam-2' }).map((a) => a.id)).toEqual(['fire']);
    const closed = alert('closed', { status: 'closed' });
    expect(alertQueue([...alerts, closed], { status: 'pending' })).toHaveLength(alerts.length);
    expect(alertQueue([...alerts, closed], { status: 'closed' })).toEqual([closed]);
    expect(alertQueue(alerts, { cameraId: 'cam-1', type: 'fire_smoke' })).toEqual([]);
  });

  it('replaces an updated alert instead of listing it twice', () => {
    const updated = upsertAlert(alerts, alert('fire', { severity: 'high', status: 'acknowledged' }));
    expect(updated.filter((a) => a.id === 'fire')).toHaveLength(1);
    expect(updated.find((a) => a.id === 'fire')?.status).toBe('acknowledged');
  });
});
