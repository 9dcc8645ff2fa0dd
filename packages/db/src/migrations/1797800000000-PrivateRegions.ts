import type { Kysely } from 'kysely';

/**
 * Where the private space lies in a camera's picture, as the DPO declares it (polygons): the camera's
 * privacy masks must hide all of it before its images can be viewed (CSI L251-3).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('camera_registry').addColumn('private_regions', 'jsonb').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('camera_registry').dropColumn('private_regions').execute();
}
