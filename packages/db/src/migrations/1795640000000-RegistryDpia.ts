import type { Kysely } from 'kysely';

/** The impact assessment (DPIA) covering a camera's analytics, in its registry entry (LEGAL R27). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('camera_registry').addColumn('dpia', 'jsonb').execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('camera_registry').dropColumn('dpia').execute();
}
