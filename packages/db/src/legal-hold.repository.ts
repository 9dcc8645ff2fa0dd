import { holdState, type LegalHold } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { LegalHoldTable, Tables } from './tables.js';

/** A hold as placed, before it has a state. */
export type NewLegalHold = Omit<LegalHold, 'releasedAt' | 'releasedBy' | 'releaseReason' | 'state'>;

function toHold(row: Selectable<LegalHoldTable>, now: Date): LegalHold {
  const hold = {
    id: row.id,
    cameraId: row.camera_id,
    start: row.range_start.toISOString(),
    end: row.range_end.toISOString(),
    exportId: row.export_id,
    requisition: row.requisition,
    reason: row.reason,
    placedBy: row.placed_by,
    placedAt: row.placed_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    releasedAt: row.released_at?.toISOString() ?? null,
    releasedBy: row.released_by,
    releaseReason: row.release_reason,
  };
  return { ...hold, state: holdState(hold, now) };
}

/** Legal holds on footage and exports. */
export class LegalHoldRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Stores a new hold. */
  async insert(hold: NewLegalHold): Promise<void> {
    await this.db
      .insertInto('legal_holds')
      .values({
        id: hold.id,
        camera_id: hold.cameraId,
        range_start: new Date(hold.start),
        range_end: new Date(hold.end),
        export_id: hold.exportId,
        requisition: hold.requisition,
        reason: hold.reason,
        placed_by: hold.placedBy,
        placed_at: new Date(hold.placedAt),
        expires_at: new Date(hold.expiresAt),
      })
      .execute();
  }

  /** Every hold, newest first, with its state at `now`. */
  async list(now: Date): Promise<LegalHold[]> {
    const rows = await this.db.selectFrom('legal_holds').selectAll().orderBy('placed_at', 'desc').execute();
    return rows.map((row) => toHold(row, now));
  }

  /** One hold. */
  async get(id: string, now: Date): Promise<LegalHold | undefined> {
    const row = await this.db.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toHold(row, now);
  }

  /** The holds of a camera still in force at `now` (neither released nor expired). */
  async activeFor(cameraId: string, now: Date): Promise<LegalHold[]> {
    const rows = await this.db
      .selectFrom('legal_holds')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('released_at', 'is', null)
      .where('expires_at', '>', now)
      .execute();
    return rows.map((row) => toHold(row, now));
  }

  /** Whether an export's file is under a hold in force. */
  async exportHeld(exportId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('legal_holds')
      .select('id')
      .where('export_id', '=', exportId)
      .where('released_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Marks a hold released; false when it was already released. */
  async release(id: string, release: { by: string; reason: string; at: Date }): Promise<boolean> {
    const result = await this.db
      .updateTable('legal_holds')
      .set({ released_at: release.at, released_by: release.by, release_reason: release.reason })
      .where('id', '=', id)
      .where('released_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
