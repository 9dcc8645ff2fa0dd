import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type VigieDatabase } from './database.js';

/** A database engine the test suite runs against. */
export interface TestEngine {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, migrated, empty database; close it to drop it. */
  open(): Promise<VigieDatabase>;
}

/** The PostgreSQL server tests use: TEST_DATABASE_URL, or the local server's `test` database. */
export const testPostgresUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, migrated PostgreSQL database and its URL (for tests that start other processes on it); close drops it. */
export async function openFreshPostgresWithUrl(): Promise<{ database: VigieDatabase; url: string }> {
  let url = '';
  const database = await openFreshPostgres((u) => (url = u));
  return { database, url };
}

async function openFreshPostgres(onUrl?: (url: string) => void): Promise<VigieDatabase> {
  const name = `vigie_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is required by the test suite and is not reachable at ${testPostgresUrl}: ${String(error)}. Start it (bash .ci/run does) or set TEST_DATABASE_URL.`,
    );
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  onUrl?.(url.toString());
  const database = await openDatabase({ url: url.toString() });
  await migrateToLatest(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function openFreshPglite(): Promise<VigieDatabase> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  return database;
}

/** Both engines: every repository test runs on each, with the same migrations and queries. */
export const testEngines: readonly TestEngine[] = [
  { name: 'pglite', open: openFreshPglite },
  { name: 'postgres', open: () => openFreshPostgres() },
];
