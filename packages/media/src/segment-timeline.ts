import type { SegmentListEntry } from './segment-list.parser.js';

/** Where a completed segment lies on the wall clock, and whether its media times could be trusted. */
export interface PlacedSegment {
  startMs: number;
  endMs: number;
  /** Set when the camera's timestamps disagreed with the wall clock: why, in words a person can read. */
  discontinuity?: string;
  /** How long after the end of its last frame the segment was seen complete (the recorder's delay). */
  lagMs: number;
}

/** How far media times may stray from the wall clock before they are overruled. */
export interface TimelineTolerances {
  /** A jump forward is reported beyond this much; a jump back beyond this or one segment length (default 3 s). */
  jumpMs?: number;
}

/** Where a run of ffmpeg starts on the wall clock. */
export interface RunTimelineOptions extends TimelineTolerances {
  /** When the run's process was started. */
  runStartedAtMs: number;
  /** End of the last segment recorded before this run: the index stays ordered, never overlapping. */
  previousEndMs?: number;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/** A placed segment with the list entry it came from. */
export type Placed<T> = PlacedSegment & { entry: T };

/**
 * Places the segments of one ffmpeg run on the wall clock. Media times are trusted only while they
 * agree with when each segment is seen complete (ffmpeg closes a segment when the first frame of the
 * next one arrives): consecutive segments are contiguous, a segment seen before its media could have
 * been captured (timestamps jumped forward) or one that took far longer than its media says
 * (timestamps jumped back or froze) is re-anchored on the wall clock and reported as a discontinuity.
 * A slow, steady excess is the recorder falling behind real time, reported as lag. A segment that took
 * too long is judged when the next one comes: right after it (a backlog released after a stall) or at
 * the process's exit (the last segment is closed then), its media times stand.
 */
export class RunTimeline<T extends Pick<SegmentListEntry, 'start' | 'end'>> {
  readonly #options: RunTimelineOptions;
  #lastEndMs: number | undefined;
  #lastLagMs = 0;
  #held: { entry: T; observedAtMs: number } | undefined;

  /** Starts the timeline of a run; nothing is placed yet. */
  constructor(options: RunTimelineOptions) {
    this.#options = options;
  }

  /** Places the next completed segment, seen complete at `observedAtMs`, and any held back before it. */
  place(entry: T, observedAtMs: number): Placed<T>[] {
    const placed: Placed<T>[] = [];
    const held = this.#held;
    this.#held = undefined;
    if (held !== undefined) {
      const burst = observedAtMs - held.observedAtMs < durationMs(entry) / 2;
      placed.push(burst ? this.#trust(held.entry, held.observedAtMs) : this.#fromClock(held.entry, held.observedAtMs));
    }
    if (this.#lastEndMs === undefined) placed.push(this.#first(entry, observedAtMs));
    else if (this.#tookTooLong(entry, observedAtMs)) this.#held = { entry, observedAtMs };
    else placed.push(this.#next(entry, observedAtMs));
    return placed;
  }

  /** The run's process has exited: places a held segment on its media times (it was closed by the exit). */
  finish(): Placed<T>[] {
    const held = this.#held;
    this.#held = undefined;
    return held === undefined ? [] : [this.#trust(held.entry, held.observedAtMs)];
  }

  #tookTooLong(entry: T, observedAtMs: number): boolean {
    const lagMs = observedAtMs - ((this.#lastEndMs ?? 0) + durationMs(entry));
    return lagMs - this.#lastLagMs > Math.max(this.#options.jumpMs ?? 3000, durationMs(entry));
  }

  #first(entry: T, observedAtMs: number): Placed<T> {
    // The run's first segment: anchored on the moment it is seen complete.
    const floor = Math.max(this.#options.runStartedAtMs, this.#options.previousEndMs ?? -Infinity);
    const endMs = Math.max(floor, observedAtMs);
    const startMs = Math.min(endMs, Math.max(floor, observedAtMs - durationMs(entry)));
    return this.#keep({ entry, startMs, endMs, lagMs: 0 });
  }

  #next(entry: T, observedAtMs: number): Placed<T> {
    const startMs = this.#lastEndMs ?? observedAtMs;
    const mediaMs = durationMs(entry);
    const lagMs = observedAtMs - (startMs + mediaMs);
    // Seen a little before its media end: the first sighting, which anchors the run, came late (a
    // busy process); media lengths stand. Far before it, the camera's clock jumped forward.
    if (lagMs >= -(this.#options.jumpMs ?? 3000))
      return this.#keep({ entry, startMs, endMs: startMs + mediaMs, lagMs: Math.max(0, lagMs) });
    const endMs = Math.max(startMs, observedAtMs);
    return this.#keep({
      entry,
      startMs,
      endMs,
      lagMs: 0,
      discontinuity:
        `camera timestamps jumped forward about ${seconds(-lagMs)} s ` +
        `(${seconds(mediaMs)} s of media in ${seconds(endMs - startMs)} s of real time); times taken from the clock`,
    });
  }

  #trust(entry: T, observedAtMs: number): Placed<T> {
    const startMs = this.#lastEndMs ?? observedAtMs;
    const endMs = startMs + durationMs(entry);
    return this.#keep({ entry, startMs, endMs, lagMs: Math.max(0, observedAtMs - endMs) });
  }

  #fromClock(entry: T, observedAtMs: number): Placed<T> {
    const startMs = this.#lastEndMs ?? observedAtMs;
    const mediaMs = durationMs(entry);
    const wallMs = Math.max(0, observedAtMs - startMs);
    return this.#keep({
      entry,
      startMs,
      endMs: startMs + wallMs,
      lagMs: 0,
      discontinuity:
        `camera timestamps jumped back or froze about ${seconds(wallMs - mediaMs - this.#lastLagMs)} s ` +
        `(${seconds(mediaMs)} s of media in ${seconds(wallMs)} s of real time); times taken from the clock`,
    });
  }

  #keep(placed: Placed<T>): Placed<T> {
    this.#lastEndMs = placed.endMs;
    this.#lastLagMs = placed.lagMs;
    return placed;
  }
}

function durationMs(entry: Pick<SegmentListEntry, 'start' | 'end'>): number {
  return (entry.end - entry.start) * 1000;
}
