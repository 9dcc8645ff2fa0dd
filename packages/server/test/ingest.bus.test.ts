import { randomBytes } from 'node:crypto';
import { JetStreamBus } from '@vigie/bus';
import { domainEvent, idempotencyKeys, type DomainEventOf } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import type { PushEvent } from '@vigie/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, type TestApp } from './support.js';

const natsUrl = process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const postgres = testEngines.find((e) => e.name === 'postgres')!;

/** Workers' reports through real NATS JetStream into PostgreSQL: each stored once, however often delivered. */
describe('ingestion of workers’ reports, exactly once (NATS JetStream, PostgreSQL)', () => {
  let app: TestApp;
  let bus: JetStreamBus;
  let worker: JetStreamBus;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const pushed: PushEvent[] = [];

  beforeAll(async () => {
    bus = await JetStreamBus.connect({ url: natsUrl, prefix });
    worker = await JetStreamBus.connect({ url: natsUrl, prefix });
    app = await openTestApp(postgres, undefined, { bus, workers: 'remote' });
    app.events.subscribe((e) => pushed.push(e));
    await app.background.start();
  });
  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await bus?.destroy();
  });

  it('stores segments, counts and an alert once when a worker publishes them twice, and pushes the alert once', async () => {
    const camera = await app.cameras.create(cameraBody() as never, { actorName: 'test' });
    const now = new Date();
    const segments = Array.from({ length: 30 }, (_, n) => {
      const startedAt = new Date(now.getTime() - (30 - n) * 4000).toISOString();
      const segment = {
        cameraId: camera.id,
        key: `${camera.id}/x/${n}.mp4`,
        startedAt,
        endedAt: new Date(Date.parse(startedAt) + 4000).toISOString(),
        bytes: 100,
        sha256: 'd'.repeat(64),
        initBytes: 10,
        node: 'http://127.0.0.1:9',
      };
      return domainEvent<DomainEventOf<'segment.recorded'>>(
        { id: idempotencyKeys.segment(segment), type: 'segment.recorded', segment },
        now,
      );
    });
    const at = now.toISOString();
    const alert = {
      cameraId: camera.id,
      type: 'abandoned_object' as const,
      severity: 'high' as const,
      message: 'Object left 60 s',
      openedAt: at,
      clip: { from: at, to: at },
      snapshot: Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64'),
      details: { key: 'k', t: 1 },
    };
    const raised = domainEvent<DomainEventOf<'alert.raised'>>(
      { id: idempotencyKeys.alert(alert), type: 'alert.raised', alert },
      now,
    );
    const counts = domainEvent<DomainEventOf<'counts.sampled'>>(
      {
        id: idempotencyKeys.counts(camera.id, at),
        type: 'counts.sampled',
        samples: [{ cameraId: camera.id, series: 'line', at, in: 4, out: 1 }],
      },
      now,
    );
    const all = [...segments, raised, counts];
    await Promise.all(all.map((e) => worker.publish(e)));
    // A retry after the dedup window (as after a long outage): the stream takes it, the store must not.
    await Promise.all(all.map((e) => worker.publish({ ...e, at: new Date().toISOString() })));
    await app.ingestor.store(all);

    const db = app.database.db;
    const count = async (query: ReturnType<typeof sql<{ n: string }>>) => Number((await query.execute(db)).rows[0]?.n);
    const deadline = Date.now() + 20_000;
    while ((await count(sql`select count(*) as n from segments where camera_id = ${camera.id}`)) < 30) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    while (!pushed.some((e) => e.type === 'alert.opened')) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(await count(sql`select count(*) as n from segments where camera_id = ${camera.id}`)).toBe(30);
    expect(await count(sql`select count(*) as n from alerts where camera_id = ${camera.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from count_samples where camera_id = ${camera.id}`)).toBe(1);
    expect(await count(sql`select count(*) as n from audit_log where action = 'alert.opened'`)).toBe(1);
    expect(pushed.filter((e) => e.type === 'alert.opened')).toHaveLength(1);
    // The segment is indexed with the node that holds it, a URL, never a file path.
    expect(
      await app.database.db.selectFrom('segments').select('node').where('camera_id', '=', camera.id).executeTakeFirst(),
    ).toEqual({
      node: 'http://127.0.0.1:9',
    });
  });
});
