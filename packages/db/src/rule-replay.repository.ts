import type { Replay } from '@vigie/core';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** A replay as kept, with when it was last written (a running one is written every few seconds). */
export interface StoredReplay {
  replay: Replay;
  updatedAt: Date;
}

/** Replays of stored footage through a rule: their request, progress and results, kept across restarts. */
export class RuleReplayRepository {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.#db = db;
  }

  /** Records a replay as it stands at `at` (a new one, or one that progressed or finished). */
  async save(replay: Replay, at: Date): Promise<void> {
    const row = {
      id: replay.id,
      camera_id: replay.cameraId,
      status: replay.status,
      started_at: replay.startedAt,
      updated_at: at,
      body: JSON.stringify(replay),
    };
    await this.#db
      .insertInto('rule_replays')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ status: row.status, updated_at: at, body: row.body }))
      .execute();
  }

  /** A replay by its id, if it is kept. */
  async get(id: string): Promise<StoredReplay | undefined> {
    const row = await this.#db
      .selectFrom('rule_replays')
      .select(['body', 'updated_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : { replay: row.body as Replay, updatedAt: row.updated_at };
  }

  /** Forgets all but the `keep` newest replays; returns how many were forgotten. */
  async keepNewest(keep: number): Promise<number> {
    const kept = this.#db.selectFrom('rule_replays').select('id').orderBy('started_at', 'desc').limit(keep);
    const result = await this.#db.deleteFrom('rule_replays').where('id', 'not in', kept).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
