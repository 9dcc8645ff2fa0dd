import { sql, type Kysely } from 'kysely';

/** The analytics switched on per camera: none by default (privacy by default, GDPR art. 25). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cameras')
    .addColumn('analytics', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').dropColumn('analytics').execute();
}
