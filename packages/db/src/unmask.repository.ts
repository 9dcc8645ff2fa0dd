import { liftStateAt, type UnmaskLift } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { SealedSegmentTable, Tables, UnmaskLiftTable } from './tables.js';
import { overlaps, type TimeRange } from './time-range.js';

/** A sealed segment as indexed: where its ciphertext is stored and the span it covers. */
export interface SealedSegmentRecord {
  id: string;
  cameraId: string;
  key: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
}

function toLift(row: Selectable<UnmaskLiftTable>, now: Date): UnmaskLift {
  const lift = {
    id: row.id,
    cameraId: row.camera_id,
    start: row.range_start.toISOString(),
    end: row.range_end.toISOString(),
    reason: row.reason,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
  };
  return { ...lift, state: liftStateAt({ state: row.state, expiresAt: lift.expiresAt }, now) };
}

function toSealed(row: Selectable<SealedSegmentTable>): SealedSegmentRecord {
  return {
    id: String(row.id),
    cameraId: row.camera_id,
    key: row.key,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    bytes: Number(row.bytes),
  };
}

/** Unmasking lifts and the index of sealed (encrypted, unmasked) segments. */
export class UnmaskRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Stores a new, requested lift. */
  async insertLift(lift: Omit<UnmaskLift, 'state' | 'decidedBy' | 'decidedAt' | 'decisionNote'>): Promise<void> {
    await this.db
      .insertInto('unmask_lifts')
      .values({
        id: lift.id,
        camera_id: lift.cameraId,
        range_start: new Date(lift.start),
        range_end: new Date(lift.end),
        reason: lift.reason,
        requested_by: lift.requestedBy,
        requested_at: new Date(lift.requestedAt),
        expires_at: new Date(lift.expiresAt),
        state: 'requested',
      })
      .execute();
  }

  /** One lift with its state at `now`. */
  async lift(id: string, now: Date): Promise<UnmaskLift | undefined> {
    const row = await this.db.selectFrom('unmask_lifts').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toLift(row, now);
  }

  /** Every lift, newest first, with its state at `now`. */
  async lifts(now: Date): Promise<UnmaskLift[]> {
    const rows = await this.db.selectFrom('unmask_lifts').selectAll().orderBy('requested_at', 'desc').execute();
    return rows.map((row) => toLift(row, now));
  }

  /** Records a decision on a lift still requested; false when someone decided first. */
  async decide(
    id: string,
    decision: { state: 'approved' | 'refused'; by: string; note: string; at: Date },
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('unmask_lifts')
      .set({ state: decision.state, decided_by: decision.by, decided_at: decision.at, decision_note: decision.note })
      .where('id', '=', id)
      .where('state', '=', 'requested')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Indexes a stored sealed segment. */
  async insertSealed(segment: Omit<SealedSegmentRecord, 'id'>): Promise<void> {
    await this.db
      .insertInto('sealed_segments')
      .values({
        camera_id: segment.cameraId,
        key: segment.key,
        started_at: segment.startedAt,
        ended_at: segment.endedAt,
        bytes: segment.bytes,
      })
      .execute();
  }

  /** Sealed segments of a camera overlapping [from, to), oldest first. */
  async sealedBetween(cameraId: string, range: TimeRange): Promise<SealedSegmentRecord[]> {
    const rows = await this.db
      .selectFrom('sealed_segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where((eb) => overlaps(eb, { start: 'started_at', end: 'ended_at' }, range))
      .orderBy('started_at')
      .execute();
    return rows.map(toSealed);
  }

  /** Sealed segments of a camera that ended before `cutoff`, oldest first, at most `limit` (retention). */
  async sealedEndedBefore(cameraId: string, cutoff: Date, limit: number): Promise<SealedSegmentRecord[]> {
    const rows = await this.db
      .selectFrom('sealed_segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('ended_at', '<', cutoff)
      .orderBy('started_at')
      .limit(limit)
      .execute();
    return rows.map(toSealed);
  }

  /** Removes sealed segment rows. */
  async deleteSealed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .deleteFrom('sealed_segments')
      .where('id', 'in', [...ids])
      .execute();
  }
}
