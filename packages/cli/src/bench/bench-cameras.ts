// Shared set-up of the benchmarks that go through the real application: authorised cameras, an
// operator's token, and a synthetic history of segments bulk-inserted in the index.
import { join } from 'node:path';
import { systemClock } from '@vigie/core';
import { migrateToLatest, openDatabase, type VigieDatabase } from '@vigie/db';
import { buildApp, type VigieApp } from '@vigie/server';
import { sql } from 'kysely';

const actor = { actorName: 'bench setup' };

/**
 * The server as the benches run it, in `dataDir`: a new embedded database (`<dataDir>/db`) migrated, media beside it,
 * no console, no log, cameras on this machine allowed. The caller closes `app.http` then `database`.
 */
export async function openBenchServer(dataDir: string): Promise<{ database: VigieDatabase; app: VigieApp }> {
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  await migrateToLatest(database.db);
  const app = await buildApp({
    database,
    clock: systemClock,
    webRoot: '/nonexistent',
    mediaDir: dataDir,
    // Logged as `vigie start` logs off a terminal (JSON lines at info), to a file: what the server writes costs here too.
    logger: { level: 'info', file: join(dataDir, 'server.log') },
    sourcePolicy: { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] },
  });
  return { database, app };
}

/** Registers cameras on these sources, each with a valid authorisation and retention of 30 days; returns their ids. */
export async function registerBenchCameras(app: VigieApp, sourceUrls: readonly string[]): Promise<string[]> {
  const year = new Date().getUTCFullYear();
  const cameraIds: string[] = [];
  for (const [i, sourceUrl] of sourceUrls.entries()) {
    const camera = await app.cameras.create(
      {
        name: `Bench ${i}`,
        sourceUrl,
        location: { lat: 50.3579, lon: 3.5233 },
        purposes: ['public_space_safety'],
        retentionDays: 30,
      } as never,
      actor,
    );
    await app.registry.record(
      camera.id,
      {
        authorisation: {
          reference: `${year}/CAB/BENCH`,
          issuedOn: `${year - 1}-01-01`,
          expiresOn: `${year + 3}-12-31`,
        },
        signage: { status: 'installed' },
        facing: 'public',
      },
      actor,
    );
    cameraIds.push(camera.id);
  }
  return cameraIds;
}

/** An operator assigned to these cameras, designated and trained (LEGAL R8: else no image); returns its token header. */
export async function benchOperator(app: VigieApp, cameraIds: readonly string[]): Promise<Record<string, string>> {
  const username = 'bench-operator';
  await app.users.create(
    { username, displayName: username, roles: ['operator'], password: 'correct horse battery staple' },
    { now: new Date(), actor },
  );
  const year = new Date().getUTCFullYear();
  await app.habilitations.record(
    username,
    {
      designationAct: 'Arrêté municipal BENCH',
      designatedOn: `${year - 1}-01-01`,
      designationExpiresOn: `${year + 3}-12-31`,
      cameraScope: [...cameraIds],
      dataProtectionTrainingOn: `${year - 1}-01-01`,
      dataProtectionTrainingExpiresOn: `${year + 3}-12-31`,
      aiLiteracyTrainingOn: `${year - 1}-01-01`,
      aiLiteracyTrainingExpiresOn: `${year + 3}-12-31`,
    },
    actor,
  );
  await app.users.assignCameras({ username, cameraIds: [...cameraIds], actor });
  const token = await app.users.createToken({ username, name: 'bench', now: new Date(), actor });
  return { authorization: `Bearer ${token}` };
}

/**
 * `days` of contiguous segments per camera ending at `endMs`, bulk-inserted with `generate_series` (one statement
 * per camera); returns the number of rows. Loaded as a dump is restored: the index on (camera, start) and the
 * unique key built once after the rows, exactly as the migration defines them (on PostgreSQL here, 9 s a camera-month
 * against 15 s maintained row by row).
 */
export async function fillSegmentHistory(
  database: VigieDatabase,
  cameraIds: readonly string[],
  options: { days: number; endMs: number; segmentMs: number },
): Promise<number> {
  const { days, endMs, segmentMs } = options;
  const perCamera = Math.floor((days * 86_400_000) / segmentMs);
  const firstMs = endMs - perCamera * segmentMs;
  await sql`drop index segments_camera_time`.execute(database.db);
  await sql`alter table segments drop constraint segments_key_key`.execute(database.db);
  try {
    for (const cameraId of cameraIds) {
      await sql`
        insert into segments (camera_id, key, started_at, ended_at, bytes, init_bytes, sha256)
        select ${cameraId}::uuid, ${cameraId} || '/' || n || '.mp4',
          to_timestamp((${firstMs}::bigint + n::bigint * ${segmentMs}) / 1000.0),
          to_timestamp((${firstMs}::bigint + (n::bigint + 1) * ${segmentMs}) / 1000.0),
          2000000, 800, ${'a'.repeat(64)}
        from generate_series(0, ${perCamera - 1}) as n`.execute(database.db);
    }
  } finally {
    await sql`alter table segments add constraint segments_key_key unique (key)`.execute(database.db);
    await sql`create index segments_camera_time on segments (camera_id, started_at)`.execute(database.db);
  }
  await sql`analyze segments`.execute(database.db);
  return perCamera * cameraIds.length;
}
