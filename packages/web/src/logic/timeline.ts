import type { TimeRange } from '../api/contract';

/** A window of time in milliseconds since the epoch. */
export interface Window {
  from: number;
  to: number;
}

/** Clamps a time into the window. */
export function clampTime(window: Window, at: number): number {
  return Math.min(Math.max(at, window.from), window.to);
}

/** Where a time lies across the window, 0 at its start and 1 at its end (clamped). */
export function fractionOf(window: Window, at: number): number {
  const span = window.to - window.from;
  return span <= 0 ? 0 : (clampTime(window, at) - window.from) / span;
}

/** The time at a fraction of the window (e.g. where the pointer is on the bar). */
export function timeAt(window: Window, fraction: number): number {
  return Math.round(window.from + Math.min(Math.max(fraction, 0), 1) * (window.to - window.from));
}

/** A range as fractions of the window, clipped to it; undefined when it lies outside. */
export function rangeSpan(window: Window, range: TimeRange): { start: number; end: number } | undefined {
  const start = Date.parse(range.start);
  const end = Date.parse(range.end);
  if (end <= window.from || start >= window.to || end <= start) return undefined;
  return { start: fractionOf(window, start), end: fractionOf(window, end) };
}

/** Whether a time falls inside a recorded range (so playback can show it). */
export function isRecorded(ranges: readonly TimeRange[], at: number): boolean {
  return ranges.some((r) => Date.parse(r.start) <= at && at < Date.parse(r.end));
}

/** The start of the next recorded range at or after a time, to skip a gap; undefined if none. */
export function nextRecorded(ranges: readonly TimeRange[], at: number): number | undefined {
  if (isRecorded(ranges, at)) return at;
  const starts = ranges.map((r) => Date.parse(r.start)).filter((start) => start > at);
  return starts.length === 0 ? undefined : Math.min(...starts);
}

const tickSteps = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map(
  (s) => s * 1000,
);

/** Round tick times across a window, about `count` of them, on whole seconds, minutes or hours. */
export function timeTicks(window: Window, count = 6): number[] {
  const span = window.to - window.from;
  if (span <= 0) return [];
  const step = tickSteps.find((s) => span / s < count) ?? 86_400_000;
  const first = Math.ceil(window.from / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= window.to; t += step) ticks.push(t);
  return ticks;
}

/** The time between two ticks in ms (a day when there is at most one). */
export function tickStep(ticks: readonly number[]): number {
  const [first, second] = ticks;
  return first === undefined || second === undefined ? 86_400_000 : second - first;
}

/** A media segment of a VOD playlist: where it sits in the media timeline and when it was recorded. */
export interface SegmentTime {
  /** Seconds from the start of the media. */
  start: number;
  duration: number;
  /** Wall-clock time of its first frame, ms since the epoch (EXT-X-PROGRAM-DATE-TIME). */
  programDateTime: number;
}

/** The media time (s) showing a wall-clock time; a time in a gap shows the next segment's start. */
export function mediaTimeAt(segments: readonly SegmentTime[], at: number): number | undefined {
  for (const s of segments) {
    if (at < s.programDateTime) return s.start;
    if (at < s.programDateTime + s.duration * 1000) return s.start + (at - s.programDateTime) / 1000;
  }
  return undefined;
}

/** The wall-clock time (ms) of a media time, from the segment that holds it. */
export function wallTimeAt(segments: readonly SegmentTime[], mediaTime: number): number | undefined {
  const s = segments.find((seg) => mediaTime >= seg.start && mediaTime < seg.start + seg.duration) ?? segments.at(-1);
  return s === undefined ? undefined : s.programDateTime + (Math.min(mediaTime, s.start + s.duration) - s.start) * 1000;
}
