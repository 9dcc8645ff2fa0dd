import { closeSync, openSync, readSync, watch, type FSWatcher } from 'node:fs';
import { parseSegmentListLine, type SegmentListEntry } from './segment-list.parser.js';

/**
 * Follows the segment list one ffmpeg run appends to (`-segment_list_type csv`): each `read` reads only the
 * bytes appended since the last one, so that its cost is the same after a week of recording as after a
 * minute; once the file exists, the file system says when it changes (`onAppend`), so nobody needs to poll it often.
 * Reads are synchronous: a line of a local spool file the kernel has just written, in its page cache, costs about
 * 1 µs so, against 25 µs of CPU and one more wake-up of the event loop through the thread pool (issue 11,
 * `npm run bench:video`).
 */
export class SegmentListReader {
  readonly #path: string;
  readonly #onAppend: () => void;
  #fd: number | undefined;
  #watcher: FSWatcher | undefined;
  #offset = 0;
  /** An incomplete last line, kept until ffmpeg finishes it. */
  #partial = '';
  #bytesRead = 0;
  /** Reused for every read: a line is about 40 bytes. */
  readonly #buffer = Buffer.allocUnsafe(16 * 1024);

  /** Follows the list at `path` (which may not exist yet); `onAppend` is called when it may have grown. */
  constructor(path: string, onAppend: () => void = () => undefined) {
    this.#path = path;
    this.#onAppend = onAppend;
  }

  /** Bytes read by the last `read`: the lines appended since the one before, whatever the list's length. */
  get bytesRead(): number {
    return this.#bytesRead;
  }

  /**
   * Whether the file system says when the list grows: then a `read` without a notification before it finds
   * nothing, and the caller may read only when told (and now and then, in case one was missed).
   */
  get notifies(): boolean {
    return this.#watcher !== undefined;
  }

  /** The segments listed since the last read (none while the list does not exist yet). */
  read(): SegmentListEntry[] {
    this.#bytesRead = 0;
    if (this.#fd === undefined) {
      try {
        this.#fd = openSync(this.#path, 'r');
      } catch {
        return []; // ffmpeg has not begun yet
      }
      this.#watcher = this.#watch();
    }
    // Read until a short read (the end of the file), without asking its size first: one call when nothing
    // or one line was appended.
    const chunks: Buffer[] = [];
    for (;;) {
      const bytesRead = readSync(this.#fd, this.#buffer, 0, this.#buffer.length, this.#offset);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(this.#buffer.subarray(0, bytesRead)));
      this.#offset += bytesRead;
      this.#bytesRead += bytesRead;
      if (bytesRead < this.#buffer.length) break;
    }
    if (chunks.length === 0) return [];
    const lines = (this.#partial + Buffer.concat(chunks).toString('utf8')).split('\n');
    this.#partial = lines.pop() ?? '';
    return lines.flatMap((line) => parseSegmentListLine(line) ?? []);
  }

  /** Stops following the list. */
  close(): void {
    this.#watcher?.close();
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** Change notifications (inotify on Linux); where none can be had, the caller's slower poll alone finds the lines. */
  #watch(): FSWatcher | undefined {
    try {
      return watch(this.#path, { persistent: false }, () => this.#onAppend()).on('error', () => undefined);
    } catch {
      return undefined;
    }
  }
}
