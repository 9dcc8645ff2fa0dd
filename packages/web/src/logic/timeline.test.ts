import { describe, expect, it } from 'vitest';
import {
  fractionOf,
  isRecorded,
  mediaTimeAt,
  nextRecorded,
  rangeSpan,
  timeAt,
  tickStep,
  timeTicks,
  wallTimeAt,
} from './timeline';

const t = (iso: string) => Date.parse(iso);
const window = { from: t('2026-11-23T10:00:00Z'), to: t('2026-11-23T11:00:00Z') };
const ranges = [
  { start: '2026-11-23T09:30:00Z', end: '2026-11-23T10:20:00Z' },
  { start: '2026-11-23T10:25:00Z', end: '2026-11-23T11:30:00Z' },
];

describe('playback timeline maths', () => {
  it('maps times to fractions of the bar and back, clamped to the window', () => {
    expect(fractionOf(window, t('2026-11-23T10:15:00Z'))).toBe(0.25);
    expect(fractionOf(window, t('2026-11-23T12:00:00Z'))).toBe(1);
    expect(timeAt(window, 0.5)).toBe(t('2026-11-23T10:30:00Z'));
    expect(timeAt(window, -1)).toBe(window.from);
  });

  it('clips ranges to the window and leaves out those outside it', () => {
    expect(rangeSpan(window, ranges[0]!)).toEqual({ start: 0, end: 1 / 3 });
    expect(rangeSpan(window, ranges[1]!)?.end).toBe(1);
    expect(rangeSpan(window, { start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' })).toBeUndefined();
  });

  it('knows what is recorded, and jumps over a gap to the next recording', () => {
    expect(isRecorded(ranges, t('2026-11-23T10:10:00Z'))).toBe(true);
    expect(isRecorded(ranges, t('2026-11-23T10:22:00Z'))).toBe(false);
    expect(nextRecorded(ranges, t('2026-11-23T10:22:00Z'))).toBe(t('2026-11-23T10:25:00Z'));
    expect(nextRecorded(ranges, t('2026-11-23T12:00:00Z'))).toBeUndefined();
  });

  it('puts ticks on round times', () => {
    expect(timeTicks(window).map((x) => new Date(x).toISOString().slice(11, 16))).toEqual([
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
    ]);
    expect(timeTicks({ from: 0, to: 0 })).toEqual([]);
    expect(tickStep(timeTicks(window))).toBe(15 * 60_000);
    expect(tickStep(timeTicks({ from: window.from, to: window.from + 140_000 }))).toBe(30_000);
    expect(tickStep([window.from])).toBe(86_400_000);
  });
});

describe('wall-clock time in a VOD playlist with a gap', () => {
  // Two 6 s segments at 10:00:00, then a restart gap, then one at 10:00:30.
  const base = t('2026-11-23T10:00:00Z');
  const segments = [
    { start: 0, duration: 6, programDateTime: base },
    { start: 6, duration: 6, programDateTime: base + 6_000 },
    { start: 12, duration: 6, programDateTime: base + 30_000 },
  ];

  it('finds the media time of a recorded instant, and skips a gap to the next segment', () => {
    expect(mediaTimeAt(segments, base + 8_500)).toBe(8.5);
    expect(mediaTimeAt(segments, base + 20_000)).toBe(12);
    expect(mediaTimeAt(segments, base + 33_000)).toBe(15);
    expect(mediaTimeAt(segments, base + 60_000)).toBeUndefined();
  });

  it('tells the wall-clock time of the frame being played, across the gap', () => {
    expect(wallTimeAt(segments, 3)).toBe(base + 3_000);
    expect(wallTimeAt(segments, 13)).toBe(base + 31_000);
    expect(wallTimeAt([], 1)).toBeUndefined();
  });
});
