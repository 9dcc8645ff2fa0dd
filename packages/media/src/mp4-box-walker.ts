import { moofStartsWithKeyframe, uint32 } from './fmp4.splitter.js';

/** Largest `moof` read to tell whether it opens at a keyframe (one frame's is about 100 bytes, a GOP's a few KB). */
const maxMoofBytes = 1024 * 1024;

/**
 * Counts the top-level boxes of an MP4 file by type as its bytes stream past, without holding them, and the
 * fragments (`moof`) that open at a keyframe: a segment fragmented per frame has a `moof` per frame, and only
 * those that begin with a sync sample are the camera's keyframes.
 */
export class Mp4BoxWalker {
  /** Top-level boxes seen so far, by type as its four bytes read big-endian (no string per box). */
  readonly #counts = new Map<number, number>();
  readonly #header = Buffer.alloc(16);
  #filled = 0;
  #skip = 0;
  #done = false;
  /** The payload of the `moof` being read (reused from one to the next), and how much of it has come. */
  #moof = new Uint8Array(4096);
  #moofBytes = 0;
  #moofRead = -1;
  #keyframes = 0;

  /** Top-level boxes seen so far, by type. */
  get counts(): Map<string, number> {
    const named = (code: number) =>
      String.fromCharCode(code >>> 24, (code >>> 16) & 0xff, (code >>> 8) & 0xff, code & 0xff);
    return new Map([...this.#counts].map(([code, count]) => [named(code), count]));
  }

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
        if (this.#moofRead === 0 && n === this.#moofBytes) {
          // The whole `moof` is in this chunk (nearly always): judged where it lies, neither copied nor viewed.
          if (moofStartsWithKeyframe(chunk, i, i + n)) this.#keyframes += 1;
          this.#moofRead = -1;
        } else if (this.#moofRead >= 0) this.#readMoof(chunk.subarray(i, i + n));
        this.#skip -= n;
        i += n;
        continue;
      }
      if (this.#filled === 0 && i + 16 <= chunk.length) {
        // A whole header in this chunk (nearly always): read where it lies.
        const short = uint32(chunk, i);
        const headerBytes = short === 1 ? 16 : 8;
        const size = short === 1 ? uint32(chunk, i + 8) * 2 ** 32 + uint32(chunk, i + 12) : short;
        this.#box(uint32(chunk, i + 4), size, headerBytes);
        i += headerBytes;
        continue;
      }
      const want = this.#filled >= 8 && this.#header.readUInt32BE(0) === 1 ? 16 : 8;
      const n = Math.min(want - this.#filled, chunk.length - i);
      this.#header.set(chunk.subarray(i, i + n), this.#filled);
      this.#filled += n;
      i += n;
      if (this.#filled < want) continue;
      const short = this.#header.readUInt32BE(0);
      if (short === 1 && want === 8) continue; // a 64-bit size follows
      this.#filled = 0;
      this.#box(this.#header.readUInt32BE(4), short === 1 ? Number(this.#header.readBigUInt64BE(8)) : short, want);
    }
  }

  #box(type: number, size: number, headerBytes: number): void {
    this.#counts.set(type, (this.#counts.get(type) ?? 0) + 1);
    // Size 0 runs to the end of the file; a size smaller than its header means the file is not MP4.
    if (size === 0 || size < headerBytes) {
      this.#done = true;
      return;
    }
    this.#skip = size - headerBytes;
    if (type === moofType && this.#skip > 0 && this.#skip <= maxMoofBytes) {
      this.#moofBytes = this.#skip;
      this.#moofRead = 0;
    }
  }

  #readMoof(bytes: Uint8Array): void {
    if (this.#moof.length < this.#moofBytes) this.#moof = new Uint8Array(this.#moofBytes);
    this.#moof.set(bytes, this.#moofRead);
    this.#moofRead += bytes.length;
    if (this.#moofRead < this.#moofBytes) return;
    if (moofStartsWithKeyframe(this.#moof, 0, this.#moofBytes)) this.#keyframes += 1;
    this.#moofRead = -1;
  }
}

/** `moof` read big-endian as a number. */
const moofType = 0x6d6f6f66;
