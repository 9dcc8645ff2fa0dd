import type { Kysely } from 'kysely';

/** Recording index (segments, gaps), camera status, exports, alerts with their notes, count samples. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key to cameras: recordings of a removed camera stay until their retention ends.
  await db.schema
    .createTable('segments')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('init_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('segments_camera_time').on('segments').columns(['camera_id', 'started_at']).execute();

  await db.schema
    .createTable('recording_gaps')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull())
    .addColumn('from_at', 'timestamptz', (c) => c.notNull())
    .addColumn('to_at', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recording_gaps_camera_time')
    .on('recording_gaps')
    .columns(['camera_id', 'from_at'])
    .execute();

  await db.schema
    .createTable('camera_status')
    .addColumn('camera_id', 'uuid', (c) => c.primaryKey().references('cameras.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull())
    .addColumn('camera_name', 'text', (c) => c.notNull())
    .addColumn('from_at', 'timestamptz', (c) => c.notNull())
    .addColumn('to_at', 'timestamptz', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('exported_by', 'text', (c) => c.notNull())
    .addColumn('exported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('qualification', 'text')
    .addColumn('escalated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('zone_id', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('clip_from', 'timestamptz', (c) => c.notNull())
    .addColumn('clip_to', 'timestamptz', (c) => c.notNull())
    .addColumn('snapshot', 'bytea')
    .addColumn('details', 'jsonb')
    .execute();
  await db.schema.createIndex('alerts_status_time').on('alerts').columns(['status', 'opened_at']).execute();

  await db.schema
    .createTable('alert_notes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  // Anonymous counts only: a number per zone or line and time, never an image or a track.
  await db.schema
    .createTable('count_samples')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('camera_id', 'uuid', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('in_count', 'integer')
    .addColumn('out_count', 'integer')
    .addColumn('occupancy', 'real')
    .addColumn('density', 'real')
    .execute();
  await db.schema.createIndex('count_samples_camera_time').on('count_samples').columns(['camera_id', 'at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'count_samples',
    'alert_notes',
    'alerts',
    'exports',
    'camera_status',
    'recording_gaps',
    'segments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
