import { defaultRuleParams, type Box, type VideoFrame } from '@vigie/core';
import type { Track } from '../src/byte.tracker.js';
import { groundPlane, overheadCalibration } from '../src/homography.math.js';
import type { RuleContext } from '../src/rule.context.js';

/** A frame of 20 m × 20 m seen straight down (1 normalised unit = 20 m), square pixels. */
export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  const frame: VideoFrame = { data: new Uint8Array(16 * 16), width: 16, height: 16, format: 'gray', t: 0 };
  return {
    t: 0,
    frame,
    scene: { mean: 120, std: 40, sharpness: 10, changed: 0 },
    tracks: [],
    leftObjects: [],
    removedObjects: [],
    ground: groundPlane(overheadCalibration(20, 20)),
    zones: [],
    lines: [],
    params: defaultRuleParams,
    aspect: 1,
    local: { weekday: 1, minute: 12 * 60 },
    ...overrides,
  };
}

/** A person track whose feet moved along `path` (normalised foot points), one sample every `stepMs`. */
export function walker(options: {
  id: number;
  path: { x: number; y: number }[];
  stepMs?: number;
  size?: { w: number; h: number };
}): Track {
  const step = options.stepMs ?? 200;
  const size = options.size ?? { w: 0.03, h: 0.09 };
  const boxAt = (p: { x: number; y: number }): Box => ({ x: p.x - size.w / 2, y: p.y - size.h, ...size });
  const history = options.path.map((p, i) => ({ t: i * step, box: boxAt(p) }));
  const last = history.at(-1) ?? { t: 0, box: boxAt({ x: 0, y: 0 }) };
  return {
    id: options.id,
    label: 'person',
    box: last.box,
    score: 0.9,
    vx: 0,
    vy: 0,
    confirmed: true,
    firstT: 0,
    lastT: last.t,
    hits: history.length,
    history,
  };
}

/** Points from a to b in n steps. */
export function line(a: { x: number; y: number }, b: { x: number; y: number }, n: number): { x: number; y: number }[] {
  return Array.from({ length: n + 1 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n }));
}
