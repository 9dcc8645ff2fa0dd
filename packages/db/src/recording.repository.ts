import type { CameraState, CameraStatus, RecordingGap, Segment } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { ExportTable, SegmentTable, Tables } from './tables.js';
import { overlaps, type TimeRange } from './time-range.js';

export type { TimeRange } from './time-range.js';

/** A segment as the index stores it: the core segment plus its row id. */
export interface IndexedSegment extends Segment {
  id: string;
}

/** A segment as a playlist lists it: its id, where it is stored, its times and byte layout. */
export type PlaylistRow = Pick<
  IndexedSegment,
  'id' | 'key' | 'startedAt' | 'endedAt' | 'bytes' | 'initBytes' | 'initHash'
>;

/** An export's manifest fields as stored. */
export interface ExportRecord {
  id: string;
  cameraId: string;
  cameraName: string;
  from: Date;
  to: Date;
  purpose: string;
  reason: string;
  exportedBy: string;
  exportedAt: Date;
  fileKey: string;
  bytes: number;
  sha256: string;
  /** The manifest as signed, and its signature; null for exports made before packages were signed. */
  signed: { manifest: string; signature: string } | null;
}

/**
 * Longer than any segment can last (the recorder cuts every few seconds; a frozen or jumping stream is
 * cut by the stall watchdog or the timeline), so that a segment ending after `t` started after `t` less this.
 */
const longestSegmentMs = 3_600_000;

function earliestStartOf(end: Date): Date {
  return new Date(end.getTime() - longestSegmentMs);
}

function toSegment(row: Selectable<SegmentTable>): IndexedSegment {
  return {
    id: String(row.id),
    cameraId: row.camera_id,
    key: row.key,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    bytes: Number(row.bytes),
    initBytes: row.init_bytes,
    ...(row.init_hash === null ? {} : { initHash: row.init_hash }),
    sha256: row.sha256,
  };
}

function toExport(row: Selectable<ExportTable>): ExportRecord {
  return {
    id: row.id,
    cameraId: row.camera_id,
    cameraName: row.camera_name,
    from: row.from_at,
    to: row.to_at,
    purpose: row.purpose,
    reason: row.reason,
    exportedBy: row.exported_by,
    exportedAt: row.exported_at,
    fileKey: row.file_key,
    bytes: Number(row.bytes),
    sha256: row.sha256,
    signed:
      row.manifest === null || row.signature === null ? null : { manifest: row.manifest, signature: row.signature },
  };
}

