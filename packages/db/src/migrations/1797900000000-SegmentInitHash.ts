import type { Kysely } from 'kysely';

/**
 * A short hash of each segment's initialisation part: a playback playlist maps one init section for all
 * the segments that share it, and a new one only where the codec parameters change (issue 11).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('segments').addColumn('init_hash', 'text').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('segments').dropColumn('init_hash').execute();
}
