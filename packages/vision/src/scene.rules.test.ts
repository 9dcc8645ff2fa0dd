import type { Box, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { context } from '../test/rule-context.fixture.js';
import type { FlameClassifier } from './fire.classifier.js';
import { CameraTamperRule, clusterPoints, FireSmokeRule } from './scene.rules.js';

function rgbFrame(t: number, paint: (x: number, y: number) => [number, number, number]): VideoFrame {
  const width = 64;
  const height = 48;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  return { data, width, height, format: 'rgb24', t };
}

const grass = (): [number, number, number] => [60, 120, 50];

/** A stand-in for the fire model: says `verdict` for every region, and records what it was asked. */
function model(verdict: number): FlameClassifier & { asked: Box[][] } {
  const asked: Box[][] = [];
  return {
    asked,
    score: (_frame, regions) => {
      asked.push([...regions]);
      return Promise.resolve(regions.map(() => verdict));
    },
    close: () => Promise.resolve(),
  };
}

/** One frame through the rule as the pipeline runs it: the cue and the model, then the rule. */
async function step(rule: FireSmokeRule, frame: VideoFrame) {
  const ctx = context({ t: frame.t, frame });
  await rule.observe(ctx);
  return rule.update(ctx);
}

/** Flames churning at several hertz over x 40–55, y 8–23 of a 64×48 view. */
const churning = (f: number) =>
  rgbFrame(f * 200, (x, y) =>
    x >= 40 && x < 56 && y >= 8 && y < 24 && (x + y + f) % 2 === 0 ? [250, 170, 40] : grass(),
  );

describe('fire_smoke: the colour/flicker cue proposes, the model confirms', () => {
  it('fires on flames churning at several hertz for 3 s that the model confirms, in the right place, once', async () => {
    const fire = model(0.9);
    const rule = new FireSmokeRule(fire, 64);
    const events = [];
    for (let f = 0; f < 25; f++) events.push(...(await step(rule, churning(f))));
    expect(events).toHaveLength(1);
    // 4 jumps in 8 frames, then 3 s of it: not before 3 s after the first jump.
    expect(events[0]?.t).toBeGreaterThanOrEqual(3000);
    expect(events[0]?.region?.x).toBeCloseTo(40 / 64, 1);
    expect(events[0]?.reason).toContain('fire model (90 % over 3 s)');
    // The model was shown the flickering region, not the whole view.
    expect(fire.asked.at(-1)).toHaveLength(1);
    expect(fire.asked.at(-1)?.[0]?.w).toBeLessThan(0.3);
  });

  it('never raises on the cue alone: the same flicker the model rejects stays silent', async () => {
    const fire = model(0.2);
    const rule = new FireSmokeRule(fire, 64);
    for (let f = 0; f < 40; f++) expect(await step(rule, churning(f))).toEqual([]);
    expect(fire.asked.length).toBeGreaterThan(20);
  });

  it('shows the model each flickering cluster apart, and reports only the confirmed one', async () => {
    const asked: Box[][] = [];
    // Confirms only regions on the right half (the "fire"); the left cluster is "a cone".
    const fire: FlameClassifier = {
      score: (_frame, regions) => {
        asked.push([...regions]);
        return Promise.resolve(regions.map((r) => (r.x > 0.5 ? 0.9 : 0.1)));
      },
      close: () => Promise.resolve(),
    };
    const rule = new FireSmokeRule(fire, 64);
    const events = [];
    for (let f = 0; f < 25; f++) {
      const frame = rgbFrame(f * 200, (x, y) =>
        ((x >= 40 && x < 56) || (x >= 2 && x < 14)) && y >= 8 && y < 24 && (x + y + f) % 2 === 0
          ? [250, 170, 40]
          : grass(),
      );
      events.push(...(await step(rule, frame)));
    }
    expect(asked.at(-1)).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(events[0]?.region?.x).toBeGreaterThan(0.5);
  });

  it('does not ask the model about orange swaying slowly in place (balloons in the wind: 2 jumps in 8 frames)', async () => {
    const fire = model(0.9);
    const rule = new FireSmokeRule(fire, 64);
    for (let f = 0; f < 50; f++) {
      // The balloon's edge moves one column every 4 frames, back and forth.
      const edge = 40 + (Math.floor(f / 4) % 2);
      const frame = rgbFrame(f * 200, (x, y) => (x >= 30 && x < edge && y >= 8 && y < 24 ? [250, 150, 40] : grass()));
      expect(await step(rule, frame)).toEqual([]);
    }
    expect(fire.asked).toEqual([]);
  });

  it('stays silent on a steady orange surface, on an orange object crossing the view and on gray frames', async () => {
    const fire = model(0.9);
    const steady = new FireSmokeRule(fire, 64);
    for (let f = 0; f < 10; f++)
      expect(
        await step(
          steady,
          rgbFrame(f * 200, (x) => (x < 32 ? [250, 170, 40] : grass())),
        ),
      ).toEqual([]);
    const crossing = new FireSmokeRule(fire, 64);
    for (let f = 0; f < 20; f++) {
      const left = f * 3;
      const frame = rgbFrame(f * 200, (x, y) =>
        x >= left && x < left + 10 && y >= 10 && y < 40 ? [250, 170, 40] : grass(),
      );
      expect(await step(crossing, frame)).toEqual([]);
    }
    const ctx = context();
    await steady.observe(ctx);
    expect(steady.update(ctx)).toEqual([]);
    expect(fire.asked).toEqual([]);
  });
});

describe('clusterPoints', () => {
  it('joins nearby flickering points and keeps distant ones apart, largest first', () => {
    const gw = 40;
    const at = (x: number, y: number) => y * gw + x;
    const clusters = clusterPoints([at(1, 1), at(3, 2), at(5, 3), at(30, 20), at(31, 21)].reverse(), gw);
    expect(clusters.map((c) => c.points)).toEqual([3, 2]);
    expect(clusters[0]).toMatchObject({ x0: 1, y0: 1, x1: 5, y1: 3 });
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