/** The recording index: segments, gaps, camera status and exports. */
export class RecordingRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Indexes a stored segment. */
  async insertSegment(segment: Segment): Promise<void> {
    await this.insertSegments([segment]);
  }

  /** Indexes stored segments, of any cameras, in one statement. */
  async insertSegments(segments: readonly Segment[]): Promise<void> {
    if (segments.length === 0) return;
    await this.db
      .insertInto('segments')
      .values(
        segments.map((segment) => ({
          camera_id: segment.cameraId,
          key: segment.key,
          started_at: segment.startedAt,
          ended_at: segment.endedAt,
          bytes: segment.bytes,
          init_bytes: segment.initBytes,
          init_hash: segment.initHash ?? null,
          sha256: segment.sha256,
        })),
      )
      .execute();
  }

  /** Segments of a camera overlapping [from, to), oldest first, never any that ended before `notBefore`. */
  async segmentsBetween(cameraId: string, range: TimeRange, notBefore: Date): Promise<IndexedSegment[]> {
    const rows = await this.#overlapping(cameraId, range, notBefore).selectAll().orderBy('started_at').execute();
    return rows.map(toSegment);
  }

  /**
   * What a playlist lists of the segments of a camera overlapping [from, to), oldest first, never any that
   * ended before `notBefore` (as `segmentsBetween`, without the columns a playlist does not show).
   */
  async playlistSegmentsBetween(cameraId: string, range: TimeRange, notBefore: Date): Promise<PlaylistRow[]> {
    const rows = await this.#overlapping(cameraId, range, notBefore)
      .select(['id', 'key', 'started_at', 'ended_at', 'bytes', 'init_bytes', 'init_hash'])
      .orderBy('started_at')
      .execute();
    return rows.map((row) => ({
      id: String(row.id),
      key: row.key,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      bytes: Number(row.bytes),
      initBytes: row.init_bytes,
      ...(row.init_hash === null ? {} : { initHash: row.init_hash }),
    }));
  }

  /** Whether a camera has any segment overlapping [from, to) that ended at `notBefore` or later. */
  async hasSegmentBetween(cameraId: string, range: TimeRange, notBefore: Date): Promise<boolean> {
    const row = await this.#overlapping(cameraId, range, notBefore)
      .select('id')
      // Read back from the range's end: the first segment is the one that overlaps, not the hour before it.
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The segments of a camera overlapping [from, to) that ended at `notBefore` or later, columns still to choose. */
  #overlapping(cameraId: string, range: TimeRange, notBefore: Date) {
    return (
      this.db
        .selectFrom('segments')
        .where('camera_id', '=', cameraId)
        .where((eb) => overlaps(eb, { start: 'started_at', end: 'ended_at' }, range))
        // A lower bound on the indexed column: the scan covers the range, not the camera's whole history.
        .where('started_at', '>', earliestStartOf(range.from))
        .where('ended_at', '>=', notBefore)
    );
  }

  /** The newest `count` segments of a camera that ended at `notBefore` or later, oldest first (the live window). */
  async latestSegments(cameraId: string, count: number, notBefore: Date): Promise<IndexedSegment[]> {
    const rows = await this.db
      .selectFrom('segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      // Bounded: a camera silent for a month is not scanned back through its history.
      .where('started_at', '>', earliestStartOf(notBefore))
      .where('ended_at', '>=', notBefore)
      .orderBy('started_at', 'desc')
      .limit(count)
      .execute();
    return rows.map(toSegment).reverse();
  }

  /** How many segments of a camera started in [from, to) (how far a live window moved between two playlists). */
  async countStartedBetween(cameraId: string, range: TimeRange): Promise<number> {
    const row = await this.db
      .selectFrom('segments')
      .select((eb) => eb.fn.countAll<string | number | bigint>().as('n'))
      .where('camera_id', '=', cameraId)
      .where('started_at', '>=', range.from)
      .where('started_at', '<', range.to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * When a camera's last indexed segment ended (a restarted recorder records the hole since as a gap); with
   * `before`, its last segment that started before then (a recovered file is placed after it).
   */
  async lastSegmentEnd(cameraId: string, before?: Date): Promise<Date | undefined> {
    let query = this.db.selectFrom('segments').select('ended_at').where('camera_id', '=', cameraId);
    if (before !== undefined) query = query.where('started_at', '<', before);
    const row = await query.orderBy('started_at', 'desc').limit(1).executeTakeFirst();
    return row?.ended_at;
  }

  /** One segment of a camera by id, unless past `notBefore`. */
  async segment(cameraId: string, id: string, notBefore: Date): Promise<IndexedSegment | undefined> {
    if (!/^[0-9]{1,18}$/.test(id)) return undefined;
    const row = await this.db
      .selectFrom('segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('id', '=', id)
      .where('ended_at', '>=', notBefore)
      .executeTakeFirst();
    return row === undefined ? undefined : toSegment(row);
  }

  /** Segments of a camera that ended before `cutoff`, oldest first, at most `limit`. */
  async segmentsEndedBefore(cameraId: string, cutoff: Date, limit: number): Promise<IndexedSegment[]> {
    const rows = await this.db
      .selectFrom('segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('ended_at', '<', cutoff)
      .orderBy('started_at')
      .limit(limit)
      .execute();
    return rows.map(toSegment);
  }

  /** Every camera id that has segments (including removed cameras). */
  async camerasWithSegments(): Promise<string[]> {
    const rows = await this.db.selectFrom('segments').select('camera_id').distinct().execute();
    return rows.map((row) => row.camera_id);
  }

  /** Removes segment rows. */
  async deleteSegments(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('segments')
      .where('id', 'in', [...ids])
      .execute();
  }

  /** The oldest segment start per camera, for the retention report. */
  async oldestSegmentPerCamera(): Promise<Map<string, Date>> {
    const rows = await this.db
      .selectFrom('segments')
      .select((eb) => ['camera_id', eb.fn.min('started_at').as('oldest')])
      .groupBy('camera_id')
      .execute();
    return new Map(rows.map((row) => [row.camera_id, new Date(row.oldest as Date | string)]));
  }

  /** The oldest segment start of a camera outside every kept range (legal holds, access requests), if any. */
  async oldestSegmentOutside(
    cameraId: string,
    kept: readonly { start: string; end: string }[],
  ): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('segments')
      .select((eb) => eb.fn.min('started_at').as('oldest'))
      .where('camera_id', '=', cameraId)
      .where((eb) =>
        eb.and(
          kept.map((range) =>
            eb.not(eb.and([eb('ended_at', '>', new Date(range.start)), eb('started_at', '<', new Date(range.end))])),
          ),
        ),
      )
      .executeTakeFirst();
    const oldest = row?.oldest as Date | string | null | undefined;
    return oldest === null || oldest === undefined ? undefined : new Date(oldest);
  }

  /** Records a gap. */
  async insertGap(gap: RecordingGap): Promise<void> {
    await this.insertGaps([gap]);
  }

  /** Records gaps, of any cameras, in one statement. */
  async insertGaps(gaps: readonly RecordingGap[]): Promise<void> {
    if (gaps.length === 0) return;
    await this.db
      .insertInto('recording_gaps')
      .values(gaps.map((gap) => ({ camera_id: gap.cameraId, from_at: gap.from, to_at: gap.to, reason: gap.reason })))
      .execute();
  }

  /** Gaps of a camera overlapping a range, oldest first. */
  async gapsBetween(cameraId: string, range: TimeRange): Promise<RecordingGap[]> {
    const rows = await this.db
      .selectFrom('recording_gaps')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where((eb) => overlaps(eb, { start: 'from_at', end: 'to_at' }, range))
      .orderBy('from_at')
      .execute();
    return rows.map((row) => ({ cameraId: row.camera_id, from: row.from_at, to: row.to_at, reason: row.reason }));
  }

  /** Deletes a camera's gaps that ended before `cutoff` (they describe footage that no longer exists). */
  async deleteGapsBefore(cameraId: string, cutoff: Date): Promise<void> {
    await this.db.deleteFrom('recording_gaps').where('camera_id', '=', cameraId).where('to_at', '<', cutoff).execute();
  }

  /** Stores a camera's current state. */
  async setStatus(status: { cameraId: string; state: CameraState; reason?: string; since: Date }): Promise<void> {
    const values = {
      camera_id: status.cameraId,
      state: status.state,
      reason: status.reason ?? null,
      since: status.since,
    };
    await this.db
      .insertInto('camera_status')
      .values(values)
      .onConflict((oc) =>
        oc.column('camera_id').doUpdateSet({ state: values.state, reason: values.reason, since: values.since }),
      )
      .execute();
  }

  /**
   * Stores a camera's state unless the stored one is more recent (reports handled out of order, by
   * concurrent batches or several servers); true when stored.
   */
  async setStatusIfNewer(status: {
    cameraId: string;
    state: CameraState;
    reason?: string;
    since: Date;
  }): Promise<boolean> {
    const values = {
      camera_id: status.cameraId,
      state: status.state,
      reason: status.reason ?? null,
      since: status.since,
    };
    const result = await this.db
      .insertInto('camera_status')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('camera_id')
          .doUpdateSet({ state: values.state, reason: values.reason, since: values.since })
          .where('camera_status.since', '<=', values.since),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Every stored camera status. */
  async statuses(): Promise<CameraStatus[]> {
    const rows = await this.db.selectFrom('camera_status').selectAll().orderBy('camera_id').execute();
    return rows.map((row) => ({
      cameraId: row.camera_id,
      state: row.state as CameraState,
      ...(row.reason === null ? {} : { reason: row.reason }),
      since: row.since.toISOString(),
    }));
  }

  /** Records an export. */
  async insertExport(record: ExportRecord): Promise<void> {
    await this.db
      .insertInto('exports')
      .values({
        id: record.id,
        camera_id: record.cameraId,
        camera_name: record.cameraName,
        from_at: record.from,
        to_at: record.to,
        purpose: record.purpose,
        reason: record.reason,
        exported_by: record.exportedBy,
        exported_at: record.exportedAt,
        file_key: record.fileKey,
        bytes: record.bytes,
        sha256: record.sha256,
        manifest: record.signed?.manifest ?? null,
        signature: record.signed?.signature ?? null,
      })
      .execute();
  }

  /** One export. */
  async export(id: string): Promise<ExportRecord | undefined> {
    const row = await this.db.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toExport(row);
  }
}
