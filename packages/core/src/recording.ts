/** One completed recording segment: a self-contained fragmented MP4 file of a few seconds. */
export interface Segment {
  cameraId: string;
  /** Where the segment lies in its storage, e.g. `cam-1/2026-05-20/13/20260520T134501.250Z.mp4`. */
  key: string;
  /** Wall-clock time of the first frame. */
  startedAt: Date;
  /** Wall-clock time just after the last frame. */
  endedAt: Date;
  /** Size of the file. */
  bytes: number;
  /** Hex SHA-256 of the file, computed when it was written (integrity of evidence, LEGAL R12). */
  sha256: string;
  /** Size of the file's initialisation part (ftyp + moov), so players can fetch it by byte range. */
  initBytes: number;
  /**
   * First 16 hex digits of the SHA-256 of the initialisation part: segments with the same value share
   * their codec parameters, so one init section serves them all. Absent on segments indexed before it existed.
   */
  initHash?: string;
}

/** A stretch of time a camera was meant to record but did not, with the reason a person can read. */
export interface RecordingGap {
  cameraId: string;
  from: Date;
  to: Date;
  reason: string;
}

/** A byte range of a stored object, both ends included (as in HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where segment files live (local disk now, an S3-compatible store later). The recorder writes each
 * segment to a local spool file first, then hands it over with `put`; readers never see partial files.
 */
export interface SegmentStorage {
  /** Takes ownership of a finished local file and stores it under `key` (the local file is gone after). */
  put(key: string, localFile: string): Promise<void>;
  /** Streams the object's bytes, or the given range of them (HTTP Range, HLS byte ranges). */
  read(key: string, range?: ByteRange): AsyncIterable<Uint8Array>;
  /** Deletes the object (retention purge); resolves to whether it existed. */
  remove(key: string): Promise<boolean>;
  /** Every key under a prefix such as a camera id, to reconcile storage with the index after a crash. */
  list(prefix: string): AsyncIterable<string>;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The storage key of a camera's segment: partitioned by UTC day and hour so purges and listings stay small. */
export function segmentKey(cameraId: string, startedAt: Date): string {
  const day = `${startedAt.getUTCFullYear()}-${pad(startedAt.getUTCMonth() + 1)}-${pad(startedAt.getUTCDate())}`;
  const hour = pad(startedAt.getUTCHours());
  const stamp = startedAt.toISOString().replace(/[-:]/g, '');
  return `${cameraId}/${day}/${hour}/${stamp}.mp4`;
}

/** When a segment starts, read back from its storage key (`segmentKey`); undefined for another key. */
export function segmentStartOfKey(key: string): Date | undefined {
  const stamp = /\/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2}\.\d{3})Z\.mp4$/.exec(key);
  if (stamp === null) return undefined;
  const [, year, month, day, hour, minute, second] = stamp;
  const start = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/** The segments that overlap [from, to), in time order. */
export function segmentsOverlapping<T extends Pick<Segment, 'startedAt' | 'endedAt'>>(
  segments: readonly T[],
  range: { from: Date; to: Date },
): T[] {
  return segments
    .filter((s) => s.endedAt.getTime() > range.from.getTime() && s.startedAt.getTime() < range.to.getTime())
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}
