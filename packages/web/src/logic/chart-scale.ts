import type { CountSample } from '../api/contract';

/** A "nice" upper bound for an axis (1, 2, 5 × 10ⁿ) at or above a maximum. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= max);
  return nice ?? 10 * magnitude;
}

/** Evenly spaced axis values from 0 to a nice maximum, whole numbers only (counts are whole people). */
export function axisTicks(max: number, count = 4): number[] {
  const top = niceMax(max);
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count).filter(Number.isInteger);
}

/** People counted in and out during one time bucket. */
export interface CountBucket {
  start: number;
  in: number;
  out: number;
}

/** Adds counting reports into fixed time buckets over a window (every bucket present, empty ones at 0). */
export function bucketCounts(
  points: readonly CountSample[],
  window: { from: number; to: number },
  bucketMs: number,
): CountBucket[] {
  const count = Math.max(1, Math.ceil((window.to - window.from) / bucketMs));
  const buckets = Array.from({ length: count }, (_, i) => ({ start: window.from + i * bucketMs, in: 0, out: 0 }));
  for (const point of points) {
    const index = Math.floor((Date.parse(point.at) - window.from) / bucketMs);
    const bucket = buckets[index];
    if (bucket === undefined) continue;
    bucket.in += point.in ?? 0;
    bucket.out += point.out ?? 0;
  }
  return buckets;
}

/** A precision as a whole percentage, or undefined when no alert was judged yet. */
export function percent(precision: number | null): number | undefined {
  return precision === null ? undefined : Math.round(precision * 100);
}
