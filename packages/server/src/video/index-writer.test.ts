import type { RecordingGap, Segment } from '@vigie/core';
import type { Stores, UnitOfWork } from '@vigie/db';
import { describe, expect, it } from 'vitest';
import { IndexWriter } from './index-writer.js';

function segment(cameraId: string, n: number): Segment {
  const startedAt = new Date(Date.UTC(2026, 10, 30, 10, 0, n * 4));
  return {
    cameraId,
    key: `${cameraId}/${n}.mp4`,
    startedAt,
    endedAt: new Date(startedAt.getTime() + 4000),
    bytes: 2_000_000,
    initBytes: 800,
    sha256: 'ab'.repeat(32),
  };
}

/** A unit of work over an in-memory index that counts its transactions and refuses a duplicate key. */
function memoryIndex(): { work: UnitOfWork; transactions: number; keys: string[]; gaps: RecordingGap[] } {
  const index = { transactions: 0, keys: [] as string[], gaps: [] as RecordingGap[] };
  const work: UnitOfWork = async (task) => {
    index.transactions += 1;
    const staged = { keys: [...index.keys], gaps: [...index.gaps] };
    const recordings = {
      insertSegments: (segments: readonly Segment[]) => {
        for (const s of segments) {
          if (staged.keys.includes(s.key)) return Promise.reject(new Error(`duplicate key ${s.key}`));
          staged.keys.push(s.key);
        }
        return Promise.resolve();
      },
      insertGaps: (gaps: readonly RecordingGap[]) => {
        staged.gaps.push(...gaps);
        return Promise.resolve();
      },
    };
    const result = await task({ recordings } as unknown as Stores);
    // Committed only when the whole transaction succeeded.
    index.keys = staged.keys;
    index.gaps = staged.gaps;
    return result;
  };
  return Object.assign(index, { work });
}

describe('index writer', () => {
  it('writes the segments and gaps of many cameras in one transaction', async () => {
    const index = memoryIndex();
    const writer = new IndexWriter({ work: index.work, flushMs: 20 });
    const gap = { cameraId: 'c', from: new Date(0), to: new Date(1000), reason: 'recorder stopped' };
    await Promise.all([
      ...['a', 'b', 'c'].flatMap((camera) => [writer.segment(segment(camera, 1)), writer.segment(segment(camera, 2))]),
      writer.gap(gap),
    ]);
    expect(index.transactions).toBe(1);
    expect(index.keys).toHaveLength(6);
    expect(index.gaps).toEqual([gap]);
  });

  it('writes a full batch at once, without waiting for the timer', async () => {
    const index = memoryIndex();
    const writer = new IndexWriter({ work: index.work, flushMs: 60_000, maxBatch: 3 });
    await Promise.all([1, 2, 3].map((n) => writer.segment(segment('a', n))));
    expect(index.keys).toEqual(['a/1.mp4', 'a/2.mp4', 'a/3.mp4']);
  });

  it('fails only the bad row of a batch: the others are indexed', async () => {
    const index = memoryIndex();
    const writer = new IndexWriter({ work: index.work, flushMs: 20 });
    await writer.segment(segment('a', 1));
    const results = await Promise.allSettled([
      writer.segment(segment('a', 2)),
      writer.segment(segment('a', 1)),
      writer.segment(segment('b', 1)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(index.keys.sort()).toEqual(['a/1.mp4', 'a/2.mp4', 'b/1.mp4']);
  });
});
