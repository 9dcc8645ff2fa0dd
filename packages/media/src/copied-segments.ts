import { mkdir, mkdtemp, rename, rm, utimes } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AuditInput, Camera, RgbFrame, Segment, SegmentStorage } from '@vigie/core';
import { definedOnly, SerialQueue } from '@vigie/core';
import { lastFrameOf } from './segment-frame.js';
import { remaskSegmentFile } from './segment-remask.js';
import { describeSegmentFile } from './segment.recorder.js';
import { copyFromStorage } from './storage-copy.js';

/** What a copy recorder's held segments need. */
export interface CopiedSegmentsOptions {
  /** The camera as registered: its masks are the ones burnt in after the fact. */
  camera: Camera;
  storage: SegmentStorage;
  /** Scratch space on the storage's disk (`<spool>/<camera>/remask-*`, `frame-*`, quarantined by spool recovery after a crash). */
  spoolDir: string;
  /** Where a segment that could not be re-masked goes (never indexed, purged at retention); absent: deleted. */
  quarantineDir?: string;
  ffmpegPath: string;
  segmentSeconds?: number;
  /** Indexes a segment: only then can playback and export read it. */
  index: (segment: Segment) => Promise<void>;
  /** Records how many segments were re-masked or quarantined, and which period they cover. */
  audit: (details: { remasked: number; quarantined: number; from: string; to: string }) => Promise<void>;
  onProblem: (message: string) => void;
}

/**
 * The segments a camera's copy recorder stored (its own masks, checked over ONVIF), held out of the index until a
 * check of those masks that started after a segment ended has passed. Once a check fails, or the recorder stops,
 * the run is distrusted: what it holds, and every segment it stores after, is decoded, masked by Vigie, re-encoded
 * and only then indexed (or quarantined when that fails): a copied segment is never readable unless vouched for.
 */
export class CopiedSegments {
  readonly #options: CopiedSegmentsOptions;
  #held: Segment[] = [];
  #distrusted = false;
  /** Segments masked after the fact, one at a time. */
  readonly #work: SerialQueue;
  #remasked = 0;
  #quarantined = 0;
  #from: Date | undefined;
  #to: Date | undefined;

  /** Holds nothing yet. */
  constructor(options: CopiedSegmentsOptions) {
    this.#options = options;
    this.#work = new SerialQueue((error) => options.onProblem(`masking after the fact failed: ${String(error)}`));
  }

