import type { VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { BackgroundModel } from './background.model.js';

const W = 80;
const H = 60;

function frame(draw: (data: Uint8Array) => void, t = 0): VideoFrame {
  const data = new Uint8Array(W * H);
  for (let i = 0; i < data.length; i++) data[i] = 100 + ((i * 7) % 13);
  draw(data);
  return { data, width: W, height: H, format: 'gray', t };
}

function rect(x: number, y: number, size: number, value: number) {
  return (data: Uint8Array) => {
    for (let yy = y; yy < y + size; yy++) for (let xx = x; xx < x + size; xx++) data[yy * W + xx] = value;
  };
}

describe('BackgroundModel', () => {
  it('finds a moving object as foreground but not as a left object', () => {
    const model = new BackgroundModel({ width: W, height: H, staticFrames: 5 });
    for (let f = 0; f < 20; f++) model.update(frame(() => undefined));
    for (let f = 0; f < 10; f++) model.update(frame(rect(5 + f * 6, 20, 8, 10)));
    const blobs = model.foregroundBlobs();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]?.box.x).toBeCloseTo(59 / W, 1);
    expect(model.staticBlobs()).toHaveLength(0);
  });

  it('accumulates an object that arrives and stays into a left object, and drops it when it is taken', () => {
    const model = new BackgroundModel({ width: W, height: H, staticFrames: 5 });
    for (let f = 0; f < 20; f++) model.update(frame(() => undefined));
    for (let f = 0; f < 30; f++) model.update(frame(rect(40, 30, 6, 20)));
    const left = model.staticBlobs();
    expect(left).toHaveLength(1);
    expect(left[0]?.box).toEqual({ x: 0.5, y: 0.5, w: 6 / W, h: 6 / H });
    for (let f = 0; f < 3; f++) model.update(frame(() => undefined));
    expect(model.staticBlobs()).toHaveLength(0);
  });

  it('leaves no ghost where someone stood in the first frames and walked away, after its warm-up', () => {
    const withWarmup = new BackgroundModel({ width: W, height: H, staticFrames: 5, warmupFrames: 15 });
    const without = new BackgroundModel({ width: W, height: H, staticFrames: 5 });
    for (const model of [withWarmup, without]) {
      // A third of the warm-up: the mean of those frames would still differ, their median does not.
      for (let f = 0; f < 5; f++) model.update(frame(rect(20, 20, 10, 10)));
      for (let f = 0; f < 30; f++) model.update(frame(() => undefined));
    }
    expect(without.staticBlobs()).toHaveLength(1);
    expect(withWarmup.staticBlobs()).toEqual([]);
    expect(withWarmup.foregroundBlobs()).toEqual([]);
    // A bag left after the warm-up is still found.
    for (let f = 0; f < 30; f++) withWarmup.update(frame(rect(50, 30, 6, 20)));
    expect(withWarmup.staticBlobs()).toHaveLength(1);
  });

  it('leaves no ghost where a person stood still through the warm-up and after, masked from its learning', () => {
    const model = new BackgroundModel({ width: W, height: H, staticFrames: 5, warmupFrames: 15 });
    const person = { x: 20 / W, y: 20 / H, w: 10 / W, h: 10 / H };
    const unmasked = new BackgroundModel({ width: W, height: H, staticFrames: 5, warmupFrames: 15 });
    // Someone stands 60 frames (all of the warm-up and long after), then walks away.
    for (let f = 0; f < 60; f++) {
      model.update(frame(rect(20, 20, 10, 10)), [person]);
      unmasked.update(frame(rect(20, 20, 10, 10)));
    }
    for (let f = 0; f < 30; f++) {
      model.update(frame(() => undefined));
      unmasked.update(frame(() => undefined));
    }
    expect(unmasked.staticBlobs()).toHaveLength(1);
    expect(model.staticBlobs()).toEqual([]);
  });

  it('tells a ghost (outline in the background only) from an object (outline in the frame), and relearns a ghost', () => {
    const model = new BackgroundModel({ width: W, height: H, staticFrames: 5 });
    // Learnt with a dark square at (20, 20); the square leaves, a new one arrives at (50, 30).
    for (let f = 0; f < 20; f++) model.update(frame(rect(20, 20, 10, 10)));
    for (let f = 0; f < 30; f++) model.update(frame(rect(50, 30, 8, 10)));
    const [ghost, object] = model.staticBlobs();
    expect(ghost && object).toBeDefined();
    const g = model.outlineEdges(ghost!.box);
    const o = model.outlineEdges(object!.box);
    expect(g.current).toBeLessThan(0.5 * g.background);
    expect(o.current).toBeGreaterThan(2 * o.background);
    model.relearnRegion(ghost!.box);
    expect(model.staticBlobs().map((b) => b.box)).toEqual([object!.box]);
  });

  it('reports a covered lens as dark, flat and without detail, and a moved camera as changed everywhere', () => {
    const model = new BackgroundModel({ width: W, height: H });
    const normal = model.update(frame(rect(10, 10, 20, 250)));
    expect(normal.sharpness).toBeGreaterThan(3);
    const covered = model.update(frame((d) => d.fill(5)));
    expect(covered.mean).toBeLessThan(10);
    expect(covered.std).toBeLessThan(1);
    expect(covered.sharpness).toBe(0);
    expect(covered.changed).toBeGreaterThan(0.9);
  });

  it('subsamples RGB frames to its own size', () => {
    const model = new BackgroundModel({ width: 4, height: 2 });
    const data = new Uint8Array(8 * 4 * 3).fill(200);
    model.update({ data, width: 8, height: 4, format: 'rgb24', t: 0 });
    expect([...model.gray]).toEqual(Array<number>(8).fill(200));
  });
});
