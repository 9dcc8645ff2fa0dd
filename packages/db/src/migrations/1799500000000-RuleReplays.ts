import type { Kysely } from 'kysely';

/** Replays of stored footage through a rule: kept across restarts, read back by their id. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rule_replays')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull().references('cameras.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    // Written at least every few seconds while it runs: a running replay not written for long was left by a stopped server.
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    // The replay as the API gives it: request, progress, events and summary.
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rule_replays_started_at').on('rule_replays').column('started_at').execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rule_replays').execute();
}
