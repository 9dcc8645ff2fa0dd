import { watch, type FSWatcher } from 'node:fs';
import { open, readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Fmp4Restamper, Fmp4Splitter, type Fmp4Piece } from './fmp4.splitter.js';
import { LiveFeed, type LiveFeedOptions, type LiveViewer } from './live.feed.js';

/** How to follow a camera's recording live. */
export interface RecordedLiveFeedOptions extends LiveFeedOptions {
  /** How long the segment files are still read after the last viewer left (default 5 s: a wall re-laid keeps it). */
  lingerMs?: number;
  /** How often the segment being written is read besides the file system's change notifications (default 200 ms). */
  pollMs?: number;
}

/** A segment file of a run, `%06d.mp4` (`recordArgs`). */
const segmentFile = /^(\d{6})\.mp4$/;

/** Bytes read from a segment file at once (one buffer, reused: each fragment sent is a copy, `Fmp4Restamper`). */
const readBytes = 256 * 1024;

/** The segment file being read. */
interface ReadSegment {
  /** Its number in the run. */
  n: number;
  file: FileHandle;
  /** Bytes read so far. */
  offset: number;
  splitter: Fmp4Splitter;
  /** Not fragmented MP4: skipped until the next segment. */
  broken: boolean;
  /**
   * Opened part-written for a first viewer: its fragments up to the current end are held, and only those from
   * the last keyframe sent (the earlier ones would only fill the viewer's socket before the picture it can show).
   */
  catchUp: Fmp4Piece[] | undefined;
}

/** The file name of a run's segment number `n`. */
function segmentName(n: number): string {
  return `${String(n).padStart(6, '0')}.mp4`;
}

/**
 * One camera's live image, read from its recording itself: the segment being written (fragmented per frame and
 * flushed as it grows, `recordArgs`), then the next one, so masks are already burnt in and the recorder makes no
 * second stream. Files are read only while someone watches (and `lingerMs` after): a camera nobody watches costs
 * nothing for live. A new viewer gets the current segment from its first frame (a keyframe) at once. Fragments are
 * laid end to end across segments (each starts again at 0) and a segment's init segment is sent only when it
 * differs from the one before, so players follow one stream; a new recorder run sends its init segment again.
 */
export class RecordedLiveFeed {
  readonly #feed: LiveFeed;
  readonly #lingerMs: number;
  readonly #pollMs: number;
  readonly #buffer = Buffer.allocUnsafe(readBytes);
  /** The directory of the current run's segments. */
  #dir: string | undefined;
  /** Whether the files are being read (someone watches, or did less than `lingerMs` ago). */
  #active = false;
  #linger: NodeJS.Timeout | undefined;
  #poll: NodeJS.Timeout | undefined;
  #watcher: FSWatcher | undefined;
  readonly #onProblem: (message: string) => void;
  /** The segment file being read. */
  #segment: ReadSegment | undefined;
  #restamper = new Fmp4Restamper();
  #lastInit: Uint8Array | undefined;
  /** A read is running; another was asked for meanwhile. */
  #reading: Promise<void> | undefined;
  #again = false;
  /** A file may have appeared (or the poll ticked): the next read looks for the next segment. */
  #lookForNext = true;
  #bytesRead = 0;
  /** Bumped when the run changes or reading stops: a read begun before drops what it finds. */
  #epoch = 0;

  /** Creates a feed with no run yet; the recorder tells it each run's directory (`follow`). */
  constructor(options: RecordedLiveFeedOptions = {}) {
    this.#feed = new LiveFeed(options);
    this.#lingerMs = options.lingerMs ?? 5000;
    this.#pollMs = options.pollMs ?? 200;
    this.#onProblem = options.onProblem ?? (() => undefined);
  }

