import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type MigrationResultSet } from 'kysely';
import pg from 'pg';
import { DatabaseUnreachableError } from './connection-loss.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

/**
 * Where the data lives: a PostgreSQL URL, or an embedded database directory (`memory://` for tests,
 * optionally started from `image`, the bytes of a data directory PGlite dumped as a tar: tests clone a migrated one).
 */
export type DatabaseLocation =
  | { url: string; onConnectionError?: (error: Error) => void }
  | {
      dataDir: string;
      image?: Uint8Array;
      /** PostgreSQL's `shared_buffers` for the embedded database (e.g. `16MB`); default 128 MB on disk, 16 MB in memory. */
      sharedBuffers?: string;
    };

/**
 * Shared buffers for an embedded database that holds a few megabytes (an in-memory test database, a test server's,
 * a one-shot CLI command's): PostgreSQL's default 128 MB are zeroed at each start, about half of an open's CPU.
 */
export const smallSharedBuffers = '16MB';

/** PGlite's start parameters with these shared buffers, if given. */
function startParams(sharedBuffers: string | undefined): { startParams?: string[] } {
  return sharedBuffers === undefined
    ? {}
    : { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] };
}

/**
 * A data directory image handed to PGlite (`loadDataDir`): its bytes are given at once. Node's own Blob hands
 * a 42 MB one over in small chunks and concatenates them, 0.3 CPU-s at every open.
 */
class ImageBlob extends Blob {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    super([]);
    this.#bytes = bytes;
  }
  /** A copy of the image (PGlite may keep or change what it is given). */
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice().buffer);
  }
}

/** Whether the database answers now; `reason` says why not, for /api/health and the logs. */
export type DatabaseProbe = { reachable: true } | { reachable: false; reason: string };

/** An open database: the query builder, which engine runs it, and how to close it. */
export interface VigieDatabase {
  db: Kysely<Tables>;
  engine: 'pglite' | 'postgres';
  /** Runs a trivial query within `timeoutMs` (default 2 s): a lost database answers `reachable: false`, never throws. */
  probe(timeoutMs?: number): Promise<DatabaseProbe>;
  /**
   * Refreshes the planner's statistics where nothing else does: PGlite has no autovacuum, and without
   * statistics it sorts a whole table for a page the queue index would give at once. PostgreSQL: no-op.
   */
  refreshStatistics(): Promise<void>;
  /** Closes connections and releases the data directory. */
  close(): Promise<void>;
}

/** Opens the database at the given location; the embedded one is locked against a second process. */
export async function openDatabase(location: DatabaseLocation): Promise<VigieDatabase> {
  if ('url' in location) {
    // Connecting to a server that is down fails in seconds instead of hanging the request.
    const pool = new pg.Pool({ connectionString: location.url, max: 10, connectionTimeoutMillis: 5_000 });
    // A server restart or a terminated backend must not crash the process: node-postgres emits 'error'
    // on the pool for an idle client, and on the client itself while it is checked out (inside a
    // transaction, between two queries) — an 'error' event nobody listens to kills Node. The broken
    // client is then discarded (it is no longer queryable) and the next query opens a new connection.
    const report = (error: Error): void => location.onConnectionError?.(error);
    pool.on('error', report);
    pool.on('connect', (client) => client.on('error', report));
    // Failing to get a connection always means the database is away, whatever the server answered
    // (refused, not accepting connections, timed out): marked so that callers answer 503, not 500.
    const connect = () =>
      pool.connect().catch((error: unknown) => {
        throw new DatabaseUnreachableError(error);
      });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: { connect, end: () => pool.end() } }) });
    return {
      db,
      engine: 'postgres',
      probe: (timeoutMs) => probe(db, timeoutMs),
      refreshStatistics: () => Promise.resolve(),
      close: () => db.destroy(),
    };
  }
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (location.dataDir === 'memory://') {
    pglite = new PGlite({
      ...startParams(location.sharedBuffers ?? smallSharedBuffers),
      ...(location.image === undefined ? {} : { loadDataDir: new ImageBlob(location.image) }),
    });
  } else {
    await mkdir(location.dataDir, { recursive: true });
    lock = await lockDataDir(location.dataDir);
    pglite = new PGlite(location.dataDir, startParams(location.sharedBuffers));
  }
  const db = new Kysely<Tables>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    probe: (timeoutMs) => probe(db, timeoutMs),
    refreshStatistics: async () => {
      await sql`analyze`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await lock?.release();
    },
  };
}

async function probe(db: Kysely<Tables>, timeoutMs = 2_000): Promise<DatabaseProbe> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseProbe>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  const query = sql`select 1`.execute(db).then(
    (): DatabaseProbe => ({ reachable: true }),
    (error: unknown): DatabaseProbe => ({
      reachable: false,
      reason: error instanceof Error ? error.message : String(error),
    }),
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
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
