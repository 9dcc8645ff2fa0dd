import type { Kysely } from 'kysely';

/**
 * One alert per situation: the situation an alert is about (updated while it lasts, ended when it
 * ends), how often it was seen, its structured facts (what, where, how long, how sure), and the group
 * of alerts of one camera, zone and type raised close together.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('alerts')
    .addColumn('situation_key', 'text')
    .addColumn('last_seen_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('facts', 'jsonb')
    .addColumn('duration_s', 'double precision')
    .addColumn('confidence', 'double precision')
    .addColumn('group_id', 'uuid')
    .execute();
  await db.schema.createIndex('alerts_situation').on('alerts').columns(['camera_id', 'situation_key']).execute();
  await db.schema.createIndex('alerts_grouping').on('alerts').columns(['camera_id', 'type', 'opened_at']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alerts_grouping').execute();
  await db.schema.dropIndex('alerts_situation').execute();
  for (const column of [
    'group_id',
    'confidence',
    'duration_s',
    'facts',
    'occurrences',
    'ended_at',
    'last_seen_at',
    'situation_key',
  ])
    await db.schema.alterTable('alerts').dropColumn(column).execute();
}
