import type { Box, Detection } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { RiderCounter } from './rider.counter.js';

const bike = (x: number, y: number, score = 0.2): Detection => ({
  label: 'two_wheeler',
  score,
  box: { x, y, w: 0.08, h: 0.12 },
});

/** Feeds `frames` sightings of the given boxes, one pass every 400 ms from `from` (ms). */
function feed(
  counter: RiderCounter,
  o: { from: number; frames: number; at: (i: number) => Detection[]; foreground?: (box: Box) => boolean },
): number {
  let t = o.from;
  for (let i = 0; i < o.frames; i++, t += 400) counter.update(o.at(i), t, o.foreground);
  return t - 400;
}

describe('riders of two-wheelers', () => {
  it('counts one rider per motorbike waiting at a light, once seen a few times', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    let t = feed(counter, { from: 10_000, frames: 2, at: () => [bike(0.3, 0.4), bike(0.5, 0.4)] });
    expect(counter.riders([], t)).toEqual([]);
    t = feed(counter, { from: t + 400, frames: 5, at: () => [bike(0.3, 0.4), bike(0.5, 0.4)] });
    expect(counter.riders([], t)).toHaveLength(2);
    expect(counter.inView(t)).toBe(true);
  });

  it('counts a bike two passes saw in the same frame once', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    let t = 10_000;
    for (let i = 0; i < 5; i++, t += 400) {
      counter.update([bike(0.3, 0.4)], t);
      counter.update([bike(0.305, 0.41, 0.3)], t);
    }
    expect(counter.riders([], t)).toHaveLength(1);
  });

  it('leaves out a bike whose rider the persons already count', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    const t = feed(counter, { from: 10_000, frames: 5, at: () => [bike(0.3, 0.4)] });
    expect(counter.riders([{ x: 0.29, y: 0.3, w: 0.1, h: 0.2 }], t)).toEqual([]);
  });

  it('counts no one for a motorbike parked since the start, even when the detector loses it for a while', () => {
    const counter = new RiderCounter();
    let t = feed(counter, { from: 0, frames: 5, at: () => [bike(0.3, 0.6)] });
    expect(counter.riders([], t)).toEqual([]);
    expect(counter.inView(t)).toBe(false);
    t = feed(counter, { from: t + 20_000, frames: 5, at: () => [bike(0.3, 0.6)] });
    expect(counter.riders([], t)).toEqual([]);
  });

  it('counts no one for a still bike that is part of the learnt background, but one that moved is ridden', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    const background = () => false;
    let t = feed(counter, { from: 10_000, frames: 5, at: () => [bike(0.7, 0.2)], foreground: background });
    expect(counter.riders([], t)).toEqual([]);
    t = feed(counter, { from: t + 400, frames: 5, at: (i) => [bike(0.7 - 0.02 * i, 0.2)], foreground: background });
    expect(counter.riders([], t)).toHaveLength(1);
  });

  it('takes a bike still for longer than a red light for parked', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    let t = feed(counter, { from: 10_000, frames: 5, at: () => [bike(0.3, 0.4)] });
    expect(counter.riders([], t)).toHaveLength(1);
    t = feed(counter, { from: t + 400, frames: 320, at: () => [bike(0.3, 0.4)] });
    expect(counter.riders([], t)).toEqual([]);
  });

  it('forgets a bike not seen for a few seconds, and ignores other classes', () => {
    const counter = new RiderCounter();
    counter.update([], 0);
    const t = feed(counter, { from: 10_000, frames: 5, at: () => [bike(0.3, 0.4)] });
    counter.update([{ label: 'vehicle', score: 0.9, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 } }], t + 4000);
    expect(counter.riders([], t + 4000)).toEqual([]);
    expect(counter.inView(t + 4000)).toBe(false);
  });
});
