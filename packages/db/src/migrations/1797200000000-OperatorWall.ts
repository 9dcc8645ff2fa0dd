import { sql, type Kysely } from 'kysely';

/**
 * The operator's wall and alarm handling: who claimed an alert ("I am handling it") and when, an index
 * for the history of closed alerts, and each operator's saved walls (grid and tiles, by name).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('alerts').addColumn('claimed_by', 'text').addColumn('claimed_at', 'timestamptz').execute();
  await db.schema.createIndex('alerts_history').on('alerts').columns(['status', 'opened_at']).execute();
  await db.schema
    .createTable('wall_layouts')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('grid', 'integer', (c) => c.notNull())
    .addColumn('tiles', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('wall_layouts_pk', ['user_id', 'name'])
    .execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wall_layouts').execute();
  await db.schema.dropIndex('alerts_history').execute();
  await db.schema.alterTable('alerts').dropColumn('claimed_at').dropColumn('claimed_by').execute();
}