  /** Follows a new recorder run, whose segments are written to `dir` (the previous run's pictures are no longer current). */
  follow(dir: string): void {
    this.#dir = dir;
    this.#reset();
    if (this.#active) this.#watch();
  }

  /** Adds a viewer, starting to read the recording for the first one; returns the function that removes it. */
  subscribe(viewer: LiveViewer): () => void {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    const unsubscribe = this.#feed.subscribe(viewer);
    if (!this.#active) {
      this.#active = true;
      this.#watch();
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      unsubscribe();
      if (this.#feed.viewers === 0 && this.#linger === undefined && this.#active) {
        this.#linger = setTimeout(() => this.#pause(), this.#lingerMs);
        this.#linger.unref();
      }
    };
  }

  /** How many viewers follow this feed. */
  get viewers(): number {
    return this.#feed.viewers;
  }

  /** Bytes of the recording read so far: what live has cost (none while nobody watches). */
  get bytesRead(): number {
    return this.#bytesRead;
  }

  /** Whether the recording's files are being read now. */
  get reading(): boolean {
    return this.#active;
  }

  /** Stops reading for good (the camera is no longer recorded here); viewers receive nothing more. */
  close(): void {
    this.#dir = undefined;
    this.#pause();
  }

  /** Stops reading until the next viewer. */
  #pause(): void {
    clearTimeout(this.#linger);
    this.#linger = undefined;
    this.#active = false;
    this.#reset();
  }

  /** Forgets the file being read and what was sent of it: the next read starts at the newest segment. */
  #reset(): void {
    this.#epoch += 1;
    this.#watcher?.close();
    this.#watcher = undefined;
    clearInterval(this.#poll);
    this.#poll = undefined;
    void this.#segment?.file.close().catch(() => undefined);
    this.#segment = undefined;
    this.#restamper = new Fmp4Restamper();
    this.#lastInit = undefined;
    this.#feed.restart();
  }

  /** Reads on each change of the run's directory (inotify on Linux) and on a slower poll, where none comes. */
  #watch(): void {
    const dir = this.#dir;
    if (dir === undefined) return;
    try {
      // A write to a segment is a 'change'; a new segment file, a 'rename': only then can the next one be there.
      this.#watcher = watch(dir, { persistent: false }, (event) => this.#read(event === 'rename')).on(
        'error',
        () => undefined,
      );
    } catch {
      // Not yet made, or no notifications here: the poll reads.
    }
    this.#poll = setInterval(() => this.#read(true), this.#pollMs);
    this.#poll.unref();
    this.#read();
  }

  /** Reads what was written since the last read; reads never overlap (one more runs if asked meanwhile). */
  #read(lookForNext = true): void {
    if (lookForNext) this.#lookForNext = true;
    if (this.#reading !== undefined) {
      this.#again = true;
      return;
    }
    this.#reading = this.#readOnce(this.#epoch)
      .catch(() => undefined) // a segment moved away between listing and opening it: the next read lists again
      .finally(() => {
        this.#reading = undefined;
        if (this.#again) {
          this.#again = false;
          this.#read(false);
        }
      });
  }

  async #readOnce(epoch: number): Promise<void> {
    const dir = this.#dir;
    if (!this.#active || dir === undefined) return;
    if (this.#segment === undefined) {
      const newest = await newestSegment(dir);
      if (newest === undefined || epoch !== this.#epoch) return;
      await this.#open(dir, newest, epoch);
    }
    for (let segment = this.#segment; segment !== undefined && epoch === this.#epoch; segment = this.#segment) {
      const lookForNext = this.#lookForNext;
      this.#lookForNext = false;
      await this.#drain(segment, epoch);
      if (!lookForNext) return;
      // The segment muxer closes a segment before it opens the next: once the next exists, this one is whole.
      const next = await open(join(dir, segmentName(segment.n + 1)), 'r').catch(() => undefined);
      if (next === undefined) return;
      if (epoch !== this.#epoch) {
        await next.close();
        return;
      }
      await this.#drain(segment, epoch);
      await segment.file.close();
      if (epoch !== this.#epoch) {
        await next.close();
        return;
      }
      this.#segment = opened(segment.n + 1, next, false);
    }
  }

  async #open(dir: string, n: number, epoch: number): Promise<void> {
    const file = await open(join(dir, segmentName(n)), 'r');
    if (epoch !== this.#epoch) await file.close();
    else this.#segment = opened(n, file, true);
  }

  /** Reads a segment file to its current end and publishes the pieces it completes. */
  async #drain(segment: ReadSegment, epoch: number): Promise<void> {
    while (!segment.broken) {
      const { bytesRead } = await segment.file.read(this.#buffer, 0, readBytes, segment.offset);
      if (epoch !== this.#epoch) return;
      if (bytesRead === 0) {
        const held = segment.catchUp ?? [];
        segment.catchUp = undefined;
        for (const fragment of held) this.#feed.publish(fragment);
        return;
      }
      segment.offset += bytesRead;
      this.#bytesRead += bytesRead;
      let pieces;
      try {
        pieces = segment.splitter.push(this.#buffer.subarray(0, bytesRead));
      } catch (error) {
        segment.broken = true;
        this.#onProblem(`live stream dropped until the next segment: ${(error as Error).message}`);
        return;
      }
      for (const piece of pieces) {
        if (piece.kind === 'fragment') {
          const fragment = { ...piece, data: this.#restamper.restamp(piece.data) };
          if (segment.catchUp === undefined) this.#feed.publish(fragment);
          else if (fragment.keyframe) segment.catchUp = [fragment];
          else segment.catchUp.push(fragment);
        } else if (this.#lastInit === undefined || Buffer.compare(this.#lastInit, piece.data) !== 0) {
          this.#lastInit = piece.data;
          this.#feed.publish(piece);
        }
      }
    }
  }
}

function opened(n: number, file: FileHandle, partWritten: boolean): ReadSegment {
  return { n, file, offset: 0, splitter: new Fmp4Splitter(), broken: false, catchUp: partWritten ? [] : undefined };
}

/** The number of the newest segment file in a run's directory, if any. */
async function newestSegment(dir: string): Promise<number | undefined> {
  let newest: number | undefined;
  for (const name of await readdir(dir).catch(() => [])) {
    const n = segmentFile.exec(name)?.[1];
    if (n !== undefined && (newest === undefined || Number(n) > newest)) newest = Number(n);
  }
  return newest;
}
