import type { AnalysisZone } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { context, line, walker } from '../test/rule-context.fixture.js';
import { CountSampler, type CountSample } from './count.sampler.js';
import { crowdedFrom } from './rule.context.js';

const square = (x: number, y: number, s: number) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];

describe('CountSampler', () => {
  it('samples line crossings in and out, zone occupancy and density once per period', () => {
    const sampler = new CountSampler({ cameraId: 'cam', startedAt: new Date('2026-05-01T10:00:00Z') });
    const lines = [{ id: 'door', a: { x: 0.5, y: 0 }, b: { x: 0.5, y: 1 } }];
    // 0.45 × 0.45 of a 20 m × 20 m view: 81 m².
    const zones: AnalysisZone[] = [{ id: 'hall', kind: 'count', polygon: square(0, 0, 0.45) }];
    const rightward = line({ x: 0.3, y: 0.3 }, { x: 0.7, y: 0.3 }, 10);
    const leftward = line({ x: 0.7, y: 0.6 }, { x: 0.3, y: 0.6 }, 10);
    const samples: CountSample[] = [];
    for (let i = 0; i <= 12; i++) {
      const tracks = [
        walker({ id: 1, path: rightward.slice(0, Math.min(i, 10) + 1) }),
        walker({ id: 2, path: leftward.slice(0, Math.min(i, 10) + 1) }),
        walker({ id: 3, path: [{ x: 0.2, y: 0.2 }] }),
      ];
      samples.push(...sampler.update(context({ t: i * 1000, lines, zones, tracks, params: countEvery10s })));
    }
    expect(samples.map((s) => s.series).sort()).toEqual(['line:door', 'view', 'zone:hall']);
    const door = samples.find((s) => s.series === 'line:door');
    expect(door).toMatchObject({ cameraId: 'cam', t: 10_000, in: 1, out: 1 });
    expect(door?.at.toISOString()).toBe('2026-05-01T10:00:10.000Z');
    // Walker 3 stays in the hall; walker 1 is in it for its first 4 frames of 10 (x < 0.45).
    const hall = samples.find((s) => s.series === 'zone:hall');
    expect(hall?.occupancy).toBeCloseTo(1.4, 5);
    expect(hall?.density).toBeCloseTo(1.4 / 81, 3);
    expect(samples.find((s) => s.series === 'view')?.occupancy).toBe(3);
    expect(samples.find((s) => s.series === 'view')?.method).toBe('tracks');
    expect(sampler.totals().get('door')).toEqual({ in: 1, out: 1 });
  });

  it('flushes the period in progress, with the crossings of that period only', () => {
    const sampler = new CountSampler({ cameraId: 'cam', startedAt: new Date(0) });
    const lines = [{ id: 'door', a: { x: 0.5, y: 0 }, b: { x: 0.5, y: 1 } }];
    const path = line({ x: 0.6, y: 0.3 }, { x: 0.4, y: 0.3 }, 4);
    let last = context();
    for (let i = 0; i <= 14; i++) {
      last = context({
        t: i * 1000,
        lines,
        tracks: i < 10 ? [] : [walker({ id: 1, path: path.slice(0, i - 9) })],
        params: countEvery10s,
      });
      sampler.update(last);
    }
    expect(sampler.flush(last).find((s) => s.series === 'line:door')).toMatchObject({ t: 14_000, in: 1, out: 0 });
  });

  it('counts a crowded view from the tiled passes, and says so', () => {
    const sampler = new CountSampler({ cameraId: 'cam', startedAt: new Date(0) });
    const spot = (i: number) => ({ x: 0.05 + 0.09 * (i % 10), y: 0.3 + 0.3 * Math.floor(i / 10) });
    const tracks = Array.from({ length: crowdedFrom }, (_, i) => walker({ id: i, path: [spot(i)] }));
    const pass = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...spot(i), y: spot(i).y - 0.09, w: 0.03, h: 0.09 }));
    const samples: CountSample[] = [];
    for (let i = 0; i <= 10; i++)
      samples.push(
        ...sampler.update(
          context({ t: i * 1000, tracks, crowd: [pass(12), pass(15), pass(9)], params: countEvery10s }),
        ),
      );
    // The median of the recent passes (12), not the tracks (8) nor the last pass (9).
    expect(samples.find((s) => s.series === 'view')).toMatchObject({ occupancy: 12, method: 'tiled' });
  });

  it('adds the riders of two-wheelers no counted person covers, and says so', () => {
    const sampler = new CountSampler({ cameraId: 'cam', startedAt: new Date(0) });
    const tracks = [walker({ id: 1, path: [{ x: 0.2, y: 0.5 }], size: { w: 0.1, h: 0.3 } })];
    const bikes = [
      { x: 0.15, y: 0.3, w: 0.1, h: 0.2 },
      { x: 0.6, y: 0.3, w: 0.1, h: 0.2 },
      { x: 0.8, y: 0.3, w: 0.1, h: 0.2 },
    ];
    // What the rider counter answers: the two-wheelers none of the counted persons covers.
    const riders = (counted: readonly { x: number; y: number; w: number; h: number }[]) =>
      bikes.filter(
        (b) => !counted.some((c) => c.x < b.x + b.w && b.x < c.x + c.w && c.y < b.y + b.h && b.y < c.y + c.h),
      );
    const samples: CountSample[] = [];
    for (let i = 0; i <= 10; i++)
      samples.push(...sampler.update(context({ t: i * 1000, tracks, riders, params: countEvery10s })));
    expect(samples.find((s) => s.series === 'view')).toMatchObject({ occupancy: 3, method: 'tracks+riders' });
  });
});

const countEvery10s = { ...context().params, countPeriodS: 10 };
