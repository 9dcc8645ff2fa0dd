import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/contract';
import { isShowAlertMessage, monitorAlert, monitorPath, monitorWindowName, parseMonitorView } from './monitor';

function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    cameraId: 'cam-1',
    type: 'intrusion',
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

describe('detached monitor addresses', () => {
  it('round-trips the alarm monitor and a saved wall with any characters in its name', () => {
    for (const view of [{ kind: 'alarms' }, { kind: 'layout', name: 'Nuit & jour / gare ?' }] as const) {
      const path = monitorPath(view);
      expect(path.startsWith('/monitor?')).toBe(true);
      expect(parseMonitorView(path.slice('/monitor'.length))).toEqual(view);
    }
  });

  it('falls back to the alarm monitor for an empty wall name, and names each monitor’s window apart', () => {
    expect(parseMonitorView('?layout=%20')).toEqual({ kind: 'alarms' });
    expect(parseMonitorView('')).toEqual({ kind: 'alarms' });
    expect(monitorWindowName({ kind: 'layout', name: 'A' })).not.toBe(monitorWindowName({ kind: 'layout', name: 'B' }));
    expect(monitorWindowName({ kind: 'alarms' })).not.toBe(monitorWindowName({ kind: 'layout', name: 'alarms' }));
  });

  it('accepts only well-formed messages from other windows', () => {
    expect(isShowAlertMessage({ type: 'show-alert', alertId: 'a' })).toBe(true);
    expect(isShowAlertMessage({ type: 'show-alert', alertId: 3 })).toBe(false);
    expect(isShowAlertMessage({ type: 'other', alertId: 'a' })).toBe(false);
    expect(isShowAlertMessage(null)).toBe(false);
    expect(isShowAlertMessage('show-alert')).toBe(false);
  });
});

describe('the alert an alarm monitor shows', () => {
  const old = alert('old', { openedAt: '2026-11-23T09:00:00Z', severity: 'high' });
  const recent = alert('recent', { openedAt: '2026-11-23T10:00:00Z', severity: 'low' });
  const seen = alert('seen', { openedAt: '2026-11-23T11:00:00Z', status: 'acknowledged' });
  const closed = alert('closed', { openedAt: '2026-11-23T12:00:00Z', status: 'closed' });

  it('is the newest alert nobody acknowledged, whatever its severity; closed ones never', () => {
    expect(monitorAlert([old, recent, seen, closed])?.id).toBe('recent');
    expect(monitorAlert([seen, closed])?.id).toBe('seen');
    expect(monitorAlert([closed])).toBeUndefined();
    expect(monitorAlert([])).toBeUndefined();
  });

  it('is the alert the operator chose until a newer one opens or it closes', () => {
    const at = Date.parse('2026-11-23T10:30:00Z');
    expect(monitorAlert([old, recent], { alertId: 'old', at })?.id).toBe('old');
    const newer = alert('newer', { openedAt: '2026-11-23T10:45:00Z' });
    expect(monitorAlert([old, recent, newer], { alertId: 'old', at })?.id).toBe('newer');
    expect(monitorAlert([{ ...old, status: 'closed' }, recent], { alertId: 'old', at })?.id).toBe('recent');
    expect(monitorAlert([old, recent], { alertId: 'gone', at })?.id).toBe('recent');
  });
});
