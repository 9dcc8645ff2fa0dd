import type { VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe.each(testEngines)('fresh test databases on $name', (engine) => {
  let first: VigieDatabase;
  let second: VigieDatabase;
  beforeAll(async () => {
    first = await engine.open();
    second = await engine.open();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('are migrated to the latest schema, empty, and isolated from one another', async () => {
    const applied = await sql<{ name: string }>`select name from vigie_migrations order by name`.execute(first.db);
    expect(applied.rows.map((r) => r.name).at(-1)).toMatch(/^\d{13}-/);
    const cameras = await sql<{ n: number }>`select count(*)::int as n from cameras`.execute(first.db);
    expect(cameras.rows[0]?.n).toBe(0);
    await sql`insert into vigie_migrations (name, timestamp) values ('9999999999999-Probe', now()::text)`.execute(
      first.db,
    );
    const probe = sql<{ n: number }>`select count(*)::int as n from vigie_migrations where name like '9999%'`;
    expect((await probe.execute(first.db)).rows[0]?.n).toBe(1);
    expect((await probe.execute(second.db)).rows[0]?.n).toBe(0);
  });
});
