import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type VigieDatabase } from '@vigie/db';
import { seedMigratedPglite, testEngines } from '@vigie/db/testing';
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

describe('embedded database shared buffers', () => {
  it('are 16 MB in a test database and as asked on disk, where 128 MB stay the default', async () => {
    const inMemory = await testEngines.find((engine) => engine.name === 'pglite')!.open();
    const dir = await mkdtemp(join(tmpdir(), 'vigie-shared-buffers-'));
    try {
      const show = async (database: VigieDatabase) =>
        (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db)).rows[0]?.shared_buffers;
      expect(await show(inMemory)).toBe('16MB');
      // Data directories seeded from the migrated image: opened as on a restart, without initdb.
      await seedMigratedPglite(join(dir, 'small'));
      await seedMigratedPglite(join(dir, 'standard'));
      const small = await openDatabase({ dataDir: join(dir, 'small'), sharedBuffers: '8MB' });
      expect(await show(small)).toBe('8MB');
      await small.close();
      const standard = await openDatabase({ dataDir: join(dir, 'standard') });
      expect(await show(standard)).toBe('128MB');
      await standard.close();
    } finally {
      await inMemory.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
