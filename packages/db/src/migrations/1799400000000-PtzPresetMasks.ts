import type { Kysely } from 'kysely';

/** Privacy masks drawn per PTZ preset: they are placed only while the head rests on that preset. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ptz_preset_masks')
    .addColumn('camera_id', 'uuid', (c) => c.notNull().references('cameras.id').onDelete('cascade'))
    .addColumn('preset', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Where the camera said the preset points when its masks were drawn (ONVIF generic spaces).
    .addColumn('pan', 'double precision', (c) => c.notNull())
    .addColumn('tilt', 'double precision', (c) => c.notNull())
    .addColumn('zoom', 'double precision', (c) => c.notNull())
    .addColumn('masks', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('ptz_preset_masks_pk', ['camera_id', 'preset'])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ptz_preset_masks').execute();
}
