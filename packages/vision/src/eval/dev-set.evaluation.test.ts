import { describe, expect, it } from 'vitest';
import { devFailures, scoreDevRuns, type DevClip, type DevRun } from './dev-set.evaluation.js';

const clip = (over: Partial<DevClip>): DevClip => ({
  set: 'normal',
  name: 'c.mp4',
  path: '/nowhere/c.mp4',
  durationS: 1800,
  width: 640,
  expected: [],
  counts: [],
  ...over,
});

describe('dev-set scoring', () => {
  it('counts hits inside windows, misses, and false alerts per camera-hour of normal footage', () => {
    const runs: DevRun[] = [
      {
        clip: clip({ counts: [{ tS: 1, persons: 10 }] }),
        alerts: [{ type: 'fire_smoke', t: 5000 }],
        counted: [{ tS: 1, persons: 10, found: 9, method: 'tracks' }],
      },
      {
        clip: clip({ set: 'falls', durationS: 15, expected: [{ type: 'person_on_ground', from: 4, to: 15 }] }),
        alerts: [
          { type: 'person_on_ground', t: 9000 },
          { type: 'fire_smoke', t: 1000 },
        ],
        counted: [],
      },
      {
        clip: clip({ set: 'falls', durationS: 15, expected: [{ type: 'person_on_ground', from: 4, to: 15 }] }),
        alerts: [{ type: 'person_on_ground', t: 2000 }],
        counted: [],
      },
    ];
    const score = scoreDevRuns(runs);
    expect(score.normalHours).toBe(0.5);
    const fire = score.types.find((s) => s.type === 'fire_smoke');
    // Two false fire alerts, one of them on the normal footage: 1 per half hour.
    expect(fire).toMatchObject({ truePositives: 0, falsePositives: 2, falsePerHour: 2 });
    const fall = score.types.find((s) => s.type === 'person_on_ground');
    expect(fall).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      recall: 0.5,
      falsePerHour: 0,
    });
    expect(score.countError).toBeCloseTo(0.1);
    expect(devFailures(score)).toEqual([
      'dev set fire_smoke: 2 false alerts per camera-hour on normal footage',
      'dev set person_on_ground: recall 0.50 < 0.9',
    ]);
  });
});
