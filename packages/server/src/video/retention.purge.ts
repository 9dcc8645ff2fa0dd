import { retentionCutoff, type Clock, type LegalProfile, type SegmentStorage } from '@vigie/core';
import type { Stores, UnitOfWork } from '@vigie/db';
import { purgeQuarantine } from '@vigie/media';

/** What one purge cycle removed for one camera. */
export interface PurgeReport {
  cameraId: string;
  segments: number;
  /** Expired segments kept because an access request or a legal hold in force covers them (R4, R15). */
  held: number;
  bytes: number;
  snapshots: number;
  /** Sealed (encrypted, unmasked) segments removed with the masked ones (docs/unmasking.md). */
  sealed: number;
}

/** One index of stored files the purge empties: the masked segments, the sealed unmasked ones. */
interface PurgedIndex {
  expired(stores: Stores, cutoff: Date, limit: number): Promise<StoredSpan[]>;
  remove(stores: Stores, ids: readonly string[]): Promise<void>;
}

interface StoredSpan {
  id: string;
  key: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
}

function segmentsOf(cameraId: string): PurgedIndex {
  return {
    expired: ({ recordings }, cutoff, limit) => recordings.segmentsEndedBefore(cameraId, cutoff, limit),
    remove: ({ recordings }, ids) => recordings.deleteSegments(ids),
  };
}

function sealedOf(cameraId: string): PurgedIndex {
  return {
    expired: ({ unmask }, cutoff, limit) => unmask.sealedEndedBefore(cameraId, cutoff, limit),
    remove: ({ unmask }, ids) => unmask.deleteSealed(ids),
  };
}

const batchSize = 2000;

function overlaps(segment: StoredSpan, hold: { start: string; end: string }): boolean {
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
      if (report.segments > 0 || report.snapshots > 0 || report.held > 0 || report.sealed > 0) reports.push(report);
    }
    if (this.deps.quarantineDir !== undefined) {
      const maxDays = this.deps.profile.maxRetentionDays;
      await purgeQuarantine(this.deps.quarantineDir, (id) => retentionCutoff(now, retention.get(id) ?? maxDays));
    }
    return reports;
  }

  async #purgeCamera(cameraId: string, cutoff: Date): Promise<PurgeReport> {
    const masked = await this.#purgeIndex(cameraId, cutoff, segmentsOf(cameraId));
    const sealed = await this.#purgeIndex(cameraId, cutoff, sealedOf(cameraId));
    const report: PurgeReport = {
      cameraId,
      segments: masked.removed,
      held: masked.held,
      bytes: masked.bytes + sealed.bytes,
      snapshots: 0,
      sealed: sealed.removed,
    };
    const oldest = masked.oldest ?? sealed.oldest;
    await this.deps.work(async ({ recordings, alerts, audit }) => {
      await recordings.deleteGapsBefore(cameraId, cutoff);
      report.snapshots = await alerts.deleteSnapshotsBefore(cameraId, cutoff);
      if (report.segments === 0 && report.snapshots === 0 && report.sealed === 0) return;
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
          sealedSegments: report.sealed,
          heldSegments: report.held,
        },
      });
    });
    return report;
  }

  /** Deletes the expired files of one index not under a hold — files first, then rows — in batches. */
  async #purgeIndex(
    cameraId: string,
    cutoff: Date,
    index: PurgedIndex,
  ): Promise<{ removed: number; held: number; bytes: number; oldest: Date | undefined }> {
    const result = { removed: 0, held: 0, bytes: 0, oldest: undefined as Date | undefined };
    for (;;) {
      const { expired, holds } = await this.deps.work(async (stores) => ({
        expired: await index.expired(stores, cutoff, batchSize),
        // Citizens' access requests (R15) and judicial holds in force (issue 15) both keep footage.
        holds: [
          ...(await stores.accessRequests.holdsFor(cameraId)),
          ...(await stores.legalHolds.activeFor(cameraId, this.deps.clock.now())),
        ],
      }));
      const deletable = expired.filter((segment) => !holds.some((hold) => overlaps(segment, hold)));
      result.held = expired.length - deletable.length;
      for (const segment of deletable) await this.deps.storage.remove(segment.key);
      await this.deps.work((stores) =>
        index.remove(
          stores,
          deletable.map((s) => s.id),
        ),
      );
      result.oldest ??= deletable[0]?.startedAt;
      result.removed += deletable.length;
      result.bytes += deletable.reduce((sum, s) => sum + s.bytes, 0);
      if (expired.length < batchSize || deletable.length === 0) break;
    }
    return result;
  }
}
