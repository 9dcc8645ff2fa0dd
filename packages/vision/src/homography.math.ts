import type { Calibration } from '@vigie/core';
import type { Vec2 } from './geometry.math.js';

/** A 3×3 projective transform, row-major, h[8] = 1. */
export type Homography = Float64Array;

/** Solves A·x = b (n×n, row-major) by Gaussian elimination with partial pivoting; undefined when singular. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array | undefined {
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r * n + col] ?? 0) > Math.abs(a[pivot * n + col] ?? 0)) pivot = r;
    const pv = a[pivot * n + col] ?? 0;
    if (Math.abs(pv) < 1e-12) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const tmp = a[col * n + k] ?? 0;
        a[col * n + k] = a[pivot * n + k] ?? 0;
        a[pivot * n + k] = tmp;
      }
      const tb = b[col] ?? 0;
      b[col] = b[pivot] ?? 0;
      b[pivot] = tb;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = (a[r * n + col] ?? 0) / pv;
      if (f === 0) continue;
      for (let k = col; k < n; k++) a[r * n + k] = (a[r * n + k] ?? 0) - f * (a[col * n + k] ?? 0);
      b[r] = (b[r] ?? 0) - f * (b[col] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (b[i] ?? 0) / (a[i * n + i] ?? 1);
  return x;
}

/** The homography mapping four source points onto four destination points; throws if three are collinear. */
export function homographyFrom4(pairs: { from: readonly Vec2[]; to: readonly Vec2[] }): Homography {
  const a = new Float64Array(64);
  const b = new Float64Array(8);
  for (let i = 0; i < 4; i++) {
    const s = pairs.from[i];
    const d = pairs.to[i];
    if (s === undefined || d === undefined) throw new Error('A homography needs exactly four point pairs.');
    a.set([s.x, s.y, 1, 0, 0, 0, -s.x * d.x, -s.y * d.x], i * 16);
    a.set([0, 0, 0, s.x, s.y, 1, -s.x * d.y, -s.y * d.y], i * 16 + 8);
    b[i * 2] = d.x;
    b[i * 2 + 1] = d.y;
  }
  const h = solve(a, b, 8);
  if (h === undefined) throw new Error('Calibration points are degenerate: no three of them may be collinear.');
  const out = new Float64Array(9);
  out.set(h);
  out[8] = 1;
  return out;
}

/** Applies a homography to a point. */
export function applyHomography(h: Homography, p: Vec2): Vec2 {
  const w = (h[6] ?? 0) * p.x + (h[7] ?? 0) * p.y + (h[8] ?? 1);
  return {
    x: ((h[0] ?? 0) * p.x + (h[1] ?? 0) * p.y + (h[2] ?? 0)) / w,
    y: ((h[3] ?? 0) * p.x + (h[4] ?? 0) * p.y + (h[5] ?? 0)) / w,
  };
}

/** The calibration of a flat area of `widthM` × `heightM` metres seen straight down and filling the frame. */
export function overheadCalibration(widthM: number, heightM: number): Calibration {
  return {
    image: [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ],
    ground: [
      { x: 0, y: 0 },
      { x: widthM, y: 0 },
      { x: widthM, y: heightM },
      { x: 0, y: heightM },
    ],
  };
}

/** Maps normalised image points to metres on the ground. */
export interface GroundPlane {
  /** Ground position in metres of a normalised image point. */
  toMetres(p: Vec2): Vec2;
  /** Ground area in m² of a polygon given in normalised image coordinates. */
  areaM2(polygon: readonly Vec2[]): number;
}

/**
 * A ground plane from a calibration; without one, a flat guess that the frame's width spans
 * `assumedWidthM` metres (speeds and densities then are rough, and the docs say so).
 */
export function groundPlane(calibration: Calibration | undefined, assumedWidthM = 20): GroundPlane {
  const h =
    calibration === undefined ? undefined : homographyFrom4({ from: calibration.image, to: calibration.ground });
  const toMetres =
    h === undefined
      ? (p: Vec2): Vec2 => ({ x: p.x * assumedWidthM, y: p.y * assumedWidthM * 0.5625 })
      : (p: Vec2): Vec2 => applyHomography(h, p);
  return {
    toMetres,
    areaM2(polygon) {
      let sum = 0;
      const pts = polygon.map(toMetres);
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const a = pts[i];
        const b = pts[j];
        if (a !== undefined && b !== undefined) sum += (b.x + a.x) * (b.y - a.y);
      }
      return Math.abs(sum) / 2;
    },
  };
}
