import { stat } from 'node:fs/promises';
import { segmentKey, segmentStartOfKey, type Segment } from '@vigie/core';
import type { LocalDiskStorage } from './local-disk.storage.js';
import { describeSegmentFile } from './segment.recorder.js';

/** What the start-up search for segments stored but never reported needs. */
export interface UnreportedSegmentsOptions {
  /** This node's own storage (its disk, or its share of a volume). */
  storage: LocalDiskStorage;
  cameraIds: readonly string[];
  /** When the last segment this node reported of a camera started: only later files are looked at. */
  reportedUntil: (cameraId: string) => Promise<Date>;
  /** Which of these keys of a camera are indexed (reported and stored by a server). */
  indexed: (cameraId: string, keys: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Reports a segment found stored but not indexed (with the idempotency key of its first report). */
  report: (segment: Segment) => void | Promise<void>;
  now: Date;
}

const hourMs = 3_600_000;

/** The storage prefixes (`<camera>/<day>/<hour>`) of a camera's segments started between two instants. */
function hourPrefixes(cameraId: string, from: Date, to: Date): string[] {
  const prefixes: string[] = [];
  for (let t = Math.floor(from.getTime() / hourMs) * hourMs; t <= to.getTime(); t += hourMs)
    prefixes.push(segmentKey(cameraId, new Date(t)).split('/').slice(0, 3).join('/'));
  return prefixes;
}

/**
 * Finds the segment files a node stored but never reported (killed between storing a file and its report
 * reaching the bus) and reports them: each file later than the last segment the node reported of its
 * camera, and not indexed. Its start is in its key, so its report carries the same idempotency key as the
 * lost one (a report that did reach the bus is stored once); its end is the file's modification time (the
 * recorder sets it to the segment's end before storing it), never past the next segment's start. Returns how many were reported.
 */
export async function reportUnreportedSegments(options: UnreportedSegmentsOptions): Promise<number> {
  let reported = 0;
  for (const cameraId of options.cameraIds) {
    const from = await options.reportedUntil(cameraId);
    const stored: { key: string; startedAt: Date }[] = [];
    for (const prefix of hourPrefixes(cameraId, from, options.now))
      for await (const key of options.storage.list(prefix)) {
        const startedAt = segmentStartOfKey(key);
        if (startedAt !== undefined && startedAt > from) stored.push({ key, startedAt });
      }
    if (stored.length === 0) continue;
    stored.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    const indexed = await options.indexed(
      cameraId,
      stored.map((s) => s.key),
    );
    for (const [i, { key, startedAt }] of stored.entries()) {
      if (indexed.has(key)) continue;
      const path = options.storage.pathOf(key);
      const modified = await stat(path).then(
        (s) => s.mtime.getTime(),
        () => undefined,
      );
      if (modified === undefined) continue; // removed meanwhile
      const next = stored[i + 1]?.startedAt.getTime() ?? Infinity;
      const endedAt = new Date(Math.min(modified, next));
      if (endedAt <= startedAt) continue;
      const { keyframes: _keyframes, ...described } = await describeSegmentFile(path);
      await options.report({ cameraId, key, startedAt, endedAt, ...described });
      reported += 1;
    }
  }
  return reported;
}
