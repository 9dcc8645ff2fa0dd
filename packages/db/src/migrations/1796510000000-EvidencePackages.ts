import type { Kysely } from 'kysely';

/**
 * Signed evidence packages (issue 15): each export keeps the exact bytes of its manifest and the
 * installation's Ed25519 signature of them, so that every download of the package is identical.
 * Exports made before this have neither and cannot be packaged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exports').addColumn('manifest', 'text').execute();
  await db.schema.alterTable('exports').addColumn('signature', 'text').execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('exports').dropColumn('signature').execute();
  await db.schema.alterTable('exports').dropColumn('manifest').execute();
}
