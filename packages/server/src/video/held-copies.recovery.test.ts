import { segmentKey, type SegmentStorage } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { prefixesSince, unindexedSegments } from './held-copies.recovery.js';

/** Storage holding the given keys, listed by prefix as the local disk does. */
function storageOf(keys: readonly string[]): SegmentStorage {
  return {
    put: () => Promise.reject(new Error('read only')),
    read: () => Promise.reject(new Error('read only')) as never,
    remove: () => Promise.resolve(false),
    list: async function* (prefix) {
      for (const key of keys) if (key.startsWith(prefix)) yield key;
    },
  };
}

const at = (iso: string) => new Date(iso);

describe('segments a copy recorder left unindexed', () => {
  it('lists the hours left of the first day, then whole days', () => {
    expect(prefixesSince('cam', at('2026-12-01T21:30:00Z'), at('2026-12-03T08:00:00Z'))).toEqual([
      'cam/2026-12-01/21/',
      'cam/2026-12-01/22/',
      'cam/2026-12-01/23/',
      'cam/2026-12-02/',
      'cam/2026-12-03/',
    ]);
  });

  it('finds the stored segments no index row points to, across an hour and a day, with their ends estimated', async () => {
    const starts = ['2026-12-01T23:59:52Z', '2026-12-01T23:59:56Z', '2026-12-02T00:00:00Z', '2026-12-02T00:00:30Z'];
    const keys = starts.map((iso) => segmentKey('cam', at(iso)));
    const found = await unindexedSegments({
      storage: storageOf([...keys, segmentKey('other', at(starts[1]!))]),
      cameraId: 'cam',
      from: at('2026-12-01T23:00:00Z'),
      now: at('2026-12-02T00:01:00Z'),
      indexedKeys: new Set([keys[0]!]),
      segmentMs: 4000,
    });
    expect(found.map((s) => [s.key, s.startedAt.toISOString(), s.endedAt.toISOString()])).toEqual([
      // Ends where the next stored segment starts…
      [keys[1], '2026-12-01T23:59:56.000Z', '2026-12-02T00:00:00.000Z'],
      // …or one segment length later when the next is far (a gap) or there is none.
      [keys[2], '2026-12-02T00:00:00.000Z', '2026-12-02T00:00:04.000Z'],
      [keys[3], '2026-12-02T00:00:30.000Z', '2026-12-02T00:00:34.000Z'],
    ]);
  });

  it('lists a camera with nothing indexed by its whole prefix', async () => {
    const key = segmentKey('cam', at('2026-12-01T10:00:00Z'));
    const found = await unindexedSegments({
      storage: storageOf([key]),
      cameraId: 'cam',
      from: new Date(0),
      now: at('2026-12-02T00:00:00Z'),
      indexedKeys: new Set(),
      segmentMs: 4000,
    });
    expect(found.map((s) => s.key)).toEqual([key]);
  });
});
