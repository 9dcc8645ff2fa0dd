import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  segmentKey,
  sourceKind,
  systemClock,
  type Clock,
  type Mask,
  type RecordingGap,
  type Segment,
  type SegmentStorage,
} from '@vigie/core';
import type { FfmpegSupervisor } from './ffmpeg.supervisor.js';
import { sourceSecrets } from './ffmpeg-log.parser.js';
import { encodeMaskPam, rasterizeMasks, defaultMaskRasterSize } from './mask.raster.js';
import { recordArgs, segmentListName } from './record.args.js';
import { mp4InitSize, parseSegmentListLine } from './segment-list.parser.js';
import { sourceInputArgs } from './source-input.args.js';

/** The camera fields recording needs. */
export interface RecordingCamera {
  id: string;
  sourceUrl: string;
  masks: readonly Pick<Mask, 'polygon'>[];
}

/** How to record one camera. */
export interface SegmentRecorderOptions {
  camera: RecordingCamera;
  supervisor: FfmpegSupervisor;
  storage: SegmentStorage;
  /** Local directory where ffmpeg writes segments before they are handed to storage. */
  spoolDir: string;
  clock?: Clock;
  /** Target segment length in seconds (default 4). */
  segmentSeconds?: number;
  /** How often the segment list is read (default 250 ms); wall-clock times are accurate to about this. */
  pollMs?: number;
  /** Called once per completed segment, in order, after it is in storage (e.g. to index it). */
  onSegment?: (segment: Segment) => Promise<void> | void;
  /** Called when recording resumes after its process restarted; `to - from` is the measured hole (may be 0). */
  onGap?: (gap: RecordingGap) => Promise<void> | void;
  /** Problems that do not stop recording (a segment that could not be stored, a failing callback). */
  onProblem?: (message: string) => void;
  /** Receives each run's live stream (fragmented MP4 of the recorded, masked video); absent: none made. */
  live?: (stream: Readable) => void;
}

interface Run {
  dir: string;
  startedAtMs: number;
  consumed: number;
  anchorMs?: number;
}

/**
 * Records one camera: runs its ffmpeg recording process under the supervisor and hands each
 * completed segment to storage with its wall-clock times, size and SHA-256. Wall-clock times come
 * from the moment ffmpeg lists the first segment of a run, minus that segment's media time, so the
 * segments of a run are contiguous; a restart opens a new run and reports the hole as a gap.
 */
export class SegmentRecorder {
  readonly #options: SegmentRecorderOptions;
  readonly #clock: Clock;
  readonly #cameraDir: string;
  readonly #instance: string;
  readonly #runs: Run[] = [];
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<void> = Promise.resolve();
  #lastEnd: Date | undefined;
  #lastProblem: string | undefined;
  #unsubscribe: (() => void) | undefined;

  /** Prepares a recorder; nothing runs until `start`. */
  constructor(options: SegmentRecorderOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#cameraDir = join(options.spoolDir, options.camera.id);
    this.#instance = String(this.#clock.now().getTime());
  }

  /** The supervisor job id of this camera's recording process. */
  get jobId(): string {
    return `${this.#options.camera.id}:record`;
  }

