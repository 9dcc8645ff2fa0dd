import type { SegmentStorage } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { recoverSpool, type SpoolRecoveryReport } from '@vigie/media';
import type { Segment } from '@vigie/core';

/**
 * The server's start-up spool recovery (`recoverSpool`, shared with workers): recovered segments get
 * their index rows directly, except those of cameras recorded by copy with their own masks, handed to
 * `distrusted` to be masked first; what was found goes into the audit trail.
 */
export async function recoverServerSpool(options: {
  work: UnitOfWork;
  storage: SegmentStorage;
  spoolDir: string;
  quarantineDir: string;
  distrusted: { distrusts(cameraId: string): boolean; take(segment: Segment): void };
}): Promise<SpoolRecoveryReport> {
  const { work } = options;
  const report = await recoverSpool({
    storage: options.storage,
    spoolDir: options.spoolDir,
    quarantineDir: options.quarantineDir,
    cameraIds: () => work(async ({ cameras }) => new Set((await cameras.list()).map((c) => c.id))),
    // This server alone recorded its cameras: nothing indexed after a spool file is another's footage.
    indexedEndBefore: (cameraId) => work(({ recordings }) => recordings.lastSegmentEnd(cameraId)),
    index: async (segment) => {
      if (options.distrusted.distrusts(segment.cameraId)) options.distrusted.take(segment);
      else await work(({ recordings }) => recordings.insertSegment(segment));
    },
  });
  if (report.straysStopped + report.indexed + report.quarantined > 0) {
    await work(({ audit }) =>
      audit.append({
        action: 'recording.recovered',
        actorName: 'system',
        reason: 'recording spool left by a server that stopped abruptly',
        details: { ...report },
      }),
    );
  }
  return report;
}
