import { sql, type Kysely } from 'kysely';

/** The legal registry: each camera's prefectoral authorisation, signage and facing, and a photo of its sign. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('camera_registry')
    .addColumn('camera_id', 'uuid', (c) => c.primaryKey().references('cameras.id').onDelete('cascade'))
    .addColumn('authorisation_reference', 'text', (c) => c.notNull())
    .addColumn('authorisation_issued_on', 'date', (c) => c.notNull())
    .addColumn('authorisation_expires_on', 'date', (c) => c.notNull())
    .addColumn('authorisation_expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('authorisation_renewal_due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signage_status', 'text', (c) =>
      c.notNull().check(sql`signage_status in ('installed', 'planned', 'missing')`),
    )
    .addColumn('signage_notes', 'text')
    .addColumn('facing', 'text', (c) => c.notNull().check(sql`facing in ('public', 'private')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'camera_registry_five_years',
      sql`authorisation_expires_on > authorisation_issued_on and authorisation_expires_on <= authorisation_issued_on + interval '5 years'`,
    )
    .execute();

  // Kept apart so that reading the registry never loads image bytes.
  await db.schema
    .createTable('camera_signage_photos')
    .addColumn('camera_id', 'uuid', (c) => c.primaryKey().references('camera_registry.camera_id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull().check(sql`content_type in ('image/jpeg', 'image/png')`))
    .addColumn('bytes', 'bytea', (c) => c.notNull().check(sql`octet_length(bytes) <= 4194304`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('camera_signage_photos').execute();
  await db.schema.dropTable('camera_registry').execute();
}
