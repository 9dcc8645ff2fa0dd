import type { Kysely } from 'kysely';

/**
 * A camera's ground calibration (four image points and where they lie on the ground, in metres): rules
 * whose measure is in metres (speed, density) can be switched on only once it is set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').addColumn('calibration', 'jsonb').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').dropColumn('calibration').execute();
}
