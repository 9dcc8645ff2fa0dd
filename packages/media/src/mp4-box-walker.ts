/**
 * Counts the top-level boxes of an MP4 file by type as its bytes stream past, without holding them:
 * in a keyframe-fragmented segment, each `moof` opens at one of the camera's keyframes.
 */
export class Mp4BoxWalker {
  /** Top-level boxes seen so far, by type. */
  readonly counts = new Map<string, number>();
  readonly #header = Buffer.alloc(16);
  #filled = 0;
  #skip = 0;
  #done = false;

  /** Reads the next bytes of the file. */
  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.#done) {
      if (this.#skip > 0) {
        const n = Math.min(this.#skip, chunk.length - i);
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
    if (size === 0 || size < headerBytes) this.#done = true;
    else this.#skip = size - headerBytes;
  }
}
