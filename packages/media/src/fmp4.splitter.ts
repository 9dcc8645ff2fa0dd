/** A piece of a fragmented MP4 stream that a Media Source Extensions player can append on its own. */
export type Fmp4Piece =
  | { kind: 'init'; data: Uint8Array; codec: string | undefined }
  | { kind: 'fragment'; data: Uint8Array; keyframe: boolean };

/** Largest top-level box accepted (a fragment is one frame or one GOP; anything bigger is a broken stream). */
const maxBoxBytes = 32 * 1024 * 1024;

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The big-endian 32-bit number at `at` (the caller checked it is in bounds), read without a view. */
export function uint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0
  );
}

/**
 * Where the payload of the first child box of this type begins in a container's payload `bytes[from, to)`, or
 * -1: compared as four bytes, without a string, an iterator, a view or a subarray per box (it runs for every frame
 * of every camera: one `moof` per frame). The payload ends at `payloadEnd(bytes, start)`.
 */
function childAt(bytes: Uint8Array, from: number, to: number, type: string): number {
  const a = type.charCodeAt(0);
  const b = type.charCodeAt(1);
  const c = type.charCodeAt(2);
  const d = type.charCodeAt(3);
  for (let at = from; at + 8 <= to;) {
    const size = uint32(bytes, at);
    if (size < 8 || at + size > to) return -1;
    if (bytes[at + 4] === a && bytes[at + 5] === b && bytes[at + 6] === c && bytes[at + 7] === d) return at + 8;
    at += size;
  }
  return -1;
}

/** The end of the payload of the box whose payload begins at `start` (a 32-bit size `childAt` checked). */
function payloadEnd(bytes: Uint8Array, start: number): number {
  return start - 8 + uint32(bytes, start - 8);
}

/** The payload of the first child box of this type in a container's payload (`childAt`, as a view). */
function child(payload: Uint8Array, type: string): Uint8Array | undefined {
  const start = childAt(payload, 0, payload.length, type);
  return start < 0 ? undefined : payload.subarray(start, payloadEnd(payload, start));
}

/** `sample_is_non_sync_sample` of ISO/IEC 14496-12 sample flags. */
const nonSync = 0x10000;

/**
 * Whether a `moof` (its payload: `bytes[from, to)`) begins with a sync sample (a keyframe a decoder can start
 * from). Read in place, without a view or a subarray: this runs for every frame of every recorded camera.
 */
export function moofStartsWithKeyframe(bytes: Uint8Array, from = 0, to = bytes.length): boolean {
  const traf = childAt(bytes, from, to, 'traf');
  if (traf < 0) return false;
  const trafEnd = payloadEnd(bytes, traf);
  const tfhd = childAt(bytes, traf, trafEnd, 'tfhd');
  const trun = childAt(bytes, traf, trafEnd, 'trun');
  if (trun < 0) return false;
  const trunEnd = payloadEnd(bytes, trun);
  if (trunEnd - trun < 8) return false;
  let defaultFlags: number | undefined;
  if (tfhd >= 0 && payloadEnd(bytes, tfhd) - tfhd >= 8) {
    const flags = uint32(bytes, tfhd) & 0xffffff;
    // track_ID, then optional fields in this order: base offset (8), description index, duration, size, flags.
    const at =
      tfhd + 8 + (flags & 0x1 ? 8 : 0) + (flags & 0x2 ? 4 : 0) + (flags & 0x8 ? 4 : 0) + (flags & 0x10 ? 4 : 0);
    if (flags & 0x20 && at + 4 <= payloadEnd(bytes, tfhd)) defaultFlags = uint32(bytes, at);
  }
  const flags = uint32(bytes, trun) & 0xffffff;
  const at = trun + 8 + (flags & 0x1 ? 4 : 0);
  let first: number | undefined;
  if (flags & 0x4) {
    if (at + 4 <= trunEnd) first = uint32(bytes, at);
  } else if (flags & 0x400) {
    const perSample = at + (flags & 0x100 ? 4 : 0) + (flags & 0x200 ? 4 : 0);
    if (perSample + 4 <= trunEnd) first = uint32(bytes, perSample);
  }
  const sampleFlags = first ?? defaultFlags;
  return sampleFlags !== undefined && (sampleFlags & nonSync) === 0;
}

