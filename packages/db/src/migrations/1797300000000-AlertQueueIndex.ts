import { sql, type Kysely } from 'kysely';

/**
 * The alert queue read page by page from an index: a stored severity rank (most severe first) and an
 * index in queue order (rank, newest, id) per mode, so a page never sorts the whole table; notes by alert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table alerts add column severity_rank smallint generated always as (
    case severity when 'high' then 3 when 'medium' then 2 when 'low' then 1 else 0 end
  ) stored`.execute(db);
  await sql`create index alerts_queue on alerts (shadow, severity_rank desc, opened_at desc, id desc)`.execute(db);
  await sql`create index alerts_camera_queue on alerts (camera_id, shadow, severity_rank desc, opened_at desc, id desc)`.execute(
    db,
  );
  await db.schema.createIndex('alert_notes_alert').on('alert_notes').column('alert_id').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alert_notes_alert').execute();
  await db.schema.dropIndex('alerts_camera_queue').execute();
  await db.schema.dropIndex('alerts_queue').execute();
  await db.schema.alterTable('alerts').dropColumn('severity_rank').execute();
}
