import { createHash } from 'node:crypto';
import {
  auditGenesisHash,
  auditHashInput,
  definedOnly,
  verifyAuditTrail,
  type AuditAction,
  type AuditCheckpoint,
  type AuditEntry,
  type AuditInput,
  type AuditTrailVerification,
  type Clock,
} from '@vigie/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditLogTable, Tables } from './tables.js';

/** SHA-256 in hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// Any constant: serialises appenders so that two transactions never chain onto the same entry.
const auditLockKey = 7_262_001;

function iso(value: string): string {
  return new Date(value).toISOString();
}

function toEntry(row: Selectable<AuditLogTable>): AuditEntry {
  const entry: AuditEntry = {
    seq: Number(row.seq),
    at: row.at.toISOString(),
    action: row.action as AuditAction,
    actorName: row.actor_name,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  if (row.actor_id !== null) entry.actorId = row.actor_id;
  if (row.camera_id !== null) entry.cameraId = row.camera_id;
  if (row.range_start !== null) entry.rangeStart = row.range_start.toISOString();
  if (row.range_end !== null) entry.rangeEnd = row.range_end.toISOString();
  if (row.reason !== null) entry.reason = row.reason;
  if (row.source !== null) entry.source = row.source;
  if (row.details !== null) entry.details = row.details;
  return entry;
}

/** Filters for reading the trail. */
export interface AuditQuery {
  cameraId?: string;
  action?: AuditAction;
  /** Part of the actor's name, any case. */
  actor?: string;
  /** Entries at or after this instant. */
  from?: Date;
  /** Entries before this instant. */
  to?: Date;
  /** Part of the action, the target (camera id or name), the author, the reason, the source or the details, any case. */
  text?: string;
  limit?: number;
}

