import { sql, type Kysely } from 'kysely';

/** Counting lines drawn over a camera's image, beside its zones and masks. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cameras')
    .addColumn('lines', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cameras').dropColumn('lines').execute();
}
