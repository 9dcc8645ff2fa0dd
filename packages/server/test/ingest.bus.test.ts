import { randomBytes } from 'node:crypto';
import { JetStreamBus } from '@vigie/bus';
import { domainEvent, idempotencyKeys, type DomainEventOf } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { fullAudience, type PushEvent } from '@vigie/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTest, cameraBody, openTestApp, type TestApp } from './support.js';

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
    app.events.subscribe(
      () => fullAudience,
      (e) => pushed.push(e),
    );
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

  it('keeps one alert per situation: a worker’s updates and its end change the stored alert, once each', async () => {
    const camera = await app.cameras.create(cameraBody({ name: 'Parvis' }) as never, { actorName: 'test' });
    const t0 = new Date(Date.now() - 120_000);
    const iso = (s: number) => new Date(t0.getTime() + s * 1000).toISOString();
    const facts = { subject: 'object' as const, durationS: 10, region: { x: 0.4, y: 0.5, w: 0.1, h: 0.1 } };
    const opened = (s: number, key: string) => ({
      cameraId: camera.id,
      type: 'abandoned_object' as const,
      severity: 'high' as const,
      message: 'object still for 10 s',
      openedAt: iso(s),
      clip: { from: iso(s - 10), to: iso(s + 10) },
      details: { key, t: s * 1000 },
      situationKey: key,
      facts,
    });
    const first = opened(0, `abandoned_object/-/object:1@${iso(0)}`);
    const progress = (phase: 'updated' | 'ended', s: number, extra: object = {}) => ({
      cameraId: camera.id,
      situationKey: first.situationKey,
      phase,
      lastSeenAt: iso(s),
      occurrences: 3,
      facts: { ...facts, durationS: 10 + s },
      clipTo: iso(s + 10),
      ...extra,
    });
    const events = [
      domainEvent<DomainEventOf<'alert.raised'>>(
        { id: idempotencyKeys.alert(first), type: 'alert.raised', alert: first },
        t0,
      ),
      ...[
        progress('updated', 30, { snapshot: Buffer.from([0xff, 0xd8, 7]).toString('base64') }),
        progress('ended', 60, { endedAt: iso(60) }),
      ].map((p) =>
        domainEvent<DomainEventOf<'alert.progressed'>>(
          { id: idempotencyKeys.progress(p), type: 'alert.progressed', progress: p },
          t0,
        ),
      ),
    ];
    // Published twice (a worker's retry), and stored again by hand (a redelivery).
    for (const e of [...events, ...events]) await worker.publish(e);
    const deadline = Date.now() + 20_000;
    const stored = async () =>
      (await app.alerts.list({ cameraId: camera.id }, asTest)).alerts.filter((a) => a.type === 'abandoned_object');
    while ((await stored())[0]?.endedAt === undefined) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.ingestor.store(events);
    const [alert] = await stored();
    expect(await stored()).toHaveLength(1);
    expect(alert).toMatchObject({
      openedAt: iso(0),
      lastSeenAt: iso(60),
      endedAt: iso(60),
      occurrences: 3,
      status: 'open',
      facts: { subject: 'object', durationS: 70 },
      clip: { from: iso(-10), to: iso(70) },
    });
    expect(alert!.groupId).toBe(alert!.id);
    const snapshot = await app.database.db
      .selectFrom('alerts')
      .select('snapshot')
      .where('id', '=', alert!.id)
      .executeTakeFirst();
    expect([...(snapshot?.snapshot ?? [])]).toEqual([0xff, 0xd8, 7]);
    const ended = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'alert.ended')
      .execute();
    expect(ended.filter((e) => (e.details as { alert?: string } | null)?.alert === alert!.id)).toHaveLength(1);

    // The bag comes back after the situation ended: a new alert, grouped with the first (same camera, zone, type).
    const again = opened(90, `abandoned_object/-/object:5@${iso(90)}`);
    await app.ingestor.store([
      domainEvent<DomainEventOf<'alert.raised'>>(
        { id: idempotencyKeys.alert(again), type: 'alert.raised', alert: again },
        t0,
      ),
    ]);
    const both = await stored();
    expect(both).toHaveLength(2);
    expect(new Set(both.map((a) => a.groupId))).toEqual(new Set([alert!.id]));
  });

  it('stores a worker outbox’s batch envelopes once each, republished or not, and sets a bad one aside', async () => {
    const camera = await app.cameras.create(cameraBody({ name: 'Halles' }) as never, { actorName: 'test' });
    const t0 = Date.now() - 3_600_000;
    const segments = Array.from({ length: 1202 }, (_, n) => {
      const startedAt = new Date(t0 + n * 2000).toISOString();
      const segment = {
        cameraId: camera.id,
        key: `${camera.id}/b/${n}.mp4`,
        startedAt,
        endedAt: new Date(Date.parse(startedAt) + 2000).toISOString(),
        bytes: 100,
        sha256: 'e'.repeat(64),
        initBytes: 10,
        node: 'http://127.0.0.1:9',
      };
      return domainEvent<DomainEventOf<'segment.recorded'>>(
        { id: idempotencyKeys.segment(segment), type: 'segment.recorded', segment },
        new Date(),
      );
    });
    // Two envelopes (1,000 and 200 events), as a worker's outbox publishes a backlog.
    await worker.publishAll(segments.slice(0, 1200));
    // The same envelope twice (dropped by the stream), and events again in other envelopes (by the store).
    await worker.publishAll(segments.slice(0, 300));
    await worker.publishAll(segments.slice(0, 300));
    await worker.publishAll(segments.slice(200, 700));
    // A newer release's envelope: set aside, not stored (the bus tests check the quarantine stream).
    worker.connection.publish(
      `${prefix}.segment.recorded.batch`,
      JSON.stringify({ batch: 2, events: segments.slice(1200) }),
    );
    const db = app.database.db;
    const stored = async () =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from segments where camera_id = ${camera.id}`.execute(db))
          .rows[0]?.n,
      );
    await expect.poll(stored, { timeout: 20_000 }).toBe(1200);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await stored()).toBe(1200);
  });

  it('stores an alert of a camera while another camera’s alert is slow, each camera in its order', async () => {
    const [slow, quick] = await Promise.all(
      ['Gare', 'Beffroi'].map((name) => app.cameras.create(cameraBody({ name }) as never, { actorName: 'test' })),
    );
    const raised = (cameraId: string, s: number) => {
      const at = new Date(Date.now() - 60_000 + s * 1000).toISOString();
      const alert = {
        cameraId,
        type: 'intrusion' as const,
        severity: 'medium' as const,
        message: `alert ${s}`,
        openedAt: at,
        clip: { from: at, to: at },
        details: {},
      };
      return domainEvent<DomainEventOf<'alert.raised'>>(
        { id: idempotencyKeys.alert(alert), type: 'alert.raised', alert },
        new Date(),
      );
    };
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const raiseOnce = app.alerts.raiseOnce.bind(app.alerts);
    // The first alert of the slow camera takes its time (a slow disk, a lock).
    app.alerts.raiseOnce = async (alert, key) => {
      if (alert.cameraId === slow!.id && alert.message === 'alert 1') await gate;
      return raiseOnce(alert, key);
    };
    try {
      const opened = () =>
        pushed.flatMap((e) =>
          e.type === 'alert.opened' && [slow!.id, quick!.id].includes(e.alert.cameraId) ? [e.alert.message] : [],
        );
      await worker.publish(raised(slow!.id, 1));
      await worker.publish(raised(slow!.id, 2));
      await worker.publish(raised(quick!.id, 3));
      await expect.poll(opened, { timeout: 10_000 }).toEqual(['alert 3']);
      release();
      await expect.poll(opened, { timeout: 10_000 }).toEqual(['alert 3', 'alert 1', 'alert 2']);
    } finally {
      release();
      app.alerts.raiseOnce = raiseOnce;
    }
  });
});
