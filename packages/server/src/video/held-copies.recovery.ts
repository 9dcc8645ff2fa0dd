import { segmentStartOfKey, type Segment, type SegmentStorage } from '@vigie/core';
import { auditWhileDatabaseAway, type UnitOfWork } from '@vigie/db';
import { copiedSegmentsFor, recordsByCopy } from '@vigie/media';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * Storage prefixes that can hold a camera's segments started from `from` to `now` (`segmentKey`): the hours left
 * of `from`'s day, then whole days, so that a camera offline for weeks costs one listing per day, not per hour.
 */
export function prefixesSince(cameraId: string, from: Date, now: Date): string[] {
  const prefixes: string[] = [];
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const firstDay = Date.parse(`${day(from)}T00:00:00.000Z`);
  for (let at = Math.floor(from.getTime() / hourMs) * hourMs; at < firstDay + dayMs; at += hourMs)
    prefixes.push(`${cameraId}/${day(new Date(at))}/${new Date(at).toISOString().slice(11, 13)}/`);
  for (let at = firstDay + dayMs; at <= now.getTime(); at += dayMs) prefixes.push(`${cameraId}/${day(new Date(at))}/`);
  return prefixes;
}

/**
 * The segments a copy recorder stored but never indexed before its server died (held until vouched for), found
 * from `from` on. Their start is read from their key; their end is estimated as the next stored segment's start
 * when that comes within two segment lengths, else one segment length later. Sizes and hashes are left for the
 * masking after the fact to fill in.
 */
export async function unindexedSegments(options: {
  storage: SegmentStorage;
  cameraId: string;
  from: Date;
  now: Date;
  indexedKeys: ReadonlySet<string>;
  segmentMs: number;
}): Promise<Segment[]> {
  const { storage, cameraId, from, now, indexedKeys, segmentMs } = options;
  const stored: { key: string; startedAt: Date }[] = [];
  // A camera with nothing indexed yet: its whole prefix at once, not one listing per day since 1970.
  const prefixes = from.getTime() <= 0 ? [`${cameraId}/`] : prefixesSince(cameraId, from, now);
  for (const prefix of prefixes)
    for await (const key of storage.list(prefix)) {
      const startedAt = segmentStartOfKey(key);
      if (startedAt !== undefined && startedAt >= from) stored.push({ key, startedAt });
    }
  stored.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return stored.flatMap(({ key, startedAt }, i) => {
    if (indexedKeys.has(key)) return [];
    const next = stored[i + 1]?.startedAt.getTime();
    const end =
      next !== undefined && next - startedAt.getTime() <= 2 * segmentMs ? next : startedAt.getTime() + segmentMs;
    return [{ cameraId, key, startedAt, endedAt: new Date(end), bytes: 0, sha256: '', initBytes: 0 }];
  });
}

/** What the start-up recovery of copied segments needs. */
export interface HeldCopiesOptions {
  work: UnitOfWork;
  storage: SegmentStorage;
  spoolDir: string;
  quarantineDir: string;
  ffmpegPath: string;
  segmentSeconds?: number;
  now: Date;
  log: { warn(details: object, message: string): void };
}

/**
 * Start-up recovery for cameras recorded by copy with their own masks (ADR 0006): what their recorder held when the
 * server died was never vouched for, so it is masked by Vigie, then indexed (or quarantined) — never indexed as it
 * is. `take` receives the segments spool recovery found for such cameras; `finish` adds those stored but never
 * indexed, masks them all and audits it.
 */
export async function heldCopiesRecovery(options: HeldCopiesOptions): Promise<{
  /** Whether a camera's recovered segments must be masked after the fact rather than indexed. */
  distrusts(cameraId: string): boolean;
  /** A segment spool recovery stored for such a camera. */
  take(segment: Segment): void;
  /** Finds the stored, unindexed segments of such cameras, masks and indexes everything taken; returns how many. */
  finish(): Promise<number>;
}> {
  const { work, storage, now } = options;
  const cameras = (await work(({ cameras }) => cameras.list())).filter(recordsByCopy);
  const taken = new Map<string, Segment[]>(cameras.map((camera) => [camera.id, []]));
  const segmentMs = (options.segmentSeconds ?? 4) * 1000;
  return {
    distrusts: (cameraId) => taken.has(cameraId),
    take: (segment) => taken.get(segment.cameraId)?.push(segment),
    finish: async () => {
      let count = 0;
      for (const camera of cameras) {
        const segments = taken.get(camera.id) ?? [];
        const lastEnd = await work(({ recordings }) => recordings.lastSegmentEnd(camera.id));
        const from = lastEnd === undefined ? new Date(0) : new Date(lastEnd.getTime() - hourMs);
        const indexed = await work(({ recordings }) =>
          recordings.segmentsBetween(camera.id, { from, to: new Date(now.getTime() + hourMs) }, from),
        );
        const indexedKeys = new Set([...indexed.map((s) => s.key), ...segments.map((s) => s.key)]);
        segments.push(
          ...(await unindexedSegments({ storage, cameraId: camera.id, from, now, indexedKeys, segmentMs })),
        );
        if (segments.length === 0) continue;
        const copied = copiedSegmentsFor(camera, {
          ...options,
          audit: auditWhileDatabaseAway(work),
          index: (segment) => work(({ recordings }) => recordings.insertSegment(segment)),
          reason: 'a server stopped abruptly with copied segments unvouched',
        });
        copied.distrust();
        for (const segment of segments) copied.hold(segment);
        await copied.finish();
        count += segments.length;
      }
      return count;
    },
  };
}
