import type { Bus, DomainEvent, DomainEventBody } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../src/outbox.js';

const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

function segment(n: number): DomainEventBody {
  const startedAt = new Date(Date.UTC(2026, 2, 1, 10) + n * 4000).toISOString();
  return {
    v: 1,
    type: 'segment.recorded',
    segment: {
      cameraId: '00000000-0000-4000-8000-000000000001',
      key: `cam/${n}.mp4`,
      startedAt,
      endedAt: new Date(Date.parse(startedAt) + 4000).toISOString(),
      bytes: 10,
      sha256: 'a'.repeat(64),
      initBytes: 1,
      node: 'http://127.0.0.1:1',
    },
  };
}

function alert(n: number, camera = 1): DomainEventBody {
  const at = new Date(Date.UTC(2026, 2, 1, 10) + n * 1000).toISOString();
  return {
    v: 1,
    type: 'alert.raised',
    alert: {
      cameraId: `00000000-0000-4000-8000-00000000000${camera}`,
      type: 'abandoned_object',
      severity: 'high',
      message: `alert ${n}`,
      openedAt: at,
      clip: { from: at, to: at },
      details: {},
    },
  };
}

/**
 * A bus whose segment publishes, and those of the alert `slow`, wait until `release()`; the first
 * publish of the alert `failOnce` fails. `calls` lists each publish call's size.
 */
function gatedBus(failOnce?: string, slow?: string) {
  const published: DomainEvent[] = [];
  const calls: number[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let failed = false;
  const publishAll = async (events: readonly DomainEvent[]) => {
    calls.push(events.length);
    for (const event of events) {
      if (event.type === 'segment.recorded') await gate;
      if (event.type === 'alert.raised' && event.alert.message === slow) await gate;
      if (event.type === 'alert.raised' && event.alert.message === failOnce && !failed) {
        failed = true;
        throw new Error('NATS unavailable');
      }
    }
    published.push(...events);
  };
  const bus = { publish: (event: DomainEvent) => publishAll([event]), publishAll } as unknown as Bus;
  return { bus, published, calls, release };
}

describe('worker outbox', () => {
  it('publishes an alert at once while segments wait for the bus, each lane in its order', async () => {
    const { bus, published, release } = gatedBus();
    const outbox = new Outbox({ bus, clock, onError: () => {} });
    for (let n = 0; n < 3; n++) outbox.publish(segment(n));
    outbox.publish(alert(1));
    outbox.publish(alert(2));
    await expect.poll(() => published.length).toBe(2);
    expect(published.map((e) => e.type)).toEqual(['alert.raised', 'alert.raised']);
    expect(outbox.pending).toBe(3);
    release();
    await outbox.flushed();
    expect(outbox.pending).toBe(0);
    expect(published.map((e) => (e.type === 'segment.recorded' ? e.segment.key : e.type))).toEqual([
      'alert.raised',
      'alert.raised',
      'cam/0.mp4',
      'cam/1.mp4',
      'cam/2.mp4',
    ]);
  });

  it('publishes what queued meanwhile together, in order', async () => {
    const { bus, published, calls, release } = gatedBus();
    const outbox = new Outbox({ bus, clock, onError: () => {} });
    for (let n = 0; n < 1200; n++) outbox.publish(segment(n));
    release();
    await outbox.flushed();
    // The first segment alone, then the 1,199 that queued behind it, in two batches (1,000 at most).
    expect(calls).toEqual([1, 1000, 199]);
    expect(published.map((e) => e.type === 'segment.recorded' && e.segment.key)).toEqual(
      Array.from({ length: 1200 }, (_, n) => `cam/${n}.mp4`),
    );
  });

  it('publishes an alert of a camera while another camera’s alert waits for the bus, each camera in its order', async () => {
    const { bus, published, release } = gatedBus(undefined, 'alert 1');
    const outbox = new Outbox({ bus, clock, onError: () => {} });
    outbox.publish(alert(1, 1));
    outbox.publish(alert(2, 2));
    outbox.publish(alert(3, 1));
    await expect.poll(() => published.length).toBe(1);
    expect(published.map((e) => e.type === 'alert.raised' && e.alert.message)).toEqual(['alert 2']);
    release();
    await outbox.flushed();
    expect(published.map((e) => e.type === 'alert.raised' && e.alert.message)).toEqual([
      'alert 2',
      'alert 1',
      'alert 3',
    ]);
    expect(outbox.pending).toBe(0);
  });

  it('retries an alert the bus refused, keeping the alerts’ order and losing none', async () => {
    const { bus, published, release } = gatedBus('alert 1');
    const errors: unknown[] = [];
    const outbox = new Outbox({ bus, clock, onError: (error) => errors.push(error) });
    release();
    outbox.publish(alert(1));
    outbox.publish(alert(2));
    outbox.publish(segment(0));
    await outbox.flushed();
    expect(errors).toHaveLength(1);
    expect(
      published.filter((e) => e.type === 'alert.raised').map((e) => e.type === 'alert.raised' && e.alert.message),
    ).toEqual(['alert 1', 'alert 2']);
    expect(published).toHaveLength(3);
  });
});
