import { sql, type Kysely } from 'kysely';

/**
 * Exports are read through the storage port by key (`<export id>.mp4`), never by a path on one machine's
 * disk: rows written before named the absolute path of the same file, in the export storage's folder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update exports set file_key = regexp_replace(file_key, '^.*/', '') where file_key like '%/%'`.execute(db);
}

/** Leaves the keys: the media folder the old paths named is not known to the database (the files did not move). */
export async function down(): Promise<void> {}
