import { createHash } from 'node:crypto';

/** One line of ffmpeg's segment list: a completed segment file and its times in the run's own timeline. */
export interface SegmentListEntry {
  file: string;
  /** Seconds from the start of the run. */
  start: number;
  end: number;
}

/** Parses one line of a `-segment_list_type csv` list; undefined for a blank or malformed line. */
export function parseSegmentListLine(line: string): SegmentListEntry | undefined {
  const match = /^"?([^",]+)"?,(-?[\d.]+),(-?[\d.]+)$/.exec(line.trim());
  if (match === null) return undefined;
  const start = Number(match[2]);
  const end = Number(match[3]);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return undefined;
  return { file: match[1] ?? '', start, end };
}

/** The box type `moof` as a big-endian 32-bit number (compared in place, no string made per box). */
const moofType = 0x6d6f6f66;

/**
 * Size of a fragmented MP4's initialisation part (every box before the first `moof`), read from the
 * file's first bytes; undefined when those bytes do not reach the first fragment.
 */
export function mp4InitSize(head: Uint8Array): number | undefined {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let offset = 0;
  while (offset + 8 <= head.length) {
    let size = view.getUint32(offset);
    if (view.getUint32(offset + 4) === moofType) return offset;
    if (size === 1) {
      if (offset + 16 > head.length) return undefined;
      size = Number(view.getBigUint64(offset + 8));
    }
    if (size < 8) return undefined;
    offset += size;
  }
  return undefined;
}

/**
 * The initialisation part of a fragmented MP4 from the file's first bytes: its size and a short hash of it
 * (`Segment.initHash`), or size 0 and no hash when those bytes do not reach the first fragment.
 */
export function mp4InitPart(head: Uint8Array): { initBytes: number; initHash?: string } {
  const initBytes = mp4InitSize(head);
  if (initBytes === undefined) return { initBytes: 0 };
  return { initBytes, initHash: createHash('sha256').update(head.subarray(0, initBytes)).digest('hex').slice(0, 16) };
}
