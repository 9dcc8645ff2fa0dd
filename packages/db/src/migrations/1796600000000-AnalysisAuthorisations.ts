import { sql, type Kysely } from 'kysely';

/**
 * Analysis authorisations (LEGAL R18): the dated decisions alert analytics run under. `started_audited`
 * and `ended_audited` let exactly one server write the audit entry of each start and end.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analysis_authorisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('responsible_service', 'text', (c) => c.notNull())
    .addColumn('camera_ids', 'jsonb', (c) => c.notNull())
    .addColumn('event_types', 'jsonb', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('public_notice', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('started_audited', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('ended_audited', 'boolean', (c) => c.notNull().defaultTo(false))
    .addCheckConstraint('analysis_authorisations_period', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('analysis_authorisations_ends_at')
    .on('analysis_authorisations')
    .column('ends_at')
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analysis_authorisations').execute();
}
