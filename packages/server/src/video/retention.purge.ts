import { retentionCutoff, type Clock, type LegalProfile, type SegmentStorage } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/** What one purge cycle removed for one camera. */
export interface PurgeReport {
  cameraId: string;
  segments: number;
  bytes: number;
  snapshots: number;
}

const batchSize = 500;

/**
 * The retention purge (LEGAL R3): deletes every segment that ended before its camera's retention
 * cutoff — files first, then index rows — along with the gaps and alert snapshots of that period,
 * and writes one audit entry per camera and cycle. Recordings of a removed camera are kept until the
 * legal maximum has passed.
 */
export class RetentionPurge {
  constructor(
    private readonly deps: { work: UnitOfWork; clock: Clock; storage: SegmentStorage; profile: LegalProfile },
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
      if (report.segments > 0 || report.snapshots > 0) reports.push(report);
    }
    return reports;
  }

  async #purgeCamera(cameraId: string, cutoff: Date): Promise<PurgeReport> {
    const report: PurgeReport = { cameraId, segments: 0, bytes: 0, snapshots: 0 };
    let oldest: Date | undefined;
    for (;;) {
      const expired = await this.deps.work(({ recordings }) =>
        recordings.segmentsEndedBefore(cameraId, cutoff, batchSize),
      );
      if (expired.length === 0) break;
      for (const segment of expired) await this.deps.storage.remove(segment.key);
      await this.deps.work(({ recordings }) => recordings.deleteSegments(expired.map((s) => s.id)));
      oldest ??= expired[0]?.startedAt;
      report.segments += expired.length;
      report.bytes += expired.reduce((sum, s) => sum + s.bytes, 0);
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
        details: { segments: report.segments, bytes: report.bytes, alertSnapshots: report.snapshots },
      });
    });
    return report;
  }
}
