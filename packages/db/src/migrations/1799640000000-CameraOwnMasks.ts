import type { Kysely } from 'kysely';

/** Whether a camera applies its privacy masks itself (ONVIF Media2), checked by Vigie before it records by copy. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cameras')
    .addColumn('masks_on_camera', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').dropColumn('masks_on_camera').execute();
}
