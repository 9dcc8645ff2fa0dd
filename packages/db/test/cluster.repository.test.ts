import { randomUUID } from 'node:crypto';
import { systemClock } from '@vigie/core';
import { unitOfWork, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe.each(testEngines)('cluster repository on $name', (engine) => {
  let database: VigieDatabase | undefined;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('marks each idempotency key once, and not at all when the transaction rolls back', async () => {
    const work = unitOfWork(database!.db, systemClock);
    const fresh = await work(({ cluster }) => cluster.markIngested(['a', 'b', 'a']));
    expect([...fresh].sort()).toEqual(['a', 'b']);
    await expect(
      work(async ({ cluster }) => {
        await cluster.markIngested(['c']);
        throw new Error('store failed');
      }),
    ).rejects.toThrow('store failed');
    expect([...(await work(({ cluster }) => cluster.markIngested(['a', 'b', 'c'])))]).toEqual(['c']);
  });

  it('indexes segments held by a node, and persists the stop button per scope', async () => {
    const work = unitOfWork(database!.db, systemClock);
    const camera = randomUUID();
    const at = new Date('2026-11-23T10:00:00Z');
    const segments = Array.from({ length: 2500 }, (_, n) => ({
      cameraId: camera,
      key: `${camera}/${n}.mp4`,
      startedAt: new Date(at.getTime() + n * 4000),
      endedAt: new Date(at.getTime() + (n + 1) * 4000),
      bytes: 10,
      initBytes: 5,
      ...(n === 0 ? {} : { initHash: '0123456789abcdef' }),
      sha256: 'ab'.repeat(32),
      node: 'worker-1',
    }));
    await work(({ cluster }) => cluster.insertNodeSegments(segments));
    expect(await work(({ cluster }) => cluster.nodeOfSegment(camera, `${camera}/2499.mp4`))).toBe('worker-1');
    const indexed = await work(({ recordings }) =>
      recordings.segmentsBetween(camera, { from: at, to: new Date(at.getTime() + 8000) }, at),
    );
    expect(indexed.map((s) => s.initHash)).toEqual([undefined, '0123456789abcdef']);
    // What a restarted worker asks before reporting the files it stored but never reported.
    const last = (node: string, notBefore: Date) =>
      work(({ cluster }) => cluster.lastNodeSegmentStart(camera, node, notBefore));
    expect(await last('worker-1', at)).toEqual(new Date(at.getTime() + 2499 * 4000));
    expect(await last('worker-2', at)).toBeUndefined();
    expect(await last('worker-1', new Date(at.getTime() + 2500 * 4000))).toBeUndefined();
    const keys = [...segments.map((s) => s.key), `${camera}/never-reported.mp4`];
    const found = await work(({ cluster }) => cluster.indexedKeys(camera, keys));
    expect(found.size).toBe(2500);
    expect(found.has(`${camera}/never-reported.mp4`)).toBe(false);

    const stop = (paused: boolean, cameraId?: string) =>
      work(({ cluster }) =>
        cluster.setAnalyticsStop({ paused, ...(cameraId ? { cameraId } : {}), by: 'alice', reason: 'test', at }),
      );
    expect(await stop(true, camera)).toEqual({ paused: false, pausedCameraIds: [camera] });
    expect(await stop(true)).toEqual({ paused: true, pausedCameraIds: [camera] });
    expect(await stop(false)).toEqual({ paused: false, pausedCameraIds: [camera] });
    expect(await stop(false, camera)).toEqual({ paused: false, pausedCameraIds: [] });
  });
});
