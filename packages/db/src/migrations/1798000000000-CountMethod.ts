import type { Kysely } from 'kysely';

/**
 * How each count sample was made (`tracks` on sparse views, `tiled` on crowded ones): a count series
 * says which method produced each value. Samples stored before have none.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('count_samples').addColumn('method', 'text').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('count_samples').dropColumn('method').execute();
}
