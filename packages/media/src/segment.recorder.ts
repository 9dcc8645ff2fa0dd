import { createHash } from 'node:crypto';
import { closeSync, futimesSync, openSync, readSync, rmSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import {
  definedOnly,
  segmentKey,
  SerialQueue,
  sourceKind,
  StreamMeter,
  systemClock,
  type Clock,
  type Mask,
  type RecordingGap,
  type Segment,
  type SegmentStorage,
  type StreamMeasures,
} from '@vigie/core';
import type { FfmpegSupervisor, ProcessState, ProcessStatus } from './ffmpeg.supervisor.js';
import { encoderNotOpened, sourceSecrets } from './ffmpeg-log.parser.js';
import { Mp4BoxWalker } from './mp4-box-walker.js';
import { encodeMaskPam, rasterizeMasks, defaultMaskRasterSize } from './mask.raster.js';
import { chooseMaskEncoder, type MaskEncoder } from './mask-encoder.js';
import { recordArgs, segmentListName } from './record.args.js';
import { mp4InitPart, type SegmentListEntry } from './segment-list.parser.js';
import { SegmentListReader } from './segment-list.reader.js';
import { RunTimeline, type Placed, type PlacedSegment } from './segment-timeline.js';
import { everyTick } from './shared-tick.js';
import { sourceInputArgs } from './source-input.args.js';

/** The camera fields recording needs. */
export interface RecordingCamera {
  id: string;
  sourceUrl: string;
  masks: readonly Pick<Mask, 'polygon' | 'liftable'>[];
}

/** Whether recording keeps up with real time, beyond the process merely running. */
export interface RecorderHealth {
  state: 'online' | 'degraded';
  /** Why, in words a person understands. */
  reason: string;
}

/** What a recorder asks of the supervisor running its ffmpeg (an `FfmpegSupervisor`). */
export type RecordingSupervisor = Pick<
  FfmpegSupervisor,
  'capabilities' | 'start' | 'stop' | 'restart' | 'onStatus' | 'onProgress'
>;

/** How to record one camera. */
export interface SegmentRecorderOptions {
  camera: RecordingCamera;
  /**
   * The URL ffmpeg opens, asked at each start (e.g. the stored URL with its sealed stream password put back,
   * `unsealedSources`); default: the camera's `sourceUrl`.
   */
  source?: () => string;
  supervisor: RecordingSupervisor;
  storage: SegmentStorage;
  /** Local directory where ffmpeg writes segments before they are handed to storage. */
  spoolDir: string;
  clock?: Clock;
  /** Target segment length in seconds (default 4). */
  segmentSeconds?: number;
  /**
   * How often health is judged and, where the file system gives no change notifications, the segment list read
   * (default 1 s): wall-clock times are accurate to about this only where those notifications do not come. With
   * them, the list is read when it grows, and every `safetyReads` ticks in case a notification was missed.
   */
  pollMs?: number;
  /** Lag behind real time beyond which the recorder is `degraded` (default: the larger of 10 s and 2.5 segments). */
  lagToleranceMs?: number;
  /**
   * End of this camera's last indexed segment, recorded before this recorder existed (e.g. before a
   * server restart): the hole until the first new segment is reported as a gap, "recorder stopped".
   */
  resumeAfter?: Date;
  /** Called once per completed segment, in order, after it is in storage (e.g. to index it). */
  onSegment?: (segment: Segment) => Promise<void> | void;
  /**
   * Called when recording resumes after its process restarted (`to - from` is the measured hole, may
   * be 0), and for a stretch whose timing the camera's timestamps made unreliable.
   */
  onGap?: (gap: RecordingGap) => Promise<void> | void;
  /** Called when the recorder starts or stops keeping up with real time while its process runs. */
  onHealth?: (health: RecorderHealth) => void;
  /** Problems that do not stop recording (a segment that could not be stored, a failing callback). */
  onProblem?: (message: string) => void;
  /**
   * Told, as each run starts, the directory its segments are written to (fragmented per frame, flushed as they
   * grow): a live feed follows the segment being written there (`RecordedLiveFeed`) only while someone watches.
   */
  live?: (runDir: string) => void;
  /** Also sends the camera's packets to this loopback UDP URL for its analysis (`RecordArgsOptions.analysisTap`). */
  analysisTap?: string;
  /**
   * Receives each run's picture behind the camera's liftable masks (fragmented MP4 on a pipe, never a file),
   * to be sealed before it is stored; absent, or a camera without a liftable mask: none made.
   */
  liftable?: (stream: Readable) => void;
}

interface Run {
  dir: string;
  timeline: RunTimeline<SegmentListEntry>;
  /** The run's segment list: each read takes only what ffmpeg appended since, as soon as it does. */
  list: SegmentListReader;
  /** Whether a segment of this run was placed: the first one follows a hole. */
  placedAny: boolean;
}

type HealthKind = 'keeping up' | 'silent' | 'corrected' | 'behind';

/** Segments without a discontinuity after which a timestamp warning is lifted. */
const calmSegments = 3;

/**
 * Ticks between reads of a segment list that notifies when it grows: a notification lost (an overflowing
 * inotify queue) delays a segment by at most this many ticks, and its lag shows in health.
 */
const safetyReads = 5;

/**
 * Records one camera: runs its ffmpeg recording process under the supervisor and hands each
 * completed segment to storage with its wall-clock times, size and SHA-256. Each segment is placed
 * on the wall clock when ffmpeg lists it complete (`RunTimeline`): the camera's own timestamps are
 * used only while they agree with the clock, and a jump becomes a recorded discontinuity. Reading
 * the segment list costs the same at any uptime (only appended bytes are read); a restart opens a
 * new run and reports the hole as a gap.
 */
export class SegmentRecorder {
  readonly #options: SegmentRecorderOptions;
  readonly #clock: Clock;
  readonly #cameraDir: string;
  readonly #instance: string;
  readonly #runs: Run[] = [];
  #stopTick: (() => void) | undefined;
  /** Ticks since start: every `safetyReads`-th reads the segment lists even without a notification. */
  #ticks = 0;
  /** Reads of the segment lists and preparations of runs, one at a time; a read requested while one waits joins it. */
  readonly #reads: SerialQueue;
  /** Stopped: the last read is queued, no other may follow it. */
  #stopped = false;
  #lastEnd: Date | undefined;
  /** Whether this recorder has placed a segment yet (the first one may close the hole left by a stopped recorder). */
  #placedAny = false;
  #lastProblem: string | undefined;
  #unsubscribe: (() => void) | undefined;
  /** When the process last came online or a segment was last seen complete (wall clock, ms). */
  #lastActivityMs: number | undefined;
  #health: RecorderHealth & { kind: HealthKind } = { state: 'online', reason: 'recording', kind: 'keeping up' };
  #sinceDiscontinuity = calmSegments;
  #discontinuity = '';
  #lagMs = 0;
  #meter: StreamMeter | undefined;
  /** The masks the next run applies: the camera's, until `remask`. */
  #masks: RecordingCamera['masks'];
  /** The hardware encoder found at start failed to open for this camera (busy, session cap): x264 from now on. */
  #hardwareFailed = false;
  /** The encoder of the masks of the run being prepared or running; undefined when it copies. */
  #runEncoder: MaskEncoder['name'] | undefined;

  /** Prepares a recorder; nothing runs until `start`. */
  constructor(options: SegmentRecorderOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#cameraDir = join(options.spoolDir, options.camera.id);
    this.#instance = String(this.#clock.now().getTime());
    this.#lastEnd = options.resumeAfter;
    this.#masks = options.camera.masks;
    this.#reads = new SerialQueue((error) => this.#problem(error));
  }

  /** The supervisor job id of this camera's recording process. */
  get jobId(): string {
    return `${this.#options.camera.id}:record`;
  }

  /** Whether recording keeps up with real time (meaningful while the process is online). */
  get health(): RecorderHealth {
    return { state: this.#health.state, reason: this.#health.reason };
  }

  /**
   * What was measured of the camera's stream since `start` (frame rate, bitrate, keyframe interval, drift,
   * freezes, losses, hour stored; the encoder of its masks when it masks); `undefined` before `start`.
   */
  measures(): StreamMeasures | undefined {
    const measures = this.#meter?.measures(this.#clock.now().getTime());
    if (measures === undefined || this.#masks.length === 0) return measures;
    return { ...measures, maskEncoder: this.#maskEncoder().name };
  }

  /** A hardware encoder found at start when there is one (the CPU is then spared the encode) and it opens, else x264. */
  #maskEncoder(): MaskEncoder {
    if (this.#hardwareFailed) return { name: 'libx264' };
    return chooseMaskEncoder(this.#options.supervisor.capabilities.hardwareEncoders);
  }

  /** Starts recording (the process is supervised: failures become statuses and gaps, never exceptions). */
  start(): void {
    const { supervisor } = this.#options;
    const meter = new StreamMeter(this.#clock.now().getTime());
    this.#meter = meter;
    this.#stopped = false;
    const unsubscribeStatus = supervisor.onStatus((status) => {
      if (status.jobId !== this.jobId) return;
      if (status.state === 'offline' || status.state === 'error') {
        this.#lastProblem = status.reason;
        meter.lost(status.at.getTime());
      }
      const encoder = this.#runEncoder;
      if (
        status.reason === encoderNotOpened &&
        encoder !== undefined &&
        encoder !== 'libx264' &&
        !this.#hardwareFailed
      ) {
        // A hardware encoder that opened at start may refuse one more session (GeForce caps them) or lose its driver.
        this.#hardwareFailed = true;
        this.#options.onProblem?.(
          `camera ${this.#options.camera.id}: ${encoder} could not be opened for its masks; x264 encodes them from now on`,
        );
      }
      if (status.state === 'online') meter.online(status.at.getTime());
      this.#lastActivityMs = status.state === 'online' ? this.#clock.now().getTime() : undefined;
    });
    const unsubscribeProgress = supervisor.onProgress(this.jobId, (progress) =>
      meter.progress(progress.run, progress.frame, progress.at.getTime()),
    );
    this.#unsubscribe = () => {
      unsubscribeStatus();
      unsubscribeProgress();
    };
    let secrets: string[] = [];
    try {
      secrets = sourceSecrets(this.#source());
    } catch {
      // A source that cannot be opened (a sealed password without the key) fails each run, with its reason.
    }
    supervisor.start({
      id: this.jobId,
      args: (run) => this.#prepareRun(run),
      secrets,
      outputs: this.#outputs(),
    });
    // One timer for all the cameras of this process (`everyTick`), not one each.
    this.#stopTick = everyTick(this.#options.pollMs ?? 1000, () => this.#tick());
  }

  /** Reads the segment lists when no notification will say they grew (or now and then); else judges health only. */
  #tick(): void {
    this.#ticks += 1;
    if (this.#ticks % safetyReads === 0 || this.#runs.some((run) => !run.list.notifies)) this.#drain();
    else if (!this.#reads.coalescedPending) this.#watchActivity();
  }

  #source(): string {
    return this.#options.source?.() ?? this.#options.camera.sourceUrl;
  }

  /**
   * Records with other masks from now on (a PTZ head moves or rests on a preset): the running process is ended
   * gracefully — its segment closes, a short gap follows — and the next one starts with these masks. Resolves
   * once the old process has exited: from then on no frame is stored or shown but through the new masks, so a
   * caller may send the head moving once the whole picture is masked. Changing masks this way costs a reconnection
   * (about a second without video) per change, which PTZ moves make rare; ffmpeg's runtime commands (`sendcmd`,
   * `zmq`) cannot swap a mask image, and a frame-exact switch is not needed when the picture is black in between.
   */
  async remask(masks: RecordingCamera['masks']): Promise<void> {
    this.#masks = masks;
    this.#lastProblem = 'privacy masks changed (PTZ head)';
    await this.#options.supervisor.restart(this.jobId);
  }

  /** Stops the process gracefully, stores the last segment, and cleans the spool. */
  async stop(): Promise<void> {
    await this.#options.supervisor.stop(this.jobId);
    this.#stopTick?.();
    this.#unsubscribe?.();
    this.#stopped = true;
    await this.#reads.run(() => this.#drainOnce(true));
  }

  /** Stops recording (for `await using`). */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  /** The extra output of the recording process (`pipe:3`): the picture behind liftable masks, when it is kept. */
  #outputs(): ((stream: Readable) => void)[] {
    const { liftable, camera } = this.#options;
    return liftable !== undefined && camera.masks.some((mask) => mask.liftable === true) ? [liftable] : [];
  }

  /** Writes a mask raster beside the runs (masks are geometry, not pictures); returns its path. */
  async #maskImage(name: string, masks: RecordingCamera['masks']): Promise<string> {
    const path = join(this.#cameraDir, name);
    await writeFile(path, encodeMaskPam(rasterizeMasks(masks, defaultMaskRasterSize), defaultMaskRasterSize));
    return path;
  }

  async #prepareRun(run: number): Promise<string[]> {
    const { camera } = this.#options;
    const masks = this.#masks;
    const dir = join(this.#cameraDir, `${this.#instance}-${String(run).padStart(6, '0')}`);
    await mkdir(dir, { recursive: true });
    let masked;
    this.#runEncoder = undefined;
    if (masks.length > 0) {
      const encoder = this.#maskEncoder();
      this.#runEncoder = encoder.name;
      masked = { maskImagePath: await this.#maskImage('mask.pam', masks), encoder };
      const liftableOutput = this.#outputs().length > 0 ? 'pipe:3' : undefined;
      const permanent = masks.filter((mask) => mask.liftable !== true);
      if (liftableOutput !== undefined) {
        const liftable = { output: liftableOutput };
        masked = {
          ...masked,
          liftable:
            permanent.length === 0
              ? liftable
              : { ...liftable, permanentMaskImagePath: await this.#maskImage('permanent-mask.pam', permanent) },
        };
      }
    }
    // The previous run's process has exited: its last segments are placed before this run begins.
    const runStartedAtMs = this.#clock.now().getTime();
    await this.#reads.run(async () => {
      await this.#drainOnce(true);
      const previousEndMs = this.#lastEnd?.getTime();
      const timeline = new RunTimeline<SegmentListEntry>({
        runStartedAtMs,
        ...definedOnly({ previousEndMs }),
      });
      const list = new SegmentListReader(join(dir, segmentListName), () => this.#drain());
      this.#runs.push({ dir, timeline, list, placedAny: false });
    });
    this.#options.live?.(dir);
    const ffmpeg = this.#options.supervisor.capabilities;
    const input = sourceInputArgs({
      sourceUrl: this.#source(),
      loop: sourceKind(camera.sourceUrl) === 'file',
      ffmpeg,
    });
    return recordArgs({
      input,
      ffmpeg,
      outputDir: dir,
      ...definedOnly({
        segmentSeconds: this.#options.segmentSeconds,
        masked,
        analysisTap: this.#options.analysisTap,
      }),
    });
  }

  /** Queues a read of the segment lists (one waiting read serves every request until it begins); none after `stop`. */
  #drain(): void {
    if (!this.#stopped) void this.#reads.runCoalesced(() => this.#drainOnce(false));
  }

  async #drainOnce(final: boolean): Promise<void> {
    for (let run = this.#runs[0]; run !== undefined; run = this.#runs[0]) {
      await this.#consume(run);
      // An older run's process has exited (the supervisor prepares a run only after the last one ended).
      if (this.#runs.length === 1 && !final) break;
      await this.#storeAll(run, run.timeline.finish());
      this.#runs.shift();
      run.list.close();
      await rm(run.dir, { recursive: true, force: true });
    }
    if (!final) this.#watchActivity();
  }

  async #consume(run: Run): Promise<void> {
    const entries = run.list.read();
    const observedAtMs = this.#clock.now().getTime();
    for (const entry of entries) await this.#storeAll(run, run.timeline.place(entry, observedAtMs));
  }

  async #storeAll(run: Run, placed: readonly Placed<SegmentListEntry>[]): Promise<void> {
    for (const segment of placed) {
      try {
        await this.#store(run, segment.entry.file, segment);
      } catch (error) {
        this.#problem(error);
      }
    }
  }

  async #store(run: Run, file: string, placed: PlacedSegment): Promise<void> {
    const { camera, storage } = this.#options;
    const previousEnd = this.#lastEnd;
    const startedAt = new Date(Math.round(placed.startMs));
    const endedAt = new Date(Math.round(placed.endMs));
    const path = join(run.dir, file);
    // The file's time is its indexed end: stored but never reported (a kill between the two), it is reported
    // later with the same start (its key) and end (`reportUnreportedSegments`).
    const { keyframes, ...described } = describeFreshSegmentFile(path, endedAt);
    if (!holdsFrames(described)) {
      // ffmpeg lists a segment it opened but put no frame in (seen when a run was ended as it began, on a loaded
      // machine): no picture to keep, and one no player or export could read. The next segment follows the last one kept.
      rmSync(path, { force: true });
      return;
    }
    const opensRun = !run.placedAny;
    const resumes = !this.#placedAny && this.#options.resumeAfter !== undefined;
    run.placedAny = true;
    this.#placedAny = true;
    const key = segmentKey(camera.id, startedAt);
    await storage.put(key, path);
    this.#lastEnd = endedAt;
    this.#meter?.segment(
      {
        startMs: startedAt.getTime(),
        endMs: endedAt.getTime(),
        bytes: described.bytes,
        lagMs: placed.lagMs,
        opensRun,
        // Re-encoded for masks, the keyframes are the encoder's, not the camera's.
        ...(this.#masks.length === 0 ? { keyframes } : {}),
      },
      this.#clock.now().getTime(),
    );
    this.#noteTiming(placed);
    // A restart always breaks the footage, even when the hole is shorter than the clock can tell.
    if (opensRun && previousEnd !== undefined)
      await this.#notify(() =>
        this.#options.onGap?.({
          cameraId: camera.id,
          from: previousEnd,
          to: startedAt,
          reason: resumes ? 'recorder stopped' : (this.#lastProblem ?? 'recording restarted'),
        }),
      );
    if (placed.discontinuity !== undefined) {
      const reason = `timing unreliable: ${placed.discontinuity}`;
      this.#options.onProblem?.(`camera ${camera.id}: ${reason}`);
      await this.#notify(() => this.#options.onGap?.({ cameraId: camera.id, from: startedAt, to: endedAt, reason }));
    }
    await this.#notify(() => this.#options.onSegment?.({ cameraId: camera.id, key, startedAt, endedAt, ...described }));
  }

  #noteTiming(placed: PlacedSegment): void {
    this.#lastActivityMs = this.#clock.now().getTime();
    this.#lagMs = placed.lagMs;
    if (placed.discontinuity === undefined) this.#sinceDiscontinuity += 1;
    else {
      this.#sinceDiscontinuity = 0;
      this.#discontinuity = placed.discontinuity;
    }
  }

  /** Works out health from the last segments and from how long none has come; reports changes. */
  #watchActivity(): void {
    const segmentMs = (this.#options.segmentSeconds ?? 4) * 1000;
    const lagToleranceMs = this.#options.lagToleranceMs ?? Math.max(10_000, 2.5 * segmentMs);
    const silentMs = Math.max(4 * segmentMs, 12_000);
    const idleMs = this.#lastActivityMs === undefined ? 0 : this.#clock.now().getTime() - this.#lastActivityMs;
    let next: RecorderHealth & { kind: HealthKind } = { state: 'online', reason: 'recording', kind: 'keeping up' };
    const behind = this.#lagMs > (this.#health.kind === 'behind' ? lagToleranceMs / 2 : lagToleranceMs);
    if (idleMs > silentMs)
      next = {
        state: 'degraded',
        kind: 'silent',
        reason: `video arrives but no segment completed for ${Math.round(idleMs / 1000)} s (camera timestamps stopped or jumped back?)`,
      };
    else if (this.#sinceDiscontinuity < calmSegments)
      next = { state: 'degraded', kind: 'corrected', reason: `recording times corrected: ${this.#discontinuity}` };
    else if (behind)
      next = {
        state: 'degraded',
        kind: 'behind',
        reason: `behind real time by ${Math.round(this.#lagMs / 1000)} s (the recorder cannot keep up with this camera)`,
      };
    if (next.kind === this.#health.kind) return;
    this.#health = next;
    try {
      this.#options.onHealth?.({ state: next.state, reason: next.reason });
    } catch (error) {
      this.#problem(error);
    }
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

/** What a recording camera shows: its process's state, or `degraded` while the process runs but the recorder does not keep up. */
export function recordingState(
  process: Pick<ProcessStatus, 'state' | 'reason'>,
  health: RecorderHealth,
): { state: ProcessState | 'degraded'; reason: string } {
  return process.state === 'online' && health.state === 'degraded'
    ? { state: 'degraded', reason: health.reason }
    : { state: process.state, reason: process.reason };
}

/** Bytes read at once from a segment file: a 4 s segment of a 2 Mbit/s camera in one read; its init part in the first. */
const describeReadBytes = 1024 * 1024;

/** Read buffers of `describeSegmentFile` not in use, kept for the next segments (a few: as many as read at once). */
const spareBuffers: Buffer[] = [];
const maxSpareBuffers = 4;

/** What a segment file is described by: size, SHA-256, init part and keyframe count. */
type SegmentFileDescription = Pick<Segment, 'bytes' | 'sha256' | 'initBytes' | 'initHash'> & { keyframes: number };

/**
 * Whether a described segment file holds a frame: a fragment (`moof`, with its frames) after its init part. The
 * init part's size is where the first fragment starts; 0 when there is none (`mp4InitPart`).
 */
export function holdsFrames(description: Pick<SegmentFileDescription, 'bytes' | 'initBytes'>): boolean {
  return description.initBytes > 0 && description.bytes > description.initBytes;
}

/** Works out a segment file's description from its bytes, given in order in chunks. */
class SegmentFileReading {
  readonly #hash = createHash('sha256');
  readonly #boxes = new Mp4BoxWalker();
  #init: ReturnType<typeof mp4InitPart> | undefined;
  #bytes = 0;

  /** The next bytes of the file; the first chunk holds its init part (`ftyp` and `moov`, about a kilobyte). */
  add(data: Buffer): void {
    this.#hash.update(data);
    this.#boxes.push(data);
    this.#bytes += data.length;
    this.#init ??= mp4InitPart(data);
  }

  /** The description of the bytes added. */
  done(): SegmentFileDescription {
    return {
      bytes: this.#bytes,
      sha256: this.#hash.digest('hex'),
      keyframes: this.#boxes.keyframes,
      ...(this.#init ?? { initBytes: 0 }),
    };
  }
}

/**
 * Size, SHA-256, init part and keyframe count (its `moof` fragments that open at a keyframe) of a segment file,
 * read once through one buffer: never a buffer of the whole file, nor a new one per segment or chunk (a few MB per
 * segment and camera, which the garbage collector would then chase). For a file that may not be in memory (one
 * found in the spool after a restart); `describeFreshSegmentFile` for one ffmpeg has just written.
 */
export async function describeSegmentFile(path: string): Promise<SegmentFileDescription> {
  const reading = new SegmentFileReading();
  const file = await open(path, 'r');
  const chunk = spareBuffers.pop() ?? Buffer.allocUnsafe(describeReadBytes);
  try {
    for (;;) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      reading.add(chunk.subarray(0, bytesRead));
      // A complete file reads short only at its end: no further call to be told so.
      if (bytesRead < chunk.length) break;
    }
  } finally {
    await file.close();
    if (spareBuffers.length < maxSpareBuffers) spareBuffers.push(chunk);
  }
  return reading.done();
}

/**
 * The one buffer `describeFreshSegmentFile` reads through: small enough to stay in the processor's cache between
 * the copy from the kernel and the hash that follows, large enough to keep reads few (about ten per 4 s segment at
 * 5 Mbit/s).
 */
const freshChunk = Buffer.allocUnsafe(256 * 1024);

/**
 * `describeSegmentFile` of a segment ffmpeg has just completed, hence still in the page cache: read without
 * leaving the event loop, each chunk hashed while it is in the processor's cache. Reading the same bytes through
 * the thread pool cost a third more CPU (a hand-off per read; issue 11, `npm run bench:video`), and the hash that
 * follows each read holds the event loop longer than the read. Also gives the file `time` as its access and
 * modification times through the same open file (2 µs, against 25 µs and a wake-up for `utimes` on its path).
 */
export function describeFreshSegmentFile(path: string, time: Date): SegmentFileDescription {
  const reading = new SegmentFileReading();
  const file = openSync(path, 'r');
  try {
    for (;;) {
      const bytesRead = readSync(file, freshChunk, 0, freshChunk.length, null);
      if (bytesRead === 0) break;
      reading.add(freshChunk.subarray(0, bytesRead));
      if (bytesRead < freshChunk.length) break;
    }
    futimesSync(file, time, time);
  } finally {
    closeSync(file);
  }
  return reading.done();
}
