import type { StreamMeasures } from './camera-health.js';

/** One completed segment as the meter sees it. */
export interface MeteredSegment {
  /** Wall-clock start and end of its media, ms. */
  startMs: number;
  endMs: number;
  bytes: number;
  /** Keyframes it holds (fragments of a keyframe-fragmented MP4); absent when the camera's own cannot be told (re-encoded). */
  keyframes?: number;
  /** How long after its last frame it was seen complete (`PlacedSegment.lagMs`). */
  lagMs: number;
  /** Whether it is the first segment of a stream opening (the drift's reference). */
  opensRun: boolean;
}

const hourMs = 3_600_000;
/** Frame rate is measured over buckets of this length; the current rate over the last two. */
const bucketMs = 10_000;
/** Bitrate and keyframe interval are measured over the segments of this last stretch. */
const recentMs = 60_000;

interface Bucket {
  start: number;
  frames: number;
  ms: number;
}

/**
 * Measures a camera's stream from what its recorder sees: frames counted by ffmpeg's progress reports,
 * completed segments (bytes, keyframes, timing) and stream losses. Pure: the recorder feeds it, with times.
 */
export class StreamMeter {
  readonly #startedAtMs: number;
  readonly #buckets: Bucket[] = [];
  readonly #segments: (MeteredSegment & { seenAtMs: number })[] = [];
  readonly #losses: number[] = [];
  #last: { run: number; frame: number; atMs: number } | undefined;
  #lastFrameAtMs: number;
  #online = false;
  #runLagMs: number | undefined;
  #driftMs: number | undefined;

  /** Starts measuring at `startedAtMs` (when the recorder started). */
  constructor(startedAtMs: number) {
    this.#startedAtMs = startedAtMs;
    this.#lastFrameAtMs = startedAtMs;
  }

  /** A progress report of run `run`: `frame` frames written so far. */
  progress(run: number, frame: number, atMs: number): void {
    const last = this.#last;
    this.#last = { run, frame, atMs };
    if (last === undefined || last.run !== run) {
      if (frame > 0) this.#lastFrameAtMs = atMs;
      return;
    }
    const frames = frame - last.frame;
    if (frames > 0) this.#lastFrameAtMs = atMs;
    const start = Math.floor(atMs / bucketMs) * bucketMs;
    let bucket = this.#buckets.at(-1);
    if (bucket?.start !== start) {
      bucket = { start, frames: 0, ms: 0 };
      this.#buckets.push(bucket);
      while ((this.#buckets[0]?.start ?? start) < atMs - hourMs) this.#buckets.shift();
    }
    bucket.frames += Math.max(0, frames);
    bucket.ms += atMs - last.atMs;
  }

  /** The stream opened at `atMs` (video flows): a picture is awaited from then on, not from before. */
  online(atMs: number): void {
    this.#online = true;
    this.#lastFrameAtMs = Math.max(this.#lastFrameAtMs, atMs);
  }

  /** The stream was lost (the process went offline or failed); counted once per loss after it was online. */
  lost(atMs: number): void {
    this.#runLagMs = undefined;
    if (!this.#online) return;
    this.#online = false;
    this.#losses.push(atMs);
    while ((this.#losses[0] ?? atMs) < atMs - hourMs) this.#losses.shift();
  }

  /** A segment was stored, seen at `atMs`. */
  segment(segment: MeteredSegment, atMs: number): void {
    this.#segments.push({ ...segment, seenAtMs: atMs });
    while ((this.#segments[0]?.endMs ?? atMs) < atMs - hourMs) this.#segments.shift();
    if (segment.opensRun || this.#runLagMs === undefined) {
      this.#runLagMs = segment.lagMs;
      this.#driftMs = undefined;
    } else this.#driftMs = this.#runLagMs - segment.lagMs;
  }

  /** What was measured, as of `nowMs` (figures not measured yet are absent). */
  measures(nowMs: number): StreamMeasures {
    const m: StreamMeasures = {};
    const recentBuckets = this.#buckets.filter((b) => b.start >= nowMs - 2 * bucketMs);
    const recentFrameMs = recentBuckets.reduce((sum, b) => sum + b.ms, 0);
    const frozenMs = nowMs - this.#lastFrameAtMs;
    if (frozenMs > bucketMs) m.fps = 0;
    else if (recentFrameMs >= 2000)
      m.fps = (1000 * recentBuckets.reduce((sum, b) => sum + b.frames, 0)) / recentFrameMs;
    const full = this.#buckets.filter((b) => b.ms >= bucketMs / 2 && b.start < nowMs - bucketMs);
    if (full.length > 0) m.expectedFps = Math.max(...full.map((b) => (1000 * b.frames) / b.ms));
    m.frozenSeconds = frozenMs / 1000;
    const recent = this.#segments.filter((s) => s.seenAtMs >= nowMs - recentMs);
    const recentSeconds = recent.reduce((sum, s) => sum + (s.endMs - s.startMs) / 1000, 0);
    if (recentSeconds > 0) {
      m.bitrateKbps = (8 * recent.reduce((sum, s) => sum + s.bytes, 0)) / recentSeconds / 1000;
      const counted = recent.filter((s) => s.keyframes !== undefined && s.keyframes > 0);
      const keyframes = counted.reduce((sum, s) => sum + (s.keyframes ?? 0), 0);
      const countedSeconds = counted.reduce((sum, s) => sum + (s.endMs - s.startMs) / 1000, 0);
      // One segment may stop short of the camera's next keyframe: judge over several.
      if (counted.length >= 2) m.keyframeIntervalSeconds = countedSeconds / keyframes;
    }
    if (this.#driftMs !== undefined) m.timestampDriftMs = this.#driftMs;
    const lastSeen = this.#segments.at(-1)?.seenAtMs ?? this.#startedAtMs;
    m.lastSegmentAgeSeconds = (nowMs - lastSeen) / 1000;
    m.reconnectsLastHour = this.#losses.filter((at) => at >= nowMs - hourMs).length;
    const hourStart = nowMs - hourMs;
    m.recordedSecondsLastHour =
      this.#segments.reduce((sum, s) => sum + Math.max(0, s.endMs - Math.max(s.startMs, hourStart)), 0) / 1000;
    m.expectedSecondsLastHour = (nowMs - Math.max(hourStart, this.#startedAtMs)) / 1000;
    return m;
  }
}
