import { overheadCalibration } from '../homography.math.js';
import type { Actor, Keyframe, SyntheticScene } from './scene.generator.js';

// The synthetic view is a flat 16 m × 9 m area seen from above: walking 1.4 m/s = 0.0875 frame widths/s.
const calibration = overheadCalibration(16, 9);
const walk = 1.4 / 16;

function walker(path: [number, number, number][], size = { w: 0.035, h: 0.17 }): Actor {
  return {
    shape: 'ellipse',
    gray: 45,
    keys: path.map(([t, x, y]): Keyframe => ({ t, x, y, ...size })),
    from: path[0]?.[0] ?? 0,
  };
}

const rect = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

/** A man leaves a bag and walks off; 20 s later a woman picks it up. Counting line at x = 0.3. */
const abandonedBag: SyntheticScene = {
  name: 'abandoned_bag',
  seconds: 36,
  actors: [
    { shape: 'rect', gray: 25, keys: [{ t: 8, x: 0.535, y: 0.6, w: 0.03, h: 0.045 }], from: 8, to: 29 },
    walker([
      [1, 0, 0.6],
      [1 + 0.5 / walk, 0.5, 0.6],
      [2 + 0.5 / walk, 0.5, 0.6],
      [2 + 1.05 / walk, 1.05, 0.6],
    ]),
    walker([
      [22, 1.05, 0.62],
      [28, 0.555, 0.62],
      [29, 0.555, 0.62],
      [29 + 0.6 / walk, -0.05, 0.62],
    ]),
  ],
  config: { calibration, lines: [{ id: 'line', a: { x: 0.3, y: 0.2 }, b: { x: 0.3, y: 1 } }] },
  expected: [
    { type: 'abandoned_object', from: 16, to: 24 },
    { type: 'object_removed', from: 28, to: 33 },
  ],
  crossings: 2,
};

const ring = Array.from({ length: 8 }, (_, i) => (i / 8) * 2 * Math.PI + 0.3);
const at = (a: number, r: { x: number; y: number }): [number, number] => [
  0.5 + r.x * Math.cos(a),
  0.55 + r.y * Math.sin(a),
];

/** Eight people gather quickly around a point, stay, then scatter at once. */
const crowd: SyntheticScene = {
  name: 'crowd_gather_scatter',
  seconds: 13,
  actors: ring.map((a) => {
    const far = at(a, { x: 0.42, y: 0.38 });
    const near = at(a, { x: 0.16, y: 0.25 });
    return walker(
      [
        [1, ...far],
        [3.5, ...near],
        [9, ...near],
        [11, ...far],
      ],
      { w: 0.025, h: 0.12 },
    );
  }),
  config: {
    calibration,
    zones: [{ id: 'square', kind: 'density', polygon: rect(0.3, 0.25, 0.7, 0.85) }],
    params: { crowdDensityPerM2: 0.19 },
  },
  expected: [
    { type: 'crowd_movement', from: 1.5, to: 4.5 },
    { type: 'crowd_movement', from: 9, to: 12 },
    { type: 'crowd_density', from: 2.5, to: 10 },
  ],
};

/** A runner crosses the top; in the one-way lower lane two people walk along and one against. */
const runnerWrongWay: SyntheticScene = {
  name: 'runner_wrong_way',
  seconds: 12,
  actors: [
    walker(
      [
        [2, 1.05, 0.4],
        [2 + 1.1 / (4.5 / 16), -0.05, 0.4],
      ],
      { w: 0.05, h: 0.17 },
    ),
    walker(
      [
        [0.5, 0, 0.68],
        [0.5 + 0.9 / walk, 0.9, 0.68],
      ],
      { w: 0.035, h: 0.12 },
    ),
    walker(
      [
        [1, 0.1, 0.96],
        [1 + 0.9 / walk, 1, 0.96],
      ],
      { w: 0.035, h: 0.12 },
    ),
    walker(
      [
        [3, 1, 0.82],
        [3 + 0.9 / walk, 0.1, 0.82],
      ],
      { w: 0.035, h: 0.12 },
    ),
  ],
  config: {
    calibration,
    zones: [{ id: 'lane', kind: 'one_way', polygon: rect(0, 0.55, 1, 1), direction: { x: 1, y: 0 } }],
  },
  expected: [
    { type: 'rapid_movement', from: 2.5, to: 6.5 },
    { type: 'wrong_way', from: 3.5, to: 8 },
  ],
};

/** One person falls and stays down; another walks into a forbidden area. */
const fallIntrusion: SyntheticScene = {
  name: 'fall_intrusion',
  seconds: 14,
  actors: [
    {
      shape: 'ellipse',
      gray: 45,
      from: 0.5,
      keys: [
        { t: 0.5, x: 0.05, y: 0.7, w: 0.035, h: 0.17 },
        { t: 5, x: 0.05 + 4.5 * walk, y: 0.7, w: 0.035, h: 0.17 },
        { t: 5.4, x: 0.05 + 4.5 * walk, y: 0.72, w: 0.17, h: 0.06 },
      ],
    },
    walker([
      [1, 0.4, 0.35],
      [1 + 0.55 / walk, 0.95, 0.35],
    ]),
  ],
  config: { calibration, zones: [{ id: 'depot', kind: 'forbidden', polygon: rect(0.75, 0, 1, 0.5) }] },
  expected: [
    { type: 'person_on_ground', from: 9, to: 12 },
    { type: 'intrusion', from: 4.5, to: 7 },
  ],
};

/** Three ordinary passers-by cross a counting line; then the lens is covered for 6 s. */
const quietTamper: SyntheticScene = {
  name: 'passers_by_then_covered',
  seconds: 20,
  covered: [13, 19],
  actors: [
    walker([
      [0.5, 0.05, 0.5],
      [0.5 + 0.9 / walk, 0.95, 0.5],
    ]),
    walker([
      [2, 0.95, 0.8],
      [2 + 0.9 / walk, 0.05, 0.8],
    ]),
    walker([
      [1.5, 0.2, 0.3],
      [1.5 + 0.7 / walk, 0.9, 0.3],
    ]),
  ],
  config: { calibration, lines: [{ id: 'line', a: { x: 0.5, y: 0 }, b: { x: 0.5, y: 1 } }] },
  expected: [{ type: 'camera_tamper', from: 15.5, to: 18.5 }],
  crossings: 3,
};

/** The synthetic evaluation set. */
export const syntheticScenes: readonly SyntheticScene[] = [
  abandonedBag,
  crowd,
  runnerWrongWay,
  fallIntrusion,
  quietTamper,
];
