import { describe, expect, it } from 'vitest';
import { segmentKey, segmentStartOfKey, segmentsOverlapping } from './recording.js';

describe('recording segments', () => {
  it('keys a segment by camera, UTC day and hour, with a sortable timestamp', () => {
    expect(segmentKey('cam-1', new Date('2026-05-20T13:45:01.250Z'))).toBe(
      'cam-1/2026-05-20/13/20260520T134501.250Z.mp4',
    );
  });

  it('reads a segment’s start back from its key, and nothing from another file', () => {
    const start = new Date('2026-05-20T13:45:01.250Z');
    expect(segmentStartOfKey(segmentKey('cam-1', start))).toEqual(start);
    expect(segmentStartOfKey('cam-1/2026-05-20/13/segments.csv')).toBeUndefined();
  });

  it('finds the segments overlapping a range, in time order, excluding ones that only touch it', () => {
    const t = (s: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const a = { startedAt: t(0), endedAt: t(4) };
    const b = { startedAt: t(4), endedAt: t(8) };
    const c = { startedAt: t(8), endedAt: t(12) };
    expect(segmentsOverlapping([c, a, b], { from: t(4), to: t(9) })).toEqual([b, c]);
    expect(segmentsOverlapping([a, b, c], { from: t(12), to: t(20) })).toEqual([]);
  });
});
