import type { Habilitation, HabilitationInput } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { HabilitationTable, Tables, WorkstationTable } from './tables.js';

/** An enrolled workstation as administrators see it (never its key). */
export interface Workstation {
  id: string;
  name: string;
  enrolledBy: string;
  enrolledAt: string;
  revokedAt: string | null;
}

function toInput(row: Selectable<HabilitationTable>): HabilitationInput {
  return {
    designationAct: row.designation_act,
    designatedOn: row.designated_on,
    designationExpiresOn: row.designation_expires_on,
    cameraScope: row.camera_scope,
    dataProtectionTrainingOn: row.data_protection_training_on,
    dataProtectionTrainingExpiresOn: row.data_protection_training_expires_on,
    ...(row.ai_literacy_training_on === null ? {} : { aiLiteracyTrainingOn: row.ai_literacy_training_on }),
    ...(row.ai_literacy_training_expires_on === null
      ? {}
      : { aiLiteracyTrainingExpiresOn: row.ai_literacy_training_expires_on }),
  };
}

function toWorkstation(row: Selectable<WorkstationTable>): Workstation {
  return {
    id: row.id,
    name: row.name,
    enrolledBy: row.enrolled_by,
    enrolledAt: row.enrolled_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/** Habilitation records per account and enrolled workstations (LEGAL R8–R10). */
export class HabilitationRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** An account's habilitation, if one is recorded. */
  async get(userId: string): Promise<HabilitationInput | undefined> {
    const row = await this.db.selectFrom('habilitations').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return row === undefined ? undefined : toInput(row);
  }

  /** Records (or replaces) an account's habilitation. */
  async put(userId: string, input: HabilitationInput, by: { name: string; at: Date }): Promise<void> {
    const values = {
      designation_act: input.designationAct,
      designated_on: input.designatedOn,
      designation_expires_on: input.designationExpiresOn,
      camera_scope: JSON.stringify(input.cameraScope),
      data_protection_training_on: input.dataProtectionTrainingOn,
      data_protection_training_expires_on: input.dataProtectionTrainingExpiresOn,
      ai_literacy_training_on: input.aiLiteracyTrainingOn ?? null,
      ai_literacy_training_expires_on: input.aiLiteracyTrainingExpiresOn ?? null,
      recorded_by: by.name,
      recorded_at: by.at,
    };
    await this.db
      .insertInto('habilitations')
      .values({ user_id: userId, ...values })
      .onConflict((c) => c.column('user_id').doUpdateSet(values))
      .execute();
  }

  /** Every recorded habilitation with its account's username, by username. */
  async list(): Promise<Habilitation[]> {
    const rows = await this.db
      .selectFrom('habilitations')
      .innerJoin('users', 'users.id', 'habilitations.user_id')
      .selectAll('habilitations')
      .select('users.username')
      .orderBy('users.username')
      .execute();
    return rows.map((row) => ({
      ...toInput(row),
      username: row.username,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at.toISOString(),
    }));
  }

  /** Enrols a workstation under the hash of its key. */
  async enrol(station: { id: string; name: string; keyHash: string; by: string; at: Date }): Promise<void> {
    await this.db
      .insertInto('workstations')
      .values({
        id: station.id,
        name: station.name,
        key_hash: station.keyHash,
        enrolled_by: station.by,
        enrolled_at: station.at,
      })
      .execute();
  }

  /** The workstation holding the key of this hash, unless revoked. */
  async workstationByKeyHash(keyHash: string): Promise<Workstation | undefined> {
    const row = await this.db
      .selectFrom('workstations')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row === undefined ? undefined : toWorkstation(row);
  }

  /** Every workstation, revoked ones included, by name. */
  async workstations(): Promise<Workstation[]> {
    const rows = await this.db.selectFrom('workstations').selectAll().orderBy('name').execute();
    return rows.map(toWorkstation);
  }

  /** Revokes a workstation; false when it is unknown or already revoked. */
  async revokeWorkstation(id: string, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('workstations')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
