import { fullFrameMask, type HeadState, type PresetMasks } from '@vigie/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PtzMaskFollower } from './ptz-mask-follower.js';

const window = [
  { x: 0.1, y: 0.1 },
  { x: 0.3, y: 0.1 },
  { x: 0.3, y: 0.4 },
];
const presets: PresetMasks[] = [
  { preset: 'left', position: { pan: 0, tilt: 0, zoom: 0 }, masks: [{ id: 'w', label: 'Fenêtre', polygon: window }] },
];
const onLeft: HeadState = { kind: 'still', position: { pan: 0, tilt: 0, zoom: 0 } };

/** A follower over a recorder that logs each change of masks, a head the test sets, and a clock it moves. */
function rig() {
  const log: string[] = [];
  let head: HeadState | Error = { kind: 'unknown' };
  let nowMs = 0;
  const follower = new PtzMaskFollower({
    recorder: {
      remask: (masks) => {
        const full = masks.length === 1 && JSON.stringify(masks[0]?.polygon) === JSON.stringify(fullFrameMask.polygon);
        log.push(full ? 'full' : `masks ${masks.length}`);
        return Promise.resolve();
      },
    },
    head: () => (head instanceof Error ? Promise.reject(head) : Promise.resolve(head)),
    presets,
    clock: { now: () => new Date(nowMs) },
    pollMs: 5,
    settleMs: 1000,
  });
  return {
    log,
    follower,
    setHead: (next: HeadState | Error) => (head = next),
    advance: (ms: number) => (nowMs += ms),
  };
}

describe('PtzMaskFollower', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it("places a preset's masks only once the head has rested on it for the settle time, and masks all again when a read fails", async () => {
    const { log, follower, setHead, advance } = rig();
    stop = () => follower.stop();
    setHead(onLeft);
    follower.start();
    // Read still on the preset, but not for long enough yet: the whole picture stays masked (no change at all).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual([]);
    advance(1000);
    await expect.poll(() => log).toEqual(['masks 1']);
    setHead(new Error('device unreachable'));
    await expect.poll(() => log).toEqual(['masks 1', 'full']);
    setHead({ kind: 'still', position: { pan: 0.2, tilt: 0, zoom: 0 } });
    advance(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['masks 1', 'full']);
  });

  it('masks the whole picture before a move is sent, and waits for a fresh rest on the preset afterwards', async () => {
    const { log, follower, setHead, advance } = rig();
    stop = () => follower.stop();
    setHead(onLeft);
    follower.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    advance(1000);
    await expect.poll(() => log).toEqual(['masks 1']);
    // The camera still says "on the preset" during and right after the command (it has not started turning yet).
    await follower.aroundMove(async () => {
      log.push('move sent');
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    expect(log).toEqual(['masks 1', 'full', 'move sent']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).toEqual(['masks 1', 'full', 'move sent']);
    advance(1000);
    await expect.poll(() => log).toEqual(['masks 1', 'full', 'move sent', 'masks 1']);
  });
});
