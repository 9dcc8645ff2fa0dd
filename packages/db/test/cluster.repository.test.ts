import { randomUUID } from 'node:crypto';
import { systemClock } from '@vigie/core';
import { storesFor, unitOfWork, type VigieDatabase } from '@vigie/db';
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

  it('stores new segments and counts with their keys in one statement, and nothing of events seen before', async () => {
    const { cluster } = storesFor(database!.db, systemClock);
    const camera = randomUUID();
    const at = (n: number) => new Date(Date.UTC(2026, 10, 23, 10) + n * 4000);
    const segment = (n: number) => ({
      eventId: `seg-${camera}-${n}`,
      cameraId: camera,
      key: `${camera}/f/${n}.mp4`,
      startedAt: at(n),
      endedAt: at(n + 1),
      bytes: 10,
      initBytes: 5,
      sha256: 'a'.repeat(64),
      node: 'http://w1',
    });
    const counts = (n: number) =>
      (['l1', 'l2'] as const).map((series) => ({
        eventId: `cnt-${camera}-${n}`,
        cameraId: camera,
        series,
        at: at(n),
        in: n,
      }));
    const rows = async () => ({
      segments: (await database!.db.selectFrom('segments').select('key').where('camera_id', '=', camera).execute())
        .length,
      counts: (await database!.db.selectFrom('count_samples').select('at').where('camera_id', '=', camera).execute())
        .length,
    });
    expect(await cluster.ingestFacts({ segments: [0, 1, 2].map(segment), counts: [...counts(0), ...counts(1)] })).toBe(
      5,
    );
    expect(await rows()).toEqual({ segments: 3, counts: 4 });
    // A redelivery overlapping the first batch: only the events not seen before are stored.
    expect(await cluster.ingestFacts({ segments: [1, 2, 3].map(segment), counts: [...counts(1), ...counts(2)] })).toBe(
      2,
    );
    expect(await rows()).toEqual({ segments: 4, counts: 6 });
    const stored = await database!.db
      .selectFrom('segments')
      .selectAll()
      .where('key', '=', `${camera}/f/3.mp4`)
      .executeTakeFirst();
    expect(stored).toMatchObject({ node: 'http://w1', init_hash: null, sha256: 'a'.repeat(64) });
    expect(stored?.started_at.toISOString()).toBe(at(3).toISOString());
    expect(await cluster.ingestFacts({ segments: [], counts: [] })).toBe(0);
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
