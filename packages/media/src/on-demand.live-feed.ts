import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { definedOnly, type Mask } from '@vigie/core';
import type { FfmpegSupervisor } from './ffmpeg.supervisor.js';
import { sourceSecrets } from './ffmpeg-log.parser.js';
import { LiveFeed, type LiveViewer } from './live.feed.js';
import { liveArgs } from './live.args.js';
import { chooseMaskEncoder } from './mask-encoder.js';
import { defaultMaskRasterSize, encodeMaskPam, rasterizeMasks } from './mask.raster.js';
import { sourceInputArgs } from './source-input.args.js';

/** How to serve one camera stream live on demand. */
export interface OnDemandLiveFeedOptions {
  /** Supervisor job id, e.g. `<cameraId>:live-sub`. */
  jobId: string;
  /** The URL ffmpeg opens, asked at each start (stream password unsealed then). */
  source: () => string;
  /** The camera's privacy masks (normalised polygons), burnt in before any pixel is sent. */
  masks: readonly Pick<Mask, 'polygon'>[];
  supervisor: FfmpegSupervisor;
  /** Where the mask raster is written. */
  workDir: string;
  /** How long the process outlives its last viewer (default 10 s: a tile enlarged then shrunk keeps it). */
  lingerMs?: number;
  /** Problems of the stream (not fragmented MP4). */
  onProblem?: (message: string) => void;
}

/**
 * A live stream with its own ffmpeg, started with its first viewer and stopped shortly after its last one
 * leaves (a camera's sub stream for small tiles: nobody watching costs nothing). Masked cameras are
 * re-encoded with their masks, as their recording is.
 */
export class OnDemandLiveFeed {
  readonly #options: OnDemandLiveFeedOptions;
  readonly #feed: LiveFeed;
  #running = false;
  #linger: NodeJS.Timeout | undefined;
  #stopping: Promise<void> = Promise.resolve();

  /** Prepares the feed; nothing runs until a viewer subscribes. */
  constructor(options: OnDemandLiveFeedOptions) {
    this.#options = options;
    this.#feed = new LiveFeed(definedOnly({ onProblem: options.onProblem }));
  }

  /** Whether its ffmpeg is supervised now. */
  get running(): boolean {
    return this.#running;
  }

  /** Adds a viewer, starting the process for the first one; returns the function that removes it. */
  subscribe(viewer: LiveViewer): () => void {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    const unsubscribe = this.#feed.subscribe(viewer);
    if (!this.#running) void this.#start();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      unsubscribe();
      if (this.#feed.viewers === 0 && this.#linger === undefined)
        this.#linger = setTimeout(() => void this.stop(), this.#options.lingerMs ?? 10_000);
    };
  }

  /** Stops the process now (viewers stay subscribed but receive nothing more). */
  async stop(): Promise<void> {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    if (!this.#running) return this.#stopping;
    this.#running = false;
    this.#stopping = this.#options.supervisor.stop(this.#options.jobId).then(() => this.#feed.restart());
    return this.#stopping;
  }

  async #start(): Promise<void> {
    this.#running = true;
    await this.#stopping;
    // Read afresh: the last viewer may have left, and `stop` run, while the previous process was ending.
    if (!this.running) return;
    const { supervisor, jobId } = this.#options;
    let secrets: string[] = [];
    try {
      secrets = sourceSecrets(this.#options.source());
    } catch {
      // A source that cannot be opened fails each run, with its reason.
    }
    supervisor.start({
      id: jobId,
      args: () => this.#args(),
      secrets,
      outputs: [(stream) => this.#feed.attach(stream)],
    });
  }

  async #args(): Promise<string[]> {
    const { masks, workDir, supervisor } = this.#options;
    const ffmpeg = supervisor.capabilities;
    const input = sourceInputArgs({ sourceUrl: this.#options.source(), ffmpeg });
    if (masks.length === 0) return liveArgs({ input, output: 'pipe:3', ffmpeg });
    await mkdir(workDir, { recursive: true });
    const maskImagePath = join(workDir, `${this.#options.jobId.replace(/[^\w-]/g, '_')}.pam`);
    await rm(maskImagePath, { force: true });
    await writeFile(maskImagePath, encodeMaskPam(rasterizeMasks(masks, defaultMaskRasterSize), defaultMaskRasterSize));
    const encoder = chooseMaskEncoder(supervisor.capabilities.hardwareEncoders);
    return liveArgs({ input, output: 'pipe:3', ffmpeg, masked: { maskImagePath, encoder } });
  }
}
