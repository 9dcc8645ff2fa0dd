import { retentionCutoff, type Clock, type LegalProfile, type SegmentStorage } from '@vigie/core';
import type { IndexedSegment, UnitOfWork } from '@vigie/db';
import { purgeQuarantine } from './spool-recovery.js';

/** What one purge cycle removed for one camera. */
export interface PurgeReport {
  cameraId: string;
  segments: number;
  /** Expired segments kept because an access request or a legal hold in force covers them (R4, R15). */
  held: number;
  bytes: number;
  snapshots: number;
}

const batchSize = 2000;

function overlaps(segment: IndexedSegment, hold: { start: string; end: string }): boolean {
  return segment.endedAt.getTime() > Date.parse(hold.start) && segment.startedAt.getTime() < Date.parse(hold.end);
}

/**
 * The retention purge (LEGAL R3): deletes every segment that ended before its camera's retention
 * cutoff — files first, then index rows — along with the gaps and alert snapshots of that period,
 * and writes one audit entry per camera and cycle. Footage under hold (a pending access request, R15)
 * is kept until the hold is released, then goes at the next cycle (R4). Recordings of a removed camera are kept until the
 * legal maximum has passed.
 */
export class RetentionPurge {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      storage: SegmentStorage;
      profile: LegalProfile;
      /** Recovered files that could not be indexed (`recoverSpool`): deleted with their camera's footage. */
      quarantineDir?: string;
    },
  ) {}

  /** Runs one purge cycle over every camera; returns what it removed. */
  async run(): Promise<PurgeReport[]> {
    const now = this.deps.clock.now();
    const { cameraIds, retention } = await this.deps.work(async ({ recordings, cameras }) => ({
      cameraIds: await recordings.camerasWithSegments(),
      retention: new Map((await cameras.list()).map((c) => [c.id, c.retentionDays])),
    }));
    for (const id of retention.keys()) if (!cameraIds.includes(id)) cameraIds.push(id);
    const reports: PurgeReport[] = [];
    for (const cameraId of cameraIds) {
      const cutoff = retentionCutoff(now, retention.get(cameraId) ?? this.deps.profile.maxRetentionDays);
      const report = await this.#purgeCamera(cameraId, cutoff);
      if (report.segments > 0 || report.snapshots > 0 || report.held > 0) reports.push(report);
    }
    if (this.deps.quarantineDir !== undefined) {
      const maxDays = this.deps.profile.maxRetentionDays;
      await purgeQuarantine(this.deps.quarantineDir, (id) => retentionCutoff(now, retention.get(id) ?? maxDays));
    }
    return reports;
  }

  async #purgeCamera(cameraId: string, cutoff: Date): Promise<PurgeReport> {
    const report: PurgeReport = { cameraId, segments: 0, held: 0, bytes: 0, snapshots: 0 };
    let oldest: Date | undefined;
    for (;;) {
      const { expired, holds } = await this.deps.work(async ({ recordings, accessRequests, legalHolds }) => ({
        expired: await recordings.segmentsEndedBefore(cameraId, cutoff, batchSize),
        // Citizens' access requests (R15) and judicial holds in force (issue 15) both keep footage.
        holds: [
          ...(await accessRequests.holdsFor(cameraId)),
          ...(await legalHolds.activeFor(cameraId, this.deps.clock.now())),
        ],
      }));
      const deletable = expired.filter((segment) => !holds.some((hold) => overlaps(segment, hold)));
      report.held = expired.length - deletable.length;
      for (const segment of deletable) await this.deps.storage.remove(segment.key);
      await this.deps.work(({ recordings }) => recordings.deleteSegments(deletable.map((s) => s.id)));
      oldest ??= deletable[0]?.startedAt;
      report.segments += deletable.length;
      report.bytes += deletable.reduce((sum, s) => sum + s.bytes, 0);
      if (expired.length < batchSize || deletable.length === 0) break;
    }
    await this.deps.work(async ({ recordings, alerts, audit }) => {
      await recordings.deleteGapsBefore(cameraId, cutoff);
      report.snapshots = await alerts.deleteSnapshotsBefore(cameraId, cutoff);
      if (report.segments === 0 && report.snapshots === 0) return;
      await audit.append({
        action: 'recording.purged',
        actorName: 'system',
        cameraId,
        ...(oldest === undefined ? {} : { rangeStart: oldest.toISOString() }),
        rangeEnd: cutoff.toISOString(),
        reason: 'retention period over',
        details: {
          segments: report.segments,
          bytes: report.bytes,
          alertSnapshots: report.snapshots,
          heldSegments: report.held,
        },
      });
    });
    return report;
  }
}
