import type { Kysely } from 'kysely';

/** Streams by role (a camera's optional sub stream) and the ONVIF devices cameras were added from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').addColumn('sub_stream_url', 'text').execute();
  await db.schema
    .createTable('onvif_devices')
    .addColumn('camera_id', 'uuid', (c) => c.primaryKey().references('cameras.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('urn', 'text')
    .addColumn('username', 'text', (c) => c.notNull())
    // AES-256-GCM under a key kept outside the database (server/src/security/credential-vault.ts).
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addColumn('manufacturer', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text', (c) => c.notNull())
    .addColumn('main_profile', 'text', (c) => c.notNull())
    .addColumn('sub_profile', 'text')
    .addColumn('ptz', 'boolean', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('onvif_devices').execute();
  await db.schema.alterTable('cameras').dropColumn('sub_stream_url').execute();
}
