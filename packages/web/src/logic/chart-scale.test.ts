import { describe, expect, it } from 'vitest';
import { axisTicks, bucketCounts, niceMax, percent } from './chart-scale';

describe('chart scales', () => {
  it('rounds an axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 3, 7, 12, 180, 1000].map(niceMax)).toEqual([1, 5, 10, 20, 200, 1000]);
    expect(axisTicks(37)).toEqual([0, 25, 50]);
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(18)).toEqual([0, 5, 10, 15, 20]);
  });

  it('sums counts into buckets, empty ones included, ignoring reports outside the window', () => {
    const from = Date.parse('2026-11-23T10:00:00Z');
    const buckets = bucketCounts(
      [
        { cameraId: 'c', series: 'line:l', at: '2026-11-23T10:05:00Z', in: 3, out: 1 },
        { cameraId: 'c', series: 'line:l', at: '2026-11-23T10:14:59Z', in: 2 },
        { cameraId: 'c', series: 'line:l', at: '2026-11-23T10:40:00Z', out: 4 },
        { cameraId: 'c', series: 'line:l', at: '2026-11-23T09:00:00Z', in: 100 },
      ],
      { from, to: from + 45 * 60_000 },
      15 * 60_000,
    );
    expect(buckets.map((b) => [b.in, b.out])).toEqual([
      [5, 1],
      [0, 0],
      [0, 4],
    ]);
  });

  it('shows precision as a percentage, and nothing when no alert was judged', () => {
    expect(percent(0.876)).toBe(88);
    expect(percent(null)).toBeUndefined();
  });
});
