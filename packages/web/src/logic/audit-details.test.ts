import { describe, expect, it } from 'vitest';
import { auditSummary } from './audit-details';

const names = {
  camera: (id: string) => ({ c1: 'Gare — Parvis', c2: 'Pont Jacob' })[id] ?? id,
  field: (key: string) => ({ masks: 'Masques', retentionDays: 'Conservation' })[key] ?? key,
  term: (key: string) => key.split('.').at(-1) ?? key,
};

describe('audit entry summaries', () => {
  it('says what changed on a camera, naming masks by their label', () => {
    const entry = {
      action: 'camera.updated',
      details: {
        changes: {
          retentionDays: { from: 15, to: 7 },
          masks: { from: [], to: [{ id: 'mask-1', label: 'Fenêtres', polygon: [] }] },
        },
      },
    };
    expect(auditSummary(entry, names)).toEqual(['Conservation: 15 → 7', 'Masques: ∅ → Fenêtres']);
  });

  it('summarises a new camera by its main settings instead of its whole record', () => {
    const camera = { id: 'c2', name: 'Pont Jacob', retentionDays: 15, masks: [], version: 1, createdAt: 'x' };
    expect(auditSummary({ action: 'camera.created', details: { camera } }, names)).toEqual([
      'name: Pont Jacob',
      'Conservation: 15',
      'Masques: ∅',
    ]);
  });

  it('names assigned cameras instead of showing their ids', () => {
    const entry = {
      action: 'user.cameras_assigned',
      details: { username: 'agent.leroy', from: ['c2'], to: ['c1', 'c2'] },
    };
    expect(auditSummary(entry, names)).toEqual(['agent.leroy: Pont Jacob → Gare — Parvis, Pont Jacob']);
  });

  it('tells what was done to an alert and what it became, with the note', () => {
    const entry = {
      action: 'alert.acted',
      details: { alert: 'a1', action: 'qualify', qualification: 'true_alert', note: 'sac retiré', status: 'closed' },
    };
    expect(auditSummary(entry, names)).toEqual(['qualify: true_alert → closed', '« sac retiré »']);
    expect(
      auditSummary(
        { action: 'alert.opened', details: { alert: 'a1', type: 'abandoned_object', severity: 'high' } },
        names,
      ),
    ).toEqual(['abandoned_object (high)']);
  });

  it('names viewing sessions briefly, with how long they lasted and how they ended', () => {
    const session = '0aaa2654ae8a6067e6c624004b9509b8';
    expect(auditSummary({ action: 'live.started', details: { session } }, names)).toEqual(['session 0aaa2654']);
    expect(auditSummary({ action: 'live.stopped', details: { why: 'idle', seconds: 31, session } }, names)).toEqual([
      'session 0aaa2654 · 31 s · idle',
    ]);
  });

  it('gives an export’s purpose and fingerprint, and says when analytics were stopped everywhere', () => {
    const details = { bytes: 42, export: 'e1', sha256: 'f8c1', purpose: 'terrorism_prevention' };
    expect(auditSummary({ action: 'export.created', details }, names)).toEqual([
      'terrorism_prevention',
      'SHA-256 f8c1',
    ]);
    expect(auditSummary({ action: 'analytics.paused', details: { scope: 'all cameras' } }, names)).toEqual([
      'allCameras',
    ]);
    expect(auditSummary({ action: 'analytics.paused', details: { scope: 'one camera' } }, names)).toEqual([]);
  });

  it('summarises refusals coalesced per source with their count, time span and routes', () => {
    const details = {
      coalesced: 1799,
      from: '2026-11-30T10:00:00.000Z',
      to: '2026-11-30T10:00:59.000Z',
      routes: { 'GET /api/cameras/:id/snapshot.jpg': 1799 },
    };
    expect(auditSummary({ action: 'access.denied', details }, names)).toEqual([
      'coalesced ×1799 (2026-11-30T10:00:00.000Z → 2026-11-30T10:00:59.000Z)',
      'GET /api/cameras/:id/snapshot.jpg ×1799',
    ]);
  });

  it('shows other details one field a line, never as JSON, and nothing without details', () => {
    expect(auditSummary({ action: 'access.denied', details: { code: 'PERMISSION_DENIED' } }, names)).toEqual([
      'code: PERMISSION_DENIED',
    ]);
    const hold = {
      hold: 'h1',
      window: { start: '2026-11-30T08:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
      retentionDays: 30,
      place: { lat: 50.36, lon: 3.52 },
      steps: [{ kind: 'call', to: 17 }],
    };
    expect(auditSummary({ action: 'hold.placed', details: hold }, names)).toEqual([
      'hold: h1',
      'window › start: 2026-11-30T08:00:00.000Z',
      'window › end: 2026-11-30T09:00:00.000Z',
      'Conservation: 30',
      'place: 50.36, 3.52',
      'steps: (kind: call, to: 17)',
    ]);
    expect(auditSummary({ action: 'auth.login' }, names)).toEqual([]);
  });
});
