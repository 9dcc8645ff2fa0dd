import type { Readable } from 'node:stream';
import { Fmp4Splitter, type Fmp4Piece } from './fmp4.splitter.js';

/** What a live viewer receives: an init segment (again after each recorder restart), then fragments. */
export type LiveMessage = Fmp4Piece;

/** One viewer of a live feed (a WebSocket, in practice). */
export interface LiveViewer {
  /** Sends one message. */
  send(message: LiveMessage): void;
  /** Bytes sent but not yet delivered (`WebSocket.bufferedAmount`). */
  backlog(): number;
}

/** Limits of a live feed. */
export interface LiveFeedOptions {
  /** A viewer with more than this waiting skips fragments until the next keyframe (default 1 MiB). */
  maxBacklogBytes?: number;
  /** The fragments kept since the last keyframe, so a new viewer starts at once (default 16 MiB). */
  maxGopBytes?: number;
  /** A stream that is not fragmented MP4 (ignored until the next run). */
  onProblem?: (message: string) => void;
}

interface Watching {
  viewer: LiveViewer;
  /** Skipping fragments: the viewer resumes at the next keyframe, which its decoder can start from. */
  waitsForKeyframe: boolean;
}

/**
 * One camera's live image as fragmented MP4 (read from its recording, `RecordedLiveFeed`, so masks are already
 * burnt in; or from an on-demand process), fanned out to any number of viewers without another ffmpeg. Keeps the init segment and the fragments
 * since the last keyframe, so that a viewer who joins sees a picture at once even when the camera sends a
 * keyframe only every 25 s; a viewer who falls behind skips to the next keyframe instead of lagging.
 */
export class LiveFeed {
  readonly #maxBacklog: number;
  readonly #maxGop: number;
  readonly #onProblem: (message: string) => void;
  readonly #viewers = new Set<Watching>();
  #splitter = new Fmp4Splitter();
  #broken = false;
  #init: LiveMessage | undefined;
  #gop: LiveMessage[] = [];
  #gopBytes = 0;
  #lastFragmentAt: number | undefined;

  /** Creates an empty feed; each run's stream is attached, or its pieces published. */
  constructor(options: LiveFeedOptions = {}) {
    this.#maxBacklog = options.maxBacklogBytes ?? 1024 * 1024;
    this.#maxGop = options.maxGopBytes ?? 16 * 1024 * 1024;
    this.#onProblem = options.onProblem ?? (() => undefined);
  }

  /** Follows the stream of a new process run (the previous run's pictures are no longer current). */
  attach(stream: Readable): void {
    this.restart();
    const splitter = this.#splitter;
    stream.on('data', (chunk: Buffer) => {
      if (splitter === this.#splitter) this.write(chunk);
    });
    stream.on('error', () => undefined); // the process exiting ends its pipe; the next run attaches anew
  }

  /** Forgets the current run: its init segment and keyframe no longer describe what comes next. */
  restart(): void {
    this.#splitter = new Fmp4Splitter();
    this.#broken = false;
    this.#init = undefined;
    this.#gop = [];
    this.#gopBytes = 0;
  }

  /** Feeds bytes of the current run. */
  write(chunk: Uint8Array): void {
    if (this.#broken) return;
    let pieces: Fmp4Piece[];
    try {
      pieces = this.#splitter.push(chunk);
    } catch (error) {
      this.#broken = true;
      this.#onProblem(`live stream dropped: ${(error as Error).message}`);
      return;
    }
    for (const piece of pieces) this.publish(piece);
  }

  /** Adds a viewer (who gets the init segment and current GOP at once); returns the function that removes it. */
  subscribe(viewer: LiveViewer): () => void {
    const watching: Watching = { viewer, waitsForKeyframe: true };
    this.#viewers.add(watching);
    if (this.#init !== undefined) {
      viewer.send(this.#init);
      for (const fragment of this.#gop) viewer.send(fragment);
      watching.waitsForKeyframe = this.#gop.length === 0;
    }
    return () => void this.#viewers.delete(watching);
  }

  /** How many viewers follow this feed. */
  get viewers(): number {
    return this.#viewers.size;
  }

  /** When the last fragment arrived (`performance.now()`), or undefined before the first. */
  get lastFragmentAt(): number | undefined {
    return this.#lastFragmentAt;
  }

  /** Sends one piece already cut (an init segment, or a fragment) to the viewers, and keeps it for newcomers. */
  publish(piece: Fmp4Piece): void {
    if (piece.kind === 'init') {
      this.#init = piece;
      this.#gop = [];
      this.#gopBytes = 0;
      for (const watching of this.#viewers) {
        watching.viewer.send(piece);
        watching.waitsForKeyframe = true;
      }
      return;
    }
    this.#lastFragmentAt = performance.now();
    this.#keep(piece);
    for (const watching of this.#viewers) {
      if (watching.viewer.backlog() > this.#maxBacklog) watching.waitsForKeyframe = true;
      else if (!watching.waitsForKeyframe || piece.keyframe) {
        watching.waitsForKeyframe = false;
        watching.viewer.send(piece);
      }
    }
  }

  #keep(fragment: Extract<Fmp4Piece, { kind: 'fragment' }>): void {
    if (fragment.keyframe) {
      this.#gop = [];
      this.#gopBytes = 0;
    } else if (this.#gop.length === 0) return; // no keyframe kept: new viewers wait for the next one
    this.#gopBytes += fragment.data.length;
    if (this.#gopBytes > this.#maxGop) {
      this.#gop = [];
      this.#gopBytes = 0;
      return;
    }
    this.#gop.push(fragment);
  }
}
