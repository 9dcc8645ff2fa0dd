import type { Kysely } from 'kysely';

/** The model registry (LEGAL R23): a detection model runs only if its file's SHA-256 is here. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('detection_models')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('capabilities', 'jsonb', (c) => c.notNull())
    .addColumn('evaluation', 'jsonb', (c) => c.notNull())
    .addColumn('attestation', 'text')
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('detection_models').execute();
}
