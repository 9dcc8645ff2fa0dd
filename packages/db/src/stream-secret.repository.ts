import type { SealedStreamPasswords, StreamRole } from '@vigie/core';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** Stream passwords, kept out of the cameras' URLs and out of every API answer. */
export class StreamSecretRepository {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.#db = db;
  }

  /** Stores (or replaces) a stream's sealed password; `undefined` removes it. */
  async set(cameraId: string, role: StreamRole, sealed: string | undefined): Promise<void> {
    if (sealed === undefined) {
      await this.#db
        .deleteFrom('camera_stream_secrets')
        .where('camera_id', '=', cameraId)
        .where('role', '=', role)
        .execute();
      return;
    }
    const row = { camera_id: cameraId, role, password_sealed: sealed };
    await this.#db
      .insertInto('camera_stream_secrets')
      .values(row)
      .onConflict((oc) => oc.columns(['camera_id', 'role']).doUpdateSet({ password_sealed: sealed }))
      .execute();
  }

  /** Every camera's sealed stream passwords, by camera id (cameras without any are absent). */
  async all(): Promise<Map<string, SealedStreamPasswords>> {
    const rows = await this.#db.selectFrom('camera_stream_secrets').selectAll().execute();
    const byCamera = new Map<string, SealedStreamPasswords>();
    for (const row of rows)
      byCamera.set(row.camera_id, { ...byCamera.get(row.camera_id), [row.role]: row.password_sealed });
    return byCamera;
  }

  /** One camera's sealed stream passwords. */
  async get(cameraId: string): Promise<SealedStreamPasswords> {
    const rows = await this.#db
      .selectFrom('camera_stream_secrets')
      .select(['role', 'password_sealed'])
      .where('camera_id', '=', cameraId)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.role, r.password_sealed]));
  }
}
