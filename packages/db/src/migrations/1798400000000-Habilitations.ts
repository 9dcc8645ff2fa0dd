import { sql, type Kysely } from 'kysely';

/**
 * Habilitations and enrolled workstations (LEGAL R8–R10), and the extension of an access request's
 * deadline with its reminder (LEGAL R15).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('habilitations')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('designation_act', 'text', (c) => c.notNull())
    .addColumn('designated_on', 'text', (c) => c.notNull())
    .addColumn('designation_expires_on', 'text', (c) => c.notNull())
    .addColumn('camera_scope', 'jsonb', (c) => c.notNull())
    .addColumn('data_protection_training_on', 'text', (c) => c.notNull())
    .addColumn('data_protection_training_expires_on', 'text', (c) => c.notNull())
    .addColumn('ai_literacy_training_on', 'text')
    .addColumn('ai_literacy_training_expires_on', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('workstations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('enrolled_by', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('access_requests')
    .addColumn('extended_at', 'timestamptz')
    .addColumn('extension_reason', 'text')
    .addColumn('reminded_at', 'timestamptz')
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('access_requests')
    .dropColumn('extended_at')
    .dropColumn('extension_reason')
    .dropColumn('reminded_at')
    .execute();
  await db.schema.dropTable('workstations').execute();
  await db.schema.dropTable('habilitations').execute();
}
