import { randomUUID } from 'node:crypto';
import type { Bus, DomainEvent } from '@vigie/core';
import { afterEach, describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { InProcessBus, JetStreamBus, quarantineStreamName, streamName } from '../src/index.js';
import { eventually, natsUrl, segmentEvent, uniquePrefix } from './support.js';

const adapters: [string, () => Promise<Bus>][] = [
  ['in-process', async () => new InProcessBus({ retryMs: 50, onError: () => undefined })],
  [
    'NATS JetStream',
    async () => JetStreamBus.connect({ url: natsUrl, prefix: uniquePrefix(), retryMs: 50, onError: () => undefined }),
  ],
];

describe.each(adapters)('bus: %s', (_name, open) => {
  let bus: Bus | undefined;
  afterEach(async () => {
    await (bus instanceof JetStreamBus ? bus.destroy() : bus?.close());
    bus = undefined;
  });

  it('delivers every event to every follower, in order, filtered by type', async () => {
    bus = await open();
    const camera = randomUUID();
    const all: string[] = [];
    const deletes: string[] = [];
    await bus.follow((e) => void all.push(e.id));
    await bus.follow((e) => void deletes.push(e.type), { types: ['camera.deleted'] });
    for (let n = 0; n < 20; n++) await bus.publish(segmentEvent(camera, n));
    await bus.publish({ v: 1, id: 'del', at: new Date().toISOString(), type: 'camera.deleted', cameraId: camera });
    await eventually(() => all.length === 21 && deletes.length === 1);
    expect(all.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, n) => segmentEvent(camera, n).id));
    expect(deletes).toEqual(['camera.deleted']);
  });

  it('shares a consumer group: each event handled once across members, in batches', async () => {
    bus = await open();
    const camera = randomUUID();
    const seen: string[] = [];
    const batches: number[] = [];
    const member = () =>
      bus!.consume({
        group: 'ingest',
        types: ['segment.recorded'],
        maxBatch: 50,
        handle: async (events) => {
          batches.push(events.length);
          seen.push(...events.map((e) => e.id));
        },
      });
    await member();
    await member();
    await Promise.all(Array.from({ length: 200 }, (_, n) => bus!.publish(segmentEvent(camera, n))));
    await eventually(() => seen.length >= 200);
    await new Promise((r) => setTimeout(r, 200));
    expect(new Set(seen).size).toBe(200);
    expect(seen.length).toBe(200);
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(50);
  });

  it('delivers events published together to followers and groups, each once, in order per type', async () => {
    bus = await open();
    const camera = randomUUID();
    const followed: string[] = [];
    const consumed: string[] = [];
    await bus.follow((e) => void followed.push(e.id), { types: ['segment.recorded'] });
    await bus.consume({
      group: 'ingest',
      types: ['segment.recorded', 'camera.deleted'],
      maxBatch: 1000,
      handle: async (events) => void consumed.push(...events.map((e) => e.id)),
    });
    const segments = Array.from({ length: 1500 }, (_, n) => segmentEvent(camera, n));
    const deleted = {
      v: 1 as const,
      id: 'del',
      at: new Date().toISOString(),
      type: 'camera.deleted' as const,
      cameraId: camera,
    };
    await bus.publishAll([...segments.slice(0, 700), deleted, ...segments.slice(700)]);
    await eventually(() => followed.length === 1500 && consumed.length === 1501);
    await new Promise((r) => setTimeout(r, 200));
    expect(followed).toEqual(segments.map((e) => e.id));
    expect(consumed.filter((id) => id !== 'del')).toEqual(segments.map((e) => e.id));
    expect(consumed).toHaveLength(1501);
  });

  it('hands a failed batch out again until it is handled', async () => {
    bus = await open();
    const camera = randomUUID();
    let failures = 0;
    const handled: DomainEvent[] = [];
    await bus.consume({
      group: 'flaky',
      types: ['segment.recorded'],
      handle: async (events) => {
        if (failures < 2) {
          failures++;
          throw new Error('database away');
        }
        handled.push(...events);
      },
    });
    await bus.publish(segmentEvent(camera, 1));
    await eventually(() => handled.length > 0);
    expect(failures).toBe(2);
    expect(handled.map((e) => e.id)).toEqual([segmentEvent(camera, 1).id]);
  });
});

