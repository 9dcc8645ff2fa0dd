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
});
