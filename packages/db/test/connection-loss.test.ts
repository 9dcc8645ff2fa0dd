import { isConnectionLoss, openDatabase, type VigieDatabase } from '@vigie/db';
import { openFreshPostgresWithUrl, testEngines, queryTestServer } from '@vigie/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const admin = queryTestServer;

const terminateAll = (name: string) =>
  admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
    name,
  ]);

describe('a lost PostgreSQL connection', () => {
  let fresh: { database: VigieDatabase; url: string };
  let database: VigieDatabase;
  let name: string;
  const reported: Error[] = [];
  beforeAll(async () => {
    fresh = await openFreshPostgresWithUrl();
    name = new URL(fresh.url).pathname.slice(1);
    database = await openDatabase({ url: fresh.url, onConnectionError: (error) => reported.push(error) });
  });
  afterAll(async () => {
    await admin(`alter database ${name} with allow_connections true`).catch(() => undefined);
    await database?.close();
    await fresh?.database.close();
  });

  it('never crashes the process, even inside a transaction between two queries, and the next query reconnects', async () => {
    for (let round = 0; round < 5; round += 1) {
      // A checked-out client (a transaction waiting on something else) gets the 'error' event.
      const transaction = database.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        await terminateAll(name);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await sql`select 1`.execute(trx);
      });
      const failure = await transaction.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isConnectionLoss(failure)).toBe(true);
      const again = await sql<{ n: number }>`select 1 as n`.execute(database.db);
      expect(again.rows[0]?.n).toBe(1);
    }
    expect(reported.length).toBeGreaterThanOrEqual(5);
  });

  it('is reported as unreachable while the database refuses connections, and recovers by itself', async () => {
    await admin(`alter database ${name} with allow_connections false`);
    await terminateAll(name);
    expect(await database.probe()).toMatchObject({ reachable: false });
    const failure = await sql`select 1`.execute(database.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConnectionLoss(failure)).toBe(true);
    await admin(`alter database ${name} with allow_connections true`);
    expect(await database.probe()).toEqual({ reachable: true });
  });

  it('is told apart from a wrong query, which is a bug and not an outage', async () => {
    const failure = await sql`select * from no_such_table`.execute(database.db).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(isConnectionLoss(failure)).toBe(false);
  });
});

describe.each(testEngines)('probing $name', (engine) => {
  let database: VigieDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => database?.close());

  it('answers reachable while the database answers', async () => {
    expect(await database.probe()).toEqual({ reachable: true });
  });
});