describe('bus: NATS JetStream only', () => {
  it('drops a second publish of the same idempotency key, and keeps events for a group that joins later', async () => {
    const prefix = uniquePrefix();
    const publisher = await JetStreamBus.connect({ url: natsUrl, prefix });
    const camera = randomUUID();
    await publisher.publish(segmentEvent(camera, 1));
    await publisher.publish(segmentEvent(camera, 1));
    await publisher.publish(segmentEvent(camera, 2));
    await publisher.close();

    const server = await JetStreamBus.connect({ url: natsUrl, prefix });
    const seen: string[] = [];
    await server.consume({
      group: 'late',
      types: ['segment.recorded'],
      handle: async (e) => void seen.push(...e.map((x) => x.id)),
    });
    await eventually(() => seen.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual([segmentEvent(camera, 1).id, segmentEvent(camera, 2).id]);
    await server.destroy();
  });

  it('drops a batch envelope published twice: its message id is derived from its events', async () => {
    const bus = await JetStreamBus.connect({ url: natsUrl, prefix: uniquePrefix() });
    try {
      const camera = randomUUID();
      const batch = Array.from({ length: 50 }, (_, n) => segmentEvent(camera, n));
      await bus.publishAll(batch);
      await bus.publishAll(batch);
      const info = await (await jetstreamManager(bus.connection)).streams.info(streamName(bus.prefix));
      expect(info.state.messages).toBe(1);
      const seen: string[] = [];
      await bus.consume({
        group: 'ingest',
        types: ['segment.recorded'],
        handle: async (events) => void seen.push(...events.map((e) => e.id)),
      });
      await eventually(() => seen.length >= 50);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual(batch.map((e) => e.id));
    } finally {
      await bus.destroy();
    }
  });

  it('sets aside a message no node can read, with its reason, and goes on with the others', async () => {
    const errors: unknown[] = [];
    const bus = await JetStreamBus.connect({
      url: natsUrl,
      prefix: uniquePrefix(),
      onError: (error) => errors.push(error),
    });
    try {
      const camera = randomUUID();
      const good = Array.from({ length: 10 }, (_, n) => segmentEvent(camera, n));
      const js = jetstream(bus.connection);
      const subject = `${bus.prefix}.segment.recorded.batch`;
      await bus.publishAll(good.slice(0, 5));
      await js.publish(subject, 'not json');
      await js.publish(subject, JSON.stringify({ batch: 2, events: good.slice(5) }));
      await js.publish(subject, JSON.stringify({ batch: 1, events: [good[5], { ...good[6], v: 7 }] }));
      await bus.publishAll(good.slice(5));
      const seen: string[] = [];
      await bus.consume({
        group: 'ingest',
        types: ['segment.recorded'],
        handle: async (events) => void seen.push(...events.map((e) => e.id)),
      });
      await eventually(() => seen.length >= 10);
      const jsm = await jetstreamManager(bus.connection);
      const quarantine = quarantineStreamName(bus.prefix);
      await eventually(() => errors.length >= 3);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen).toEqual(good.map((e) => e.id));
      expect((await jsm.streams.info(quarantine)).state.messages).toBe(3);
      const kept = await jsm.streams.getMessage(quarantine, { seq: 3 });
      expect(kept?.header.get('Vigie-Subject')).toBe(subject);
      expect(kept?.header.get('Vigie-Reason')).toMatch(/Event 2 of 2 of a batch is invalid/);
      expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
        'EVENT_INVALID',
        'EVENT_INVALID',
        'EVENT_INVALID',
      ]);
    } finally {
      await bus.destroy();
    }
  });

  it('says what to do when NATS is not there', async () => {
    await expect(JetStreamBus.connect({ url: 'nats://127.0.0.1:1', prefix: uniquePrefix() })).rejects.toMatchObject({
      code: 'BUS_UNAVAILABLE',
    });
  });
});

describe('bus: NATS JetStream consumer group with a concurrency of 2', () => {
  it('handles the next batches while one is still being stored, never more than two at once, each event once', async () => {
    const bus = await JetStreamBus.connect({
      url: natsUrl,
      prefix: uniquePrefix(),
      retryMs: 50,
      onError: () => undefined,
    });
    try {
      const camera = randomUUID();
      const seen: string[] = [];
      let active = 0;
      let most = 0;
      let firstSize: number | undefined;
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      await bus.consume({
        group: 'ingest',
        types: ['segment.recorded'],
        maxBatch: 10,
        concurrency: 2,
        handle: async (events) => {
          active++;
          most = Math.max(most, active);
          if (firstSize === undefined) {
            // The first batch waits (a slow commit) until every other event is handled beside it.
            firstSize = events.length;
            await gate;
          }
          seen.push(...events.map((e) => e.id));
          active--;
        },
      });
      await Promise.all(Array.from({ length: 100 }, (_, n) => bus.publish(segmentEvent(camera, n))));
      await eventually(() => firstSize !== undefined && seen.length === 100 - firstSize, 10_000);
      release();
      await eventually(() => seen.length >= 100);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen.length).toBe(100);
      expect(new Set(seen).size).toBe(100);
      expect(most).toBe(2);
    } finally {
      await bus.destroy();
    }
  });
});
