import { sql, type Kysely } from 'kysely';

/** Legal holds: footage kept past retention for a judicial requisition, with its own expiry (issue 15). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('camera_id', 'text', (c) => c.notNull())
    .addColumn('range_start', 'timestamptz', (c) => c.notNull())
    .addColumn('range_end', 'timestamptz', (c) => c.notNull())
    .addColumn('export_id', 'text')
    .addColumn('requisition', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'text')
    .addColumn('release_reason', 'text')
    .execute();
  await db.schema.createIndex('legal_holds_camera').on('legal_holds').columns(['camera_id', 'expires_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('legal_holds').execute();
}
