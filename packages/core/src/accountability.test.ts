import { describe, expect, it } from 'vitest';
import { accountabilityStatistics } from './accountability.js';
import type { AuditEntry, AuditInput } from './audit.js';
import { frenchProfile } from './legal-profile.js';

const gare = '00000000-0000-4000-8000-000000000001';
const place = '00000000-0000-4000-8000-000000000002';
let seq = 0;

function entry(at: string, input: Omit<AuditInput, 'actorName'>): AuditEntry {
  seq += 1;
  return { ...input, actorName: 'agent.dupont', source: '10.0.0.7', seq, at, prevHash: '', hash: '' };
}

describe('public accountability statistics', () => {
  it('counts uses per camera and month, exports by purpose and verdicts, and requests answered in time', () => {
    const entries = [
      entry('2026-05-31T22:30:00Z', { action: 'live.started', cameraId: gare }), // 1 June in Paris
      entry('2026-06-02T08:00:00Z', { action: 'live.started', cameraId: gare }),
      entry('2026-06-02T08:05:00Z', { action: 'playback.viewed', cameraId: gare, reason: 'Vol signalé' }),
      entry('2026-06-03T09:00:00Z', {
        action: 'export.created',
        cameraId: gare,
        details: { purpose: 'public_space_safety' },
      }),
      entry('2026-06-03T09:00:00Z', {
        action: 'export.created',
        cameraId: gare,
        details: { purpose: 'data_subject_access' },
      }),
      entry('2026-06-04T10:00:00Z', { action: 'alert.opened', cameraId: place }),
      entry('2026-06-04T10:00:30Z', {
        action: 'alert.acted',
        cameraId: place,
        details: { action: 'acknowledge', status: 'acknowledged' },
      }),
      entry('2026-06-04T10:01:00Z', {
        action: 'alert.acted',
        cameraId: place,
        details: { action: 'qualify', qualification: 'false_alarm', status: 'closed' },
      }),
      entry('2026-07-01T10:00:00Z', { action: 'live.started', cameraId: place }),
      entry('2026-06-01T10:00:00Z', {
        action: 'access_request.received',
        details: { requestId: 'a', reference: 'DA-1' },
      }),
      entry('2026-06-02T10:00:00Z', {
        action: 'access_request.received',
        details: { requestId: 'b', reference: 'DA-2' },
      }),
      entry('2026-06-20T10:00:00Z', {
        action: 'access_request.status_changed',
        details: { requestId: 'a', to: 'delivered' },
      }),
      entry('2026-06-25T10:00:00Z', {
        action: 'access_request.status_changed',
        details: { requestId: 'a', to: 'no_footage' },
      }),
      entry('2026-07-01T10:00:00Z', {
        action: 'access_request.deadline_extended',
        details: { requestId: 'b', to: '2026-09-02T10:00:00.000Z' },
      }),
      entry('2026-08-10T10:00:00Z', {
        action: 'access_request.status_changed',
        details: { requestId: 'b', to: 'rejected' },
      }),
    ];
    const stats = accountabilityStatistics(entries, frenchProfile);
    expect(stats.cameras).toEqual([
      {
        cameraId: gare,
        month: '2026-06',
        liveViews: 2,
        playbacks: 1,
        exportsByPurpose: { public_space_safety: 1, data_subject_access: 1 },
        alerts: 0,
        alertVerdicts: {},
      },
      {
        cameraId: place,
        month: '2026-06',
        liveViews: 0,
        playbacks: 0,
        exportsByPurpose: {},
        alerts: 1,
        alertVerdicts: { false_alarm: 1 }, // acknowledging is no verdict
      },
      {
        cameraId: place,
        month: '2026-07',
        liveViews: 1,
        playbacks: 0,
        exportsByPurpose: {},
        alerts: 0,
        alertVerdicts: {},
      },
    ]);
    expect(stats.accessRequests).toEqual([
      { month: '2026-06', answered: 1, answeredWithinDeadline: 1 },
      { month: '2026-08', answered: 1, answeredWithinDeadline: 1 },
    ]);
    // Counts only: no name, address, reason or reference of anyone reaches the published figures.
    const published = JSON.stringify(stats);
    for (const secret of ['agent.dupont', '10.0.0.7', 'Vol signalé', 'DA-1']) expect(published).not.toContain(secret);
  });

  it('counts a request answered after its deadline as late', () => {
    const stats = accountabilityStatistics(
      [
        entry('2026-06-01T10:00:00Z', { action: 'access_request.received', details: { requestId: 'c' } }),
        entry('2026-07-02T10:00:00Z', {
          action: 'access_request.status_changed',
          details: { requestId: 'c', to: 'delivered' },
        }),
      ],
      frenchProfile,
    );
    expect(stats.accessRequests).toEqual([{ month: '2026-07', answered: 1, answeredWithinDeadline: 0 }]);
  });
});
