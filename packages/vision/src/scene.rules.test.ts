import type { VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { context } from '../test/rule-context.fixture.js';
import { CameraTamperRule, FireSmokeRule } from './scene.rules.js';

function rgbFrame(t: number, paint: (x: number, y: number) => [number, number, number]): VideoFrame {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return { data, width, height, format: 'rgb24', t };
}

const grass = (): [number, number, number] => [60, 120, 50];

describe('fire_smoke heuristic', () => {
  it('fires on flames churning at several hertz for 3 s, in the right place, once', () => {
    const rule = new FireSmokeRule(64);
    const events = [];
    for (let f = 0; f < 25; f++) {
      const frame = rgbFrame(f * 200, (x, y) =>
        x >= 40 && x < 56 && y >= 8 && y < 24 && (x + y + f) % 2 === 0 ? [250, 170, 40] : grass(),
      );
      events.push(...rule.update(context({ t: frame.t, frame })));
    }
    expect(events).toHaveLength(1);
    // 4 jumps in 8 frames, then 3 s of it: not before 3 s after the first jump.
    expect(events[0]?.t).toBeGreaterThanOrEqual(3000);
    expect(events[0]?.region?.x).toBeCloseTo(40 / 64, 1);
  });

  it('stays silent on orange swaying slowly in place (balloons in the wind: 2 jumps in 8 frames)', () => {
    const rule = new FireSmokeRule(64);
    for (let f = 0; f < 50; f++) {
      // The balloon's edge moves one column every 4 frames, back and forth.
      const edge = 40 + (Math.floor(f / 4) % 2);
      const frame = rgbFrame(f * 200, (x, y) => (x >= 30 && x < edge && y >= 8 && y < 24 ? [250, 150, 40] : grass()));
      expect(rule.update(context({ t: frame.t, frame }))).toEqual([]);
    }
  });

  it('stays silent on a steady orange surface and on gray frames', () => {
    const rule = new FireSmokeRule(64);
    for (let f = 0; f < 10; f++) {
      const frame = rgbFrame(f * 200, (x) => (x < 32 ? [250, 170, 40] : grass()));
      expect(rule.update(context({ t: frame.t, frame }))).toEqual([]);
    }
    expect(rule.update(context())).toEqual([]);
  });

  it('stays silent on a uniformly orange object crossing the view (a jacket, a bus)', () => {
    const rule = new FireSmokeRule(64);
    for (let f = 0; f < 20; f++) {
      const left = f * 3;
      const frame = rgbFrame(f * 200, (x, y) =>
        x >= left && x < left + 10 && y >= 10 && y < 40 ? [250, 170, 40] : grass(),
      );
      expect(rule.update(context({ t: frame.t, frame }))).toEqual([]);
    }
  });
});

describe('camera_tamper', () => {
  const normal = { mean: 120, std: 40, sharpness: 10, changed: 0.05 };

  it('reports a covered lens after the delay, once', () => {
    const rule = new CameraTamperRule();
    for (let t = 0; t < 2000; t += 200) expect(rule.update(context({ t, scene: normal }))).toEqual([]);
    const covered = { mean: 8, std: 2, sharpness: 0.1, changed: 0.9 };
    const events = [];
    for (let t = 2000; t <= 6000; t += 200) events.push(...rule.update(context({ t, scene: covered })));
    expect(events).toHaveLength(1);
    expect(events[0]?.reason).toContain('covered');
    expect(events[0]?.t).toBe(5000);
  });

  it('tells a defocused view from a moved one', () => {
    const blurred = new CameraTamperRule();
    blurred.update(context({ scene: normal }));
    expect(blurred.classify(context({ scene: { ...normal, sharpness: 2 } }))).toBe('defocused');
    expect(blurred.classify(context({ scene: { ...normal, changed: 0.9 } }))).toBe('moved');
    expect(blurred.classify(context({ scene: normal }))).toBeUndefined();
  });
});
