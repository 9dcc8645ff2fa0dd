import type { Kysely } from 'kysely';

/** One-time codes usable once (the last accepted time step per account); API tokens that can be revoked. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_at', 'timestamptz').execute();
}

/** Drops what `up` added. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('revoked_at').execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
