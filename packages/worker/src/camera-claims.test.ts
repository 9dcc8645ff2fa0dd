import { MemoryLeases } from '@vigie/bus';
import { describe, expect, it } from 'vitest';
import { CameraClaims } from './camera-claims.js';

function cluster(nodes: string[], cameras: string[], leases: MemoryLeases) {
  const running = new Map<string, Set<string>>();
  const claims = nodes.map((node) => {
    running.set(node, new Set());
    return new CameraClaims({
      leases,
      node,
      capacity: 10,
      wanted: async () => cameras,
      onAcquired: async (id) => void running.get(node)!.add(id),
      onReleased: async (id) => void running.get(node)!.delete(id),
    });
  });
  return { claims, running };
}

describe('camera claims', () => {
  it('balances 4 cameras over 3 workers as 2/1/1, never running one camera twice, and hands a dead worker’s cameras over', async () => {
    let now = 0;
    const leases = new MemoryLeases({ clock: { now: () => new Date(now) }, ttlMs: 5000 });
    const cameras = ['c1', 'c2', 'c3', 'c4'];
    const { claims, running } = cluster(['a', 'b', 'c'], cameras, leases);
    const [a, b, c] = claims as [CameraClaims, CameraClaims, CameraClaims];
    await a.tick(); // a starts alone and takes everything
    expect(a.held.size).toBe(4);
    for (let round = 0; round < 6; round++) {
      now += 1000;
      for (const w of claims) await w.tick();
      const all = [...running.values()].flatMap((s) => [...s]);
      expect(new Set(all).size).toBe(all.length);
    }
    expect(claims.map((w) => w.held.size).sort()).toEqual([1, 1, 2]);

    // b dies: it renews no more; after the lease time, a and c hold all four.
    const orphaned = [...b.held];
    let rounds = 0;
    while (!orphaned.every((id) => a.held.has(id) || c.held.has(id))) {
      now += 1000;
      rounds++;
      await a.tick();
      await c.tick();
    }
    expect(rounds).toBeLessThanOrEqual(6);
    expect(a.held.size + c.held.size).toBe(4);
    expect([a.held.size, c.held.size].sort()).toEqual([2, 2]);
  });

  it('claims every free camera of its share before starting any, so a slow start delays no claim', async () => {
    const leases = new MemoryLeases({ clock: { now: () => new Date(0) }, ttlMs: 5000 });
    let startFirst = () => {};
    const started: string[] = [];
    const claims = new CameraClaims({
      leases,
      node: 'a',
      capacity: 10,
      wanted: async () => ['c1', 'c2', 'c3'],
      onAcquired: async (id) => {
        // The first camera's start hangs (a loaded machine, a model being checked) until released below.
        if (started.length === 0) await new Promise<void>((resolve) => (startFirst = resolve));
        started.push(id);
      },
      onReleased: async () => {},
    });
    const round = claims.tick();
    await expect.poll(async () => (await leases.holders()).size).toBe(4); // three cameras and the node itself
    expect(started).toEqual([]);
    startFirst();
    await round;
    expect(started.sort()).toEqual(['c1', 'c2', 'c3']);
  });
});
