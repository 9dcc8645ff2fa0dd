import { sql, type Kysely } from 'kysely';

/**
 * Scale-out: which node holds each segment (null: this server's own storage), the idempotency keys of
 * events already stored (exactly once), and the analytics stop button persisted (LEGAL R22).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('segments').addColumn('node', 'text').execute();
  await db.schema
    .createTable('ingested_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stored_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('analytics_stops')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('stopped_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('stopped_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analytics_stops').execute();
  await db.schema.dropTable('ingested_events').execute();
  await db.schema.alterTable('segments').dropColumn('node').execute();
}