/** The RFC 6381 codec string of an init segment (`avc1.64001f`), for `MediaSource.isTypeSupported`. */
export function initCodec(init: Uint8Array): string | undefined {
  for (let at = 4; at + 8 <= init.length; at++) {
    if (fourcc(init, at) !== 'avcC') continue;
    const [profile, compatibility, level] = [init[at + 5], init[at + 6], init[at + 7]];
    if (profile === undefined || compatibility === undefined || level === undefined) return undefined;
    return `avc1.${[profile, compatibility, level].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  return undefined;
}

/**
 * Cuts a fragmented MP4 byte stream (ffmpeg's `-movflags empty_moov+default_base_moof` on a pipe) into
 * its init segment (`ftyp` + `moov`) and its fragments (`moof` + `mdat`), whatever the chunk boundaries.
 * Throws on a stream that is not MP4 boxes, so that the caller can drop it instead of relaying garbage.
 */
export class Fmp4Splitter {
  #pending: Uint8Array = new Uint8Array(0);
  #head: Uint8Array[] = [];

  /**
   * Feeds bytes; returns the pieces they complete, in order. Pieces may share the chunk's memory (no copy
   * per frame: ffmpeg writes a frame per chunk, and copying every byte of every camera costs garbage), until the
   * next push: nothing of the chunk is kept after it returns, so a caller may read into the same buffer again.
   */
  push(chunk: Uint8Array): Fmp4Piece[] {
    const joined = this.#pending.length === 0 ? chunk : concat([this.#pending, chunk]);
    const pieces: Fmp4Piece[] = [];
    let at = 0;
    while (at + 8 <= joined.length) {
      const size = view(joined).getUint32(at);
      if (size < 8 || size > maxBoxBytes) throw new Error(`not a fragmented MP4 stream (box of ${size} bytes)`);
      if (at + size > joined.length) break;
      const box = joined.subarray(at, at + size);
      at += size;
      const piece = this.#box(fourcc(box, 4), box);
      if (piece !== undefined) pieces.push(piece);
    }
    this.#pending = copyOf(joined.subarray(at));
    // A box kept for the next push (an ftyp before its moov, a moof before its mdat) is copied: the caller may
    // reuse the chunk's memory for its next read.
    this.#head = this.#head.map(copyOf);
    return pieces;
  }

  #box(type: string, box: Uint8Array): Fmp4Piece | undefined {
    if (type === 'ftyp' || type === 'moof') this.#head = [box];
    else if (type === 'moov') {
      const data = concat([...this.#head, box]);
      this.#head = [];
      return { kind: 'init', data, codec: initCodec(data) };
    } else if (type === 'mdat') {
      const [moof] = this.#head;
      this.#head = [];
      if (moof === undefined) return undefined;
      return { kind: 'fragment', data: joinAdjacent(moof, box), keyframe: moofStartsWithKeyframe(moof, 8) };
    }
    return undefined;
  }
}

/** Two boxes as one: a view when they lie next to each other in the same memory, else a copy. */
function joinAdjacent(first: Uint8Array, second: Uint8Array): Uint8Array {
  return first.buffer === second.buffer && first.byteOffset + first.length === second.byteOffset
    ? new Uint8Array(first.buffer, first.byteOffset, first.length + second.length)
    : concat([first, second]);
}

/** A copy in memory of its own (a Node Buffer's `slice` would be a view of the same memory). */
function copyOf(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Sum of a fragment's sample durations (trun, else the tfhd default × sample count), in its track's time base. */
function fragmentDuration(traf: Uint8Array): number {
  const tfhd = child(traf, 'tfhd');
  const trun = child(traf, 'trun');
  if (trun === undefined || trun.length < 8) return 0;
  const runFlags = view(trun).getUint32(0) & 0xffffff;
  const count = view(trun).getUint32(4);
  if (runFlags & 0x100) {
    const perSample = [0x100, 0x200, 0x400, 0x800].filter((bit) => runFlags & bit).length * 4;
    let at = 8 + (runFlags & 0x1 ? 4 : 0) + (runFlags & 0x4 ? 4 : 0);
    let total = 0;
    for (let i = 0; i < count && at + 4 <= trun.length; i++, at += perSample) total += view(trun).getUint32(at);
    return total;
  }
  if (tfhd === undefined || tfhd.length < 8) return 0;
  const flags = view(tfhd).getUint32(0) & 0xffffff;
  if (!(flags & 0x8)) return 0;
  const at = 8 + (flags & 0x1 ? 8 : 0) + (flags & 0x2 ? 4 : 0);
  return at + 4 <= tfhd.length ? view(tfhd).getUint32(at) * count : 0;
}

/**
 * Lays fragments end to end on one timeline: each fragment's decode time (tfdt) becomes the end of the
 * previous one. Fragments of several recording runs (each starting again at 0) then play as one stream.
 */
export class Fmp4Restamper {
  #next = 0n;

  /** A copy of the fragment (`moof` + `mdat`) starting where the previous one ended. */
  restamp(fragment: Uint8Array): Uint8Array {
    const copy = copyOf(fragment);
    const moof = copy.subarray(8, view(copy).getUint32(0));
    const traf = child(moof, 'traf');
    const tfdt = traf === undefined ? undefined : child(traf, 'tfdt');
    if (traf === undefined || tfdt === undefined || tfdt.length < 8) return copy;
    const data = view(tfdt);
    if (data.getUint8(0) === 1 && tfdt.length >= 12) data.setBigUint64(4, this.#next);
    else data.setUint32(4, Number(this.#next & 0xffffffffn));
    this.#next += BigInt(fragmentDuration(traf));
    return copy;
  }
}
