import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

/**
 * Where the data lives: a PostgreSQL URL, or an embedded database directory (`memory://` for tests,
 * optionally started from `image`, a data directory PGlite dumped: tests clone a migrated one).
 */
export type DatabaseLocation =
  { url: string; onConnectionError?: (error: Error) => void } | { dataDir: string; image?: Blob };

/** An open database: the query builder, which engine runs it, and how to close it. */
export interface VigieDatabase {
  db: Kysely<Tables>;
  engine: 'pglite' | 'postgres';
  /** Closes connections and releases the data directory. */
  close(): Promise<void>;
}

/** Opens the database at the given location; the embedded one is locked against a second process. */
export async function openDatabase(location: DatabaseLocation): Promise<VigieDatabase> {
  if ('url' in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    // A server restart or a terminated backend must not crash the process: pg drops the broken
    // client and the next query opens a new one.
    pool.on('error', (error) => location.onConnectionError?.(error));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (location.dataDir === 'memory://') {
    pglite = new PGlite(location.image === undefined ? {} : { loadDataDir: location.image });
  } else {
    await mkdir(location.dataDir, { recursive: true });
    lock = await lockDataDir(location.dataDir);
    pglite = new PGlite(location.dataDir);
  }
  const db = new Kysely<Tables>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await lock?.release();
    },
  };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Tables>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'vigie_migrations',
    migrationLockTableName: 'vigie_migrations_lock',
    // Each line of work has its own range of names: one landed later may sort before one already applied.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Database migration ${failed} failed: ${result.error instanceof Error ? result.error.message : JSON.stringify(result.error)}`,
      { cause: result.error },
    );
  }
  return result;
}
