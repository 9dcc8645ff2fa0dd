import { sql, type Kysely } from 'kysely';

/**
 * Per-rule settings of each camera (mode live/shadow, calibration), and shadow alerts: kept apart from
 * the operators' queue, labelled by supervisors (true / false / irrelevant) for the promotion report.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cameras')
    .addColumn('rule_settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema
    .alterTable('alerts')
    .addColumn('shadow', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('shadow_label', 'text')
    .addColumn('labelled_by', 'text')
    .addColumn('labelled_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('alerts_shadow').on('alerts').columns(['camera_id', 'type', 'shadow']).execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alerts_shadow').execute();
  for (const column of ['labelled_at', 'labelled_by', 'shadow_label', 'shadow'])
    await db.schema.alterTable('alerts').dropColumn(column).execute();
  await db.schema.alterTable('cameras').dropColumn('rule_settings').execute();
}