/** A LIKE pattern matching a text anywhere, its own wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The append-only, hash-chained audit trail. */
export class AuditRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** Appends an entry chained to the newest one; joins the caller's transaction when there is one. */
  async append(input: AuditInput): Promise<AuditEntry> {
    if (!this.#db.isTransaction) {
      return this.#db.transaction().execute((trx) => new AuditRepository(trx, this.#clock).append(input));
    }
    await sql`select pg_advisory_xact_lock(${auditLockKey})`.execute(this.#db);
    const head = await this.#db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    const seq = head === undefined ? 1 : Number(head.seq) + 1;
    // Only the fields stored are hashed: callers often pass a wider object (a spread request caller with
    // its userId and roles), and hashing what is not stored would make the entry fail verification.
    const partial: Omit<AuditEntry, 'hash'> = {
      action: input.action,
      actorName: input.actorName,
      ...definedOnly({ actorId: input.actorId, cameraId: input.cameraId }),
      ...(input.rangeStart === undefined ? {} : { rangeStart: iso(input.rangeStart) }),
      ...(input.rangeEnd === undefined ? {} : { rangeEnd: iso(input.rangeEnd) }),
      ...definedOnly({ reason: input.reason, source: input.source, details: input.details }),
      seq,
      at: this.#clock.now().toISOString(),
      prevHash: head?.hash ?? auditGenesisHash,
    };
    const entry: AuditEntry = { ...partial, hash: sha256Hex(auditHashInput(partial)) };
    await this.#db
      .insertInto('audit_log')
      .values({
        seq,
        at: entry.at,
        action: entry.action,
        actor_id: entry.actorId ?? null,
        actor_name: entry.actorName,
        camera_id: entry.cameraId ?? null,
        range_start: entry.rangeStart ?? null,
        range_end: entry.rangeEnd ?? null,
        reason: entry.reason ?? null,
        source: entry.source ?? null,
        details: entry.details === undefined ? null : JSON.stringify(entry.details),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    await this.#db
      .insertInto('audit_head')
      .values({ id: 1, seq, hash: entry.hash })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash: entry.hash }))
      .execute();
    return entry;
  }

  /** The newest entries first, optionally filtered. */
  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    let select = this.#db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.limit ?? 200);
    if (query.cameraId !== undefined) select = select.where('camera_id', '=', query.cameraId);
    if (query.action !== undefined) select = select.where('action', '=', query.action);
    if (query.actor !== undefined) select = select.where('actor_name', 'ilike', containing(query.actor));
    if (query.from !== undefined) select = select.where('at', '>=', query.from.toISOString() as never);
    if (query.to !== undefined) select = select.where('at', '<', query.to.toISOString() as never);
    if (query.text !== undefined) {
      const pattern = containing(query.text);
      select = select.where((eb) =>
        eb.or([
          eb('action', 'ilike', pattern),
          eb('actor_name', 'ilike', pattern),
          eb('reason', 'ilike', pattern),
          eb('source', 'ilike', pattern),
          eb(sql<string>`audit_log.camera_id::text`, 'ilike', pattern),
          eb(sql<string>`audit_log.details::text`, 'ilike', pattern),
          eb.exists(
            eb
              .selectFrom('cameras')
              .select('cameras.id')
              .whereRef('cameras.id', '=', 'audit_log.camera_id')
              .where('cameras.name', 'ilike', pattern),
          ),
        ]),
      );
    }
    return (await select.execute()).map(toEntry);
  }

  /** When the trail begins: the time of its first entry, or null when it is empty. */
  async startedAt(): Promise<string | null> {
    const row = await this.#db.selectFrom('audit_log').select('at').orderBy('seq', 'asc').limit(1).executeTakeFirst();
    return row === undefined ? null : new Date(row.at).toISOString();
  }

  /** Every entry of these actions at or after `from`, oldest first (for statistics: counts, never shown). */
  async ofActions(actions: readonly AuditAction[], from: Date): Promise<AuditEntry[]> {
    const rows = await this.#db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', [...actions])
      .where('at', '>=', from.toISOString() as never)
      .orderBy('seq')
      .execute();
    return rows.map(toEntry);
  }

  /** The newest entry's position and hash, as the head record has them; seq 0 for an empty trail. */
  async head(): Promise<{ seq: number; hash: string }> {
    const head = await this.#db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return head === undefined ? { seq: 0, hash: auditGenesisHash } : { seq: Number(head.seq), hash: head.hash };
  }

  /** Keeps a signed checkpoint of the head (the server also appends it to a file outside the database). */
  async addCheckpoint(checkpoint: AuditCheckpoint): Promise<void> {
    await this.#db
      .insertInto('audit_checkpoints')
      .values({
        at: checkpoint.at,
        entries: checkpoint.entries,
        head_hash: checkpoint.headHash,
        key_id: checkpoint.keyId,
        signature: checkpoint.signature,
      })
      .execute();
  }

  /** The checkpoints kept in the database, oldest first. */
  async checkpoints(): Promise<AuditCheckpoint[]> {
    const rows = await this.#db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
    return rows.map((row) => ({
      entries: Number(row.entries),
      headHash: row.head_hash,
      at: row.at.toISOString(),
      keyId: row.key_id,
      signature: row.signature,
    }));
  }

  /**
   * Checks the whole chain (any modified, inserted or deleted entry), then holds it to the signed
   * checkpoints given: a rewrite with every hash recomputed, a truncation or a wipe no longer matches them.
   */
  async verify(anchor: {
    checkpoints: readonly AuditCheckpoint[];
    verifySignature: (checkpoint: AuditCheckpoint) => boolean;
  }): Promise<AuditTrailVerification> {
    const rows = await this.#db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const head = await this.#db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    return verifyAuditTrail(
      {
        entries: rows.map(toEntry),
        head: head === undefined ? undefined : { seq: Number(head.seq), hash: head.hash },
      },
      anchor.checkpoints,
      { digest: sha256Hex, verifySignature: anchor.verifySignature },
    );
  }
}
