import { sql, type Kysely } from 'kysely';

/**
 * Stream passwords out of the cameras' URLs: each is kept sealed (AES-256-GCM, key outside the database) per camera
 * and stream role. The passwords still inside existing rows' URLs are moved here by the server at its next start
 * (`sealStreamPasswords`): sealing needs the key file, which migrations never see.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('camera_stream_secrets')
    .addColumn('camera_id', 'uuid', (c) => c.notNull().references('cameras.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('main', 'sub')`))
    .addColumn('password_sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('camera_stream_secrets_pk', ['camera_id', 'role'])
    .execute();
}

/** Drops what `up` created (the passwords are lost: set them again in the cameras' URLs). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('camera_stream_secrets').execute();
}
