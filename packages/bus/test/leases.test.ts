import { randomUUID } from 'node:crypto';
import type { Leases } from '@vigie/core';
import { afterAll, describe, expect, it } from 'vitest';
import { JetStreamBus, JetStreamLeases, MemoryLeases } from '../src/index.js';
import { natsUrl, uniquePrefix } from './support.js';

describe('leases', () => {
  let bus: JetStreamBus | undefined;
  const opened: JetStreamLeases[] = [];
  afterAll(async () => {
    for (const l of opened) await l.destroy();
    await bus?.destroy();
  });

  const kinds: [string, (ttlMs: number) => Promise<Leases>][] = [
    ['memory', async (ttlMs) => new MemoryLeases({ clock: { now: () => new Date() }, ttlMs })],
    [
      'JetStream key-value',
      async (ttlMs) => {
        bus ??= await JetStreamBus.connect({ url: natsUrl, prefix: uniquePrefix() });
        const leases = await JetStreamLeases.open({ connection: bus.connection, bucket: uniquePrefix(), ttlMs });
        opened.push(leases);
        return leases;
      },
    ],
  ];

  it.each(kinds)('%s: one holder at a time, renewals keep it, expiry frees it', async (_name, open) => {
    const leases = await open(1500);
    const camera = randomUUID();
    expect(await leases.claim('node.http://127.0.0.1:8090', 'http://127.0.0.1:8090')).toBe(true);
    expect(await leases.claim(camera, 'w1')).toBe(true);
    expect(await leases.claim(camera, 'w2')).toBe(false);
    expect(await leases.claim(camera, 'w1')).toBe(true);
    expect((await leases.holders()).get(camera)).toBe('w1');
    // w1 stops renewing (it was killed): within the lease time plus the bucket's sweep, w2 may take it.
    const since = Date.now();
    while (!(await leases.claim(camera, 'w2'))) {
      expect(Date.now() - since).toBeLessThan(5000);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(Date.now() - since).toBeGreaterThanOrEqual(1000);
    expect((await leases.holders()).get(camera)).toBe('w2');
    await leases.release(camera, 'w1');
    expect((await leases.holders()).get(camera)).toBe('w2');
    await leases.release(camera, 'w2');
    expect(await leases.claim(camera, 'w3')).toBe(true);
  });

  it('JetStream key-value: racing claims from many nodes give exactly one holder', async () => {
    const leases = await kinds[1]![1](5000);
    const camera = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => leases.claim(camera, `w${i}`)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('JetStream key-value: crossing renewals by the holder itself keep its lease', async () => {
    const leases = await kinds[1]![1](5000);
    const camera = randomUUID();
    expect(await leases.claim(camera, 'w1')).toBe(true);
    // A round's renewal and the timer's renewal at once: one of the two writes loses the race, not the lease.
    const results = await Promise.all(Array.from({ length: 4 }, () => leases.claim(camera, 'w1')));
    expect(results).toEqual([true, true, true, true]);
    expect(await leases.claim(camera, 'w2')).toBe(false);
  });
});
