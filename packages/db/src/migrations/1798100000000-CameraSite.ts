import type { Kysely } from 'kysely';

/** The site or group a camera belongs to (a station, the town hall…): the wall's camera tree groups by it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').addColumn('site', 'text').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').dropColumn('site').execute();
}