  /** A segment the copy recorder stored: held until vouched for, re-masked at once when the run is distrusted. */
  hold(segment: Segment): void {
    if (this.#distrusted) this.#remask([segment]);
    else this.#held.push(segment);
  }

  /** A check of the camera's masks that started at `checkStartedAt` passed: the segments ended by then are indexed. */
  passed(checkStartedAt: Date): void {
    if (this.#distrusted) return;
    const vouched = this.#held.filter((segment) => segment.endedAt <= checkStartedAt);
    this.#held = this.#held.filter((segment) => segment.endedAt > checkStartedAt);
    for (const segment of vouched)
      this.#options.index(segment).catch((error: unknown) => this.#options.onProblem((error as Error).message));
  }

  /**
   * The last frame of the latest held segment that ended by `checkStartedAt` (what a check begun then would vouch
   * for), decoded small, to see whether the camera's masks are in its pixels; undefined when no such segment is held
   * (everything it stored was vouched for already) or the run is distrusted. Rejects when it cannot be decoded.
   */
  async lastFrame(checkStartedAt: Date): Promise<RgbFrame | undefined> {
    const latest = this.#held.filter((segment) => segment.endedAt <= checkStartedAt).at(-1);
    if (latest === undefined || this.#distrusted) return undefined;
    const { camera, storage, spoolDir, ffmpegPath } = this.#options;
    await mkdir(join(spoolDir, camera.id), { recursive: true });
    const dir = await mkdtemp(join(spoolDir, camera.id, 'frame-'));
    try {
      await copyFromStorage(storage, latest.key, join(dir, 'copied.mp4'));
      return await lastFrameOf(ffmpegPath, join(dir, 'copied.mp4'), dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A check failed (or the run ends unvouched): everything held and stored later is masked by Vigie first. */
  distrust(): void {
    if (this.#distrusted) return;
    this.#distrusted = true;
    const held = this.#held;
    this.#held = [];
    this.#remask(held);
  }

  /** After the recorder stopped (its last segment stored): distrusts what is left, waits for it, audits it. */
  async finish(): Promise<void> {
    this.distrust();
    await this.#work.idle();
    const done = this.#remasked + this.#quarantined;
    if (done === 0 || this.#from === undefined || this.#to === undefined) return;
    await this.#options.audit({
      remasked: this.#remasked,
      quarantined: this.#quarantined,
      from: this.#from.toISOString(),
      to: this.#to.toISOString(),
    });
  }

  #remask(segments: readonly Segment[]): void {
    for (const segment of segments) {
      void this.#work.run(() => this.#remaskOne(segment));
    }
  }

  async #remaskOne(segment: Segment): Promise<void> {
    const { camera, storage, spoolDir, quarantineDir, ffmpegPath, segmentSeconds, index, onProblem } = this.#options;
    if (this.#from === undefined || segment.startedAt < this.#from) this.#from = segment.startedAt;
    if (this.#to === undefined || segment.endedAt > this.#to) this.#to = segment.endedAt;
    await mkdir(join(spoolDir, camera.id), { recursive: true });
    const dir = await mkdtemp(join(spoolDir, camera.id, 'remask-'));
    const input = join(dir, 'copied.mp4');
    const output = join(dir, 'masked.mp4');
    try {
      await copyFromStorage(storage, segment.key, input);
      await remaskSegmentFile({
        ffmpegPath,
        input,
        output,
        workDir: dir,
        masks: camera.masks,
        ...(segmentSeconds === undefined ? {} : { segmentSeconds }),
      });
      const { keyframes: _keyframes, ...described } = await describeSegmentFile(output);
      await utimes(output, segment.endedAt, segment.endedAt);
      // Replaces the copied file in one rename; its row is written only now, with the masked file's hash and size.
      await storage.put(segment.key, output);
      await index({ ...segment, ...described });
      this.#remasked += 1;
    } catch (error) {
      onProblem(`segment ${segment.key} could not be masked after the fact, quarantined: ${(error as Error).message}`);
      await this.#quarantine(segment, input, quarantineDir).catch((failure: unknown) =>
        onProblem(`segment ${segment.key} not quarantined: ${(failure as Error).message}`),
      );
      this.#quarantined += 1;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Moves the copied file out of storage (kept for the retention period, never indexed), or deletes it. */
  async #quarantine(segment: Segment, copy: string, quarantineDir: string | undefined): Promise<void> {
    const { camera, storage } = this.#options;
    if (quarantineDir !== undefined) {
      const kept = join(quarantineDir, camera.id, `remask-failed-${basename(segment.key)}`);
      await mkdir(join(quarantineDir, camera.id), { recursive: true });
      await rename(copy, kept).catch(() => undefined);
    }
    await storage.remove(segment.key);
  }
}

/**
 * A camera's `CopiedSegments` whose masking after the fact is logged and audited (`camera.segments_remasked`, with
 * `reason`: why the segments could not be vouched for); `audit` should wait for the database when it is away.
 */
export function copiedSegmentsFor(
  camera: Camera,
  deps: Pick<
    CopiedSegmentsOptions,
    'storage' | 'spoolDir' | 'quarantineDir' | 'ffmpegPath' | 'segmentSeconds' | 'index'
  > & {
    audit: (entry: AuditInput) => Promise<unknown>;
    log: { warn(details: object, message: string): void };
    reason: string;
  },
): CopiedSegments {
  const { log, reason } = deps;
  return new CopiedSegments({
    camera,
    storage: deps.storage,
    spoolDir: deps.spoolDir,
    ffmpegPath: deps.ffmpegPath,
    ...definedOnly({ quarantineDir: deps.quarantineDir, segmentSeconds: deps.segmentSeconds }),
    index: deps.index,
    audit: async (details) => {
      log.warn(
        { camera: camera.id, ...details },
        `${details.remasked} segments re-masked after ${reason}` +
          (details.quarantined > 0 ? `, ${details.quarantined} quarantined` : ''),
      );
      await deps.audit({
        action: 'camera.segments_remasked',
        actorName: 'system',
        cameraId: camera.id,
        reason,
        details,
      });
    },
    onProblem: (message) => log.warn({ camera: camera.id }, message),
  });
}
