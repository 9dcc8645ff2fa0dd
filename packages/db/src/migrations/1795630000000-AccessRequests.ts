import { sql, type Kysely } from 'kysely';

/** Data subjects' access requests, their history, and the footage matched and held for them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('received', 'searching', 'footage_found', 'no_footage', 'export_ready', 'delivered', 'rejected')`,
        ),
    )
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('window_end', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('camera_hint', 'uuid', (c) => c.references('cameras.id').onDelete('set null'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_email', 'text', (c) => c.notNull())
    .addColumn('rejection_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('access_requests_window', sql`window_end > window_start`)
    .execute();
  await db.schema.createIndex('access_requests_status').on('access_requests').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('access_request_steps')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('access_requests.id').onDelete('cascade'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('access_request_steps_request').on('access_request_steps').column('request_id').execute();

  await db.schema
    .createTable('access_request_ranges')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('access_requests.id').onDelete('cascade'))
    .addColumn('camera_id', 'uuid', (c) => c.notNull().references('cameras.id').onDelete('cascade'))
    .addColumn('range_start', 'timestamptz', (c) => c.notNull())
    .addColumn('range_end', 'timestamptz', (c) => c.notNull())
    .addColumn('hold', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('export_id', 'text')
    .addColumn('needs_review', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addCheckConstraint('access_request_ranges_order', sql`range_end > range_start`)
    .execute();
  // The retention purge asks, per camera, which footage is held.
  await db.schema
    .createIndex('access_request_ranges_holds')
    .on('access_request_ranges')
    .columns(['camera_id', 'range_start'])
    .where(sql.ref('hold'), '=', true)
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['access_request_ranges', 'access_request_steps', 'access_requests']) {
    await db.schema.dropTable(table).execute();
  }
}
