/**
 * The few bytes of the ZIP format an evidence package needs: entries stored without compression (video does
 * not compress, and a stored entry can be hashed and read in place), UTF-8 names, no ZIP64 (4 GiB at most).
 * Pure functions over byte arrays, so the server, the CLI and the browser share them.
 */

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;
const endSignature = 0x06054b50;
const utf8Flag = 0x0800;
const zipVersion = 20;
const maxZipBytes = 0xffffffff;

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC-32 (the ZIP one) over more bytes; start with 0. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let crc = ~previous >>> 0;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** One file inside a ZIP. */
export interface ZipEntry {
  name: string;
  /** Where its bytes start in the archive. */
  offset: number;
  size: number;
  crc32: number;
}

/** A file of the archive to write: its name, size and CRC-32, its bytes streamed after the header. */
export interface ZipEntryHeader {
  name: string;
  size: number;
  crc32: number;
}

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function assertSize(what: string, bytes: number): void {
  if (bytes > maxZipBytes) {
    throw new RangeError(`${what} is over 4 GiB: export a shorter range (ZIP64 packages are not written).`);
  }
}

/** The local header written before an entry's bytes. */
export function zipLocalHeader(entry: ZipEntryHeader, modified: Date): Uint8Array {
  assertSize(entry.name, entry.size);
  const name = new TextEncoder().encode(entry.name);
  const out = new Uint8Array(30 + name.length);
  const view = new DataView(out.buffer);
  const stamp = dosDateTime(modified);
  view.setUint32(0, localSignature, true);
  view.setUint16(4, zipVersion, true);
  view.setUint16(6, utf8Flag, true);
  view.setUint16(8, 0, true);
  view.setUint16(10, stamp.time, true);
  view.setUint16(12, stamp.date, true);
  view.setUint32(14, entry.crc32, true);
  view.setUint32(18, entry.size, true);
  view.setUint32(22, entry.size, true);
  view.setUint16(26, name.length, true);
  view.setUint16(28, 0, true);
  out.set(name, 30);
  return out;
}

/** The central directory and end record closing an archive whose entries start at the given offsets. */
export function zipDirectory(
  entries: readonly (ZipEntryHeader & { headerOffset: number })[],
  modified: Date,
): Uint8Array {
  const names = entries.map((e) => new TextEncoder().encode(e.name));
  const directorySize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = new Uint8Array(directorySize + 22);
  const view = new DataView(out.buffer);
  const stamp = dosDateTime(modified);
  let at = 0;
  entries.forEach((entry, i) => {
    const name = names[i] ?? new Uint8Array();
    view.setUint32(at, centralSignature, true);
    view.setUint16(at + 4, zipVersion, true);
    view.setUint16(at + 6, zipVersion, true);
    view.setUint16(at + 8, utf8Flag, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, stamp.time, true);
    view.setUint16(at + 14, stamp.date, true);
    view.setUint32(at + 16, entry.crc32, true);
    view.setUint32(at + 20, entry.size, true);
    view.setUint32(at + 24, entry.size, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, entry.headerOffset, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  const directoryOffset = entries.reduce((sum, e) => sum + 30 + new TextEncoder().encode(e.name).length + e.size, 0);
  assertSize('the package', directoryOffset + out.length);
  view.setUint32(at, endSignature, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

/** Reads parts of a file without loading it whole (a disk file, a browser File). */
export interface RandomAccessFile {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Why an archive cannot be read. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lists the entries of a ZIP of stored (uncompressed) files; throws `ZipFormatError` on anything else. */
export async function readZipEntries(file: RandomAccessFile): Promise<ZipEntry[]> {
  const tailLength = Math.min(file.size, 22 + 0xffff);
  const tail = await file.read(file.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (viewOf(tail).getUint32(i, true) === endSignature) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('This file is not a ZIP archive (no end-of-archive record).');
  const count = viewOf(tail).getUint16(end + 10, true);
  const directorySize = viewOf(tail).getUint32(end + 12, true);
  const directoryOffset = viewOf(tail).getUint32(end + 16, true);
  if (directoryOffset + directorySize > file.size) throw new ZipFormatError('The ZIP directory is truncated.');
  const directory = await file.read(directoryOffset, directorySize);
  const view = viewOf(directory);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== centralSignature) {
      throw new ZipFormatError('The ZIP directory is damaged.');
    }
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength));
    if (method !== 0) {
      throw new ZipFormatError(
        `"${name}" is compressed: this archive was re-packed. Unzip it and verify the folder instead.`,
      );
    }
    const headerOffset = view.getUint32(at + 42, true);
    const local = viewOf(await file.read(headerOffset, 30));
    if (local.byteLength < 30 || local.getUint32(0, true) !== localSignature) {
      throw new ZipFormatError(`The ZIP header of "${name}" is damaged.`);
    }
    const offset = headerOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    const size = view.getUint32(at + 24, true);
    if (offset + size > file.size) throw new ZipFormatError(`"${name}" is truncated.`);
    entries.push({ name, offset, size, crc32: view.getUint32(at + 16, true) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
