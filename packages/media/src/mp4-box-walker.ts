import { moofStartsWithKeyframe } from './fmp4.splitter.js';

/** Largest `moof` read to tell whether it opens at a keyframe (one frame's is about 100 bytes, a GOP's a few KB). */
const maxMoofBytes = 1024 * 1024;

/**
 * Counts the top-level boxes of an MP4 file by type as its bytes stream past, without holding them, and the
 * fragments (`moof`) that open at a keyframe: a segment fragmented per frame has a `moof` per frame, and only
 * those that begin with a sync sample are the camera's keyframes.
 */
export class Mp4BoxWalker {
  /** Top-level boxes seen so far, by type. */
  readonly counts = new Map<string, number>();
  readonly #header = Buffer.alloc(16);
  #filled = 0;
  #skip = 0;
  #done = false;
  /** The payload of the `moof` being read (reused from one to the next), and how much of it has come. */
  #moof = new Uint8Array(4096);
  #moofBytes = 0;
  #moofRead = -1;
  #keyframes = 0;

  /** Fragments seen so far that open at a keyframe. */
  get keyframes(): number {
    return this.#keyframes;
  }

  /** Reads the next bytes of the file. */
  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.#done) {
      if (this.#skip > 0) {
        const n = Math.min(this.#skip, chunk.length - i);
        if (this.#moofRead >= 0) this.#readMoof(chunk.subarray(i, i + n));
        this.#skip -= n;
        i += n;
        continue;
      }
      const want = this.#filled >= 8 && this.#header.readUInt32BE(0) === 1 ? 16 : 8;
      const n = Math.min(want - this.#filled, chunk.length - i);
      this.#header.set(chunk.subarray(i, i + n), this.#filled);
      this.#filled += n;
      i += n;
      if (this.#filled === want) this.#box(want);
    }
  }

  #box(headerBytes: number): void {
    const short = this.#header.readUInt32BE(0);
    if (short === 1 && headerBytes === 8) return; // a 64-bit size follows
    const size = short === 1 ? Number(this.#header.readBigUInt64BE(8)) : short;
    const type = this.#header.toString('latin1', 4, 8);
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    this.#filled = 0;
    // Size 0 runs to the end of the file; a size smaller than its header means the file is not MP4.
    if (size === 0 || size < headerBytes) {
      this.#done = true;
      return;
    }
    this.#skip = size - headerBytes;
    if (type === 'moof' && this.#skip > 0 && this.#skip <= maxMoofBytes) {
      if (this.#moof.length < this.#skip) this.#moof = new Uint8Array(this.#skip);
      this.#moofBytes = this.#skip;
      this.#moofRead = 0;
    }
  }

  #readMoof(bytes: Uint8Array): void {
    this.#moof.set(bytes, this.#moofRead);
    this.#moofRead += bytes.length;
    if (this.#moofRead < this.#moofBytes) return;
    if (moofStartsWithKeyframe(this.#moof.subarray(0, this.#moofBytes))) this.#keyframes += 1;
    this.#moofRead = -1;
  }
}