  /** Starts recording (the process is supervised: failures become statuses and gaps, never exceptions). */
  start(): void {
    const { supervisor, camera } = this.#options;
    this.#unsubscribe = supervisor.onStatus((status) => {
      if (status.jobId === this.jobId && (status.state === 'offline' || status.state === 'error'))
        this.#lastProblem = status.reason;
    });
    supervisor.start({
      id: this.jobId,
      args: (run) => this.#prepareRun(run),
      secrets: sourceSecrets(camera.sourceUrl),
      ...(this.#options.live === undefined ? {} : { output: this.#options.live }),
    });
    this.#timer = setInterval(() => this.#drain(), this.#options.pollMs ?? 250);
  }

  /** Stops the process gracefully, stores the last segment, and cleans the spool. */
  async stop(): Promise<void> {
    await this.#options.supervisor.stop(this.jobId);
    clearInterval(this.#timer);
    this.#unsubscribe?.();
    this.#drain(true);
    await this.#draining;
  }

  /** Stops recording (for `await using`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  async #prepareRun(run: number): Promise<string[]> {
    const { camera } = this.#options;
    const dir = join(this.#cameraDir, `${this.#instance}-${String(run).padStart(6, '0')}`);
    await mkdir(dir, { recursive: true });
    let masked;
    if (camera.masks.length > 0) {
      const maskImagePath = join(this.#cameraDir, 'mask.pam');
      const coverage = rasterizeMasks(camera.masks, defaultMaskRasterSize);
      await writeFile(maskImagePath, encodeMaskPam(coverage, defaultMaskRasterSize));
      masked = { maskImagePath };
    }
    this.#runs.push({ dir, startedAtMs: this.#clock.now().getTime(), consumed: 0 });
    const ffmpeg = this.#options.supervisor.capabilities;
    const input = sourceInputArgs({
      sourceUrl: camera.sourceUrl,
      loop: sourceKind(camera.sourceUrl) === 'file',
      ffmpeg,
    });
    return recordArgs({
      input,
      ffmpeg,
      outputDir: dir,
      ...(this.#options.segmentSeconds === undefined ? {} : { segmentSeconds: this.#options.segmentSeconds }),
      ...(masked === undefined ? {} : { masked }),
      ...(this.#options.live === undefined ? {} : { liveOutput: 'pipe:3' }),
    });
  }

  /** Serialises reads of the segment lists; `final` also empties the last run. */
  #drain(final = false): void {
    this.#draining = this.#draining.then(() => this.#drainOnce(final)).catch((error: unknown) => this.#problem(error));
  }

  async #drainOnce(final: boolean): Promise<void> {
    for (let run = this.#runs[0]; run !== undefined; run = this.#runs[0]) {
      await this.#consume(run);
      // An older run's process has exited (the supervisor prepares a run only after the last one ended).
      if (this.#runs.length === 1 && !final) return;
      this.#runs.shift();
      await rm(run.dir, { recursive: true, force: true });
    }
  }

  async #consume(run: Run): Promise<void> {
    let text: string;
    try {
      text = await readFile(join(run.dir, segmentListName), 'utf8');
    } catch {
      return; // no segment completed yet
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    const fresh = complete.slice(run.consumed);
    run.consumed = complete.length;
    for (const line of fresh.split('\n')) {
      const entry = parseSegmentListLine(line);
      if (entry === undefined) continue;
      try {
        await this.#store(run, entry.file, { start: entry.start, end: entry.end });
      } catch (error) {
        this.#problem(error);
      }
    }
  }

  async #store(run: Run, file: string, times: { start: number; end: number }): Promise<void> {
    const { camera, storage } = this.#options;
    const previousEnd = this.#lastEnd;
    const opensRun = run.anchorMs === undefined;
    if (run.anchorMs === undefined) {
      const observed = Math.max(run.startedAtMs, this.#clock.now().getTime() - times.end * 1000);
      // Never before the previous run's end: the index stays ordered even when estimates are off.
      run.anchorMs =
        previousEnd === undefined ? observed : Math.max(observed, previousEnd.getTime() - times.start * 1000);
    }
    const startedAt = new Date(Math.round(run.anchorMs + times.start * 1000));
    const endedAt = new Date(Math.round(run.anchorMs + times.end * 1000));
    const path = join(run.dir, file);
    const { bytes, sha256, initBytes } = await describeFile(path);
    const key = segmentKey(camera.id, startedAt);
    await storage.put(key, path);
    this.#lastEnd = endedAt;
    // A restart always breaks the footage, even when the hole is shorter than the clock can tell.
    if (opensRun && previousEnd !== undefined)
      await this.#notify(() =>
        this.#options.onGap?.({
          cameraId: camera.id,
          from: previousEnd,
          to: startedAt,
          reason: this.#lastProblem ?? 'recording restarted',
        }),
      );
    await this.#notify(() =>
      this.#options.onSegment?.({ cameraId: camera.id, key, startedAt, endedAt, bytes, sha256, initBytes }),
    );
  }

  async #notify(call: () => unknown): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.#problem(error);
    }
  }

  #problem(error: unknown): void {
    const message = `camera ${this.#options.camera.id}: ${error instanceof Error ? error.message : String(error)}`;
    this.#options.onProblem?.(message);
  }
}

async function describeFile(path: string): Promise<{ bytes: number; sha256: string; initBytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(bytes, 256 * 1024));
    await handle.read(head, 0, head.length, 0);
    return { bytes, sha256: hash.digest('hex'), initBytes: mp4InitSize(head) ?? 0 };
  } finally {
    await handle.close();
  }
}
