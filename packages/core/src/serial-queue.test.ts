import { describe, expect, it } from 'vitest';
import { SerialQueue } from './serial-queue.js';

/** A task that waits until `release` is called, and records when it begins. */
function gate(log: string[], name: string): { task: () => Promise<void>; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    task: async () => {
      log.push(`${name} begins`);
      await released;
      log.push(`${name} ends`);
    },
    release: () => release(),
  };
}

describe('SerialQueue', () => {
  it('runs tasks one at a time in order, and a failure stops none of the next ones', async () => {
    const errors: unknown[] = [];
    const queue = new SerialQueue((error) => errors.push(error));
    const log: string[] = [];
    const first = gate(log, 'first');
    void queue.run(first.task);
    void queue.run(() => {
      throw new Error('second fails');
    });
    const third = queue.run(async () => {
      await Promise.reject(new Error('third rejects'));
    });
    const fourth = queue.run(() => void log.push('fourth'));
    await Promise.resolve();
    expect(log).toEqual(['first begins']);
    first.release();
    await third;
    await fourth;
    expect(log).toEqual(['first begins', 'first ends', 'fourth']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['second fails', 'third rejects']);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('runs a burst of coalesced requests once, after the running task, and a later request again', async () => {
    const queue = new SerialQueue(() => {});
    const log: string[] = [];
    const running = gate(log, 'running');
    void queue.run(running.task);
    let refreshes = 0;
    const refresh = () => void (refreshes += 1);
    const requests = [queue.runCoalesced(refresh), queue.runCoalesced(refresh), queue.runCoalesced(refresh)];
    expect(queue.coalescedPending).toBe(true);
    running.release();
    await Promise.all(requests);
    expect(refreshes).toBe(1);
    expect(queue.coalescedPending).toBe(false);
    await queue.runCoalesced(refresh);
    expect(refreshes).toBe(2);
  });

  it('queues a new coalesced request once the waiting one has begun: it would not see what changed since', async () => {
    const queue = new SerialQueue(() => {});
    const log: string[] = [];
    const first = gate(log, 'first refresh');
    const firstDone = queue.runCoalesced(first.task);
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first refresh begins']);
    expect(queue.coalescedPending).toBe(false);
    const second = queue.runCoalesced(() => void log.push('second refresh'));
    expect(second).not.toBe(firstDone);
    first.release();
    await second;
    expect(log).toEqual(['first refresh begins', 'first refresh ends', 'second refresh']);
  });
});
