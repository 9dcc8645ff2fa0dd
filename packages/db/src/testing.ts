import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { isAlive } from './data-dir-lock.js';
import { migrateToLatest, openDatabase, type VigieDatabase } from './database.js';
import { migrations } from './migrations/index.js';
import { PgliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

/** A database engine the test suite runs against. */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated, empty database; close it to drop it. */
  open(): Promise<VigieDatabase>;
}

/** The PostgreSQL server tests use: TEST_DATABASE_URL, or the local server's `test` database. */
export const testPostgresUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function connectAdmin(): Promise<pg.Client> {
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by the test suite and is not reachable at ${testPostgresUrl}: ${String(error)}. Start it (bash .ci/run does) or set TEST_DATABASE_URL.`,
    );
  }
  return admin;
}

/** Runs one SQL statement on the test server's own database (outside any database under test): fault injection. */
export async function queryTestServer(text: string, values: unknown[] = []): Promise<void> {
  const admin = await connectAdmin();
  try {
    await admin.query(text, values);
  } finally {
    await admin.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The migrated, empty database test databases are cloned from, named after the migrations' code so
 * that a changed or added migration gets a new one (and branches with other migrations never share one).
 */
const templateName = `vigie_tpl_${createHash('sha256')
  .update(
    Object.entries(migrations)
      .map(([name, migration]) => `${name}:${migration.up.toString()}`)
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 16)}`;

let templateReady: Promise<void> | undefined;

/**
 * Creates the template once on the server (migrated under another name, then renamed, so that a
 * half-built one is never cloned); an advisory lock keeps parallel test files from building it twice.
 */
async function ensureTemplate(): Promise<void> {
  const admin = await connectAdmin();
  try {
    await admin.query('select pg_advisory_lock(hashtext($1))', [templateName]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [templateName]);
    if (found.rowCount !== 0) return;
    // A build cut short (a test run killed mid-way) left its half-migrated database: nobody else builds now.
    const leftovers = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
      `${templateName}\\_b%`,
    ]);
    for (const { datname } of leftovers.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    const building = `${templateName}_b${randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${building}`);
    const database = await openDatabase({ url: urlOf(building) });
    try {
      await migrateToLatest(database.db);
    } finally {
      await database.close();
    }
    await admin.query(`alter database ${building} rename to ${templateName}`);
  } finally {
    await admin.end();
  }
}

/** A fresh, migrated PostgreSQL database and its URL (for tests that start other processes on it); close drops it. */
export async function openFreshPostgresWithUrl(): Promise<{ database: VigieDatabase; url: string }> {
  let url = '';
  const database = await openFreshPostgres((u) => (url = u));
  return { database, url };
}

/** Clones the template (a file copy on the server: far cheaper than migrating each test database). */
async function openFreshPostgres(onUrl?: (url: string) => void): Promise<VigieDatabase> {
  templateReady ??= ensureTemplate();
  await templateReady;
  const name = `vigie_t_${randomBytes(6).toString('hex')}`;
  const admin = await connectAdmin();
  try {
    await admin.query(`create database ${name} template ${templateName}`);
  } finally {
    await admin.end();
  }
  onUrl?.(urlOf(name));
  const database = await openDatabase({ url: urlOf(name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = await connectAdmin();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

let pgliteImage: Promise<Uint8Array> | undefined;

/**
 * Drops the template databases initdb made: nothing creates a database in an embedded test database, and their
 * 600 files (15 MB) were half of what every test database copied into memory when opened (≈ 0.8 → 0.4 CPU-s).
 */
async function dropTemplateDatabases(pglite: PGlite): Promise<void> {
  for (const name of ['template0', 'template1']) {
    await pglite.exec(`alter database ${name} is_template false`);
    await pglite.exec(`drop database ${name}`);
  }
  await pglite.exec('checkpoint');
}

/** A lock file still empty this long after it was made belongs to a process killed before it wrote its id. */
const emptyLockStaleMs = 10_000;

/**
 * Makes `path` with `build` unless it is there or another process is making it: the first to create `<path>.lock`
 * (its process id inside) builds, the others wait for `path`; a lock whose process is gone is taken over. In a run
 * from a cold cache two test workers built the embedded database's image at the same time (5.6 CPU-s each).
 */
export async function buildOnceAcrossProcesses(path: string, build: () => Promise<void>): Promise<void> {
  const lock = `${path}.lock`;
  while (!existsSync(path)) {
    const handle = await open(lock, 'wx').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw error;
    });
    if (handle === undefined) {
      const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
      const age = await stat(lock).then(
        (found) => Date.now() - found.mtimeMs,
        () => 0,
      );
      const abandoned = Number.isInteger(holder) ? !isAlive(holder) : age > emptyLockStaleMs;
      if (abandoned) await rm(lock, { force: true });
      else await sleep(100);
      continue;
    }
    try {
      await handle.writeFile(String(process.pid));
      await handle.close();
      if (!existsSync(path)) await build();
    } finally {
      await rm(lock, { force: true });
    }
    return;
  }
}

/**
 * The migrated, empty embedded database as PGlite dumps it, without template databases, kept in the temp
 * directory under the migrations' name: a fresh PGlite runs initdb (most of its start-up) and every migration,
 * loading this image does neither. Built once per machine and set of migrations, by one process at a time
 * (`buildOnceAcrossProcesses`); written atomically.
 */
async function migratedPgliteImage(): Promise<Uint8Array> {
  const path = join(tmpdir(), `${templateName}.single-database.pglite.tar`);
  const saved = await readFile(path).catch(() => undefined);
  if (saved !== undefined) return saved;
  let built: Uint8Array | undefined;
  await buildOnceAcrossProcesses(path, async () => {
    const pglite = new PGlite();
    const db = new Kysely<Tables>({ dialect: new PgliteDialect(pglite) });
    await migrateToLatest(db);
    await dropTemplateDatabases(pglite);
    built = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    await db.destroy();
    const scratch = `${path}.${randomBytes(4).toString('hex')}`;
    await writeFile(scratch, built);
    await rename(scratch, path);
  });
  return built ?? (await readFile(path));
}

async function openFreshPglite(): Promise<VigieDatabase> {
  pgliteImage ??= migratedPgliteImage();
  const database = await openDatabase({ dataDir: 'memory://', image: await pgliteImage });
  // PGlite starts on its first query: pay that here (in the test's setup), not in the first test.
  await sql`select 1`.execute(database.db);
  return database;
}

/**
 * Puts the migrated, empty embedded database in `dir` (a test server's `<data dir>/db`) unless one is there:
 * the server then opens it as on a restart instead of running initdb and every migration (~7 CPU-s a start).
 * The image is written out file by file, as PGlite would write it before its first start (loading it through a
 * PGlite started and stopped for that cost another ~1 CPU-s a server).
 */
export async function seedMigratedPglite(dir: string): Promise<void> {
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  pgliteImage ??= migratedPgliteImage();
  const image = await pgliteImage;
  // Written aside, then renamed: a server never opens half a data directory.
  const scratch = `${dir}.seeding-${randomBytes(4).toString('hex')}`;
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  await extractTar(image, scratch);
  await rename(scratch, dir);
}

/** Writes the directories and files of an uncompressed tar (as PGlite dumps a data directory) under `dir`. */
async function extractTar(tar: Uint8Array, dir: string): Promise<void> {
  const text = (from: number, length: number) =>
    new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '');
  const octal = (from: number, length: number) => Number.parseInt(text(from, length).trim() || '0', 8);
  for (let at = 0; at + 512 <= tar.length;) {
    const name = text(at, 100);
    if (name === '') break;
    const prefix = text(at + 345, 155);
    const path = join(dir, prefix, name);
    const size = octal(at + 124, 12);
    const mode = octal(at + 100, 8);
    const type = text(at + 156, 1);
    if (type === '5') await mkdir(path, { recursive: true, mode });
    else if (type === '0' || type === '') {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, tar.subarray(at + 512, at + 512 + size), { mode });
    } else
      throw new Error(
        `The PGlite image holds an entry of tar type "${type}" (${name}): only files and folders are written.`,
      );
    at += 512 + Math.ceil(size / 512) * 512;
  }
}

/** Both engines: every repository test runs on each, with the same migrations and queries. */
export const testEngines: readonly TestEngine[] = [
  { name: 'pglite', open: openFreshPglite },
  { name: 'postgres', open: openFreshPostgres },
];
