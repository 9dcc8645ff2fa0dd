// Part of `npm run bench:video` (issue 11): does history slow live view and playback? Through the real
// HTTP routes, with 30 days of 4 s segments (the recorder's length) indexed for 64 cameras — 41.5 million
// synthetic rows, bulk-inserted with generate_series — on PostgreSQL and on the embedded database (PGlite):
// latency of a live playlist poll, and of opening a 1 h playback (open + first playlist). Goal p95 < 50 ms.
// Baselines in the same run: an authenticated request doing no video work, the same requests on a camera with
// 2 h indexed (history that does not slow requests leaves them equal), and the per-request count over the
// camera's history that the live playlist used to make.
// Sizes: BENCH_HISTORY_CAMERAS (64), BENCH_HISTORY_DAYS (30), BENCH_HISTORY_ENGINES (postgres,pglite),
// BENCH_HISTORY_ROUNDS (100).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { definedOnly, systemClock } from '@vigie/core';
import { migrateToLatest, openDatabase, type VigieDatabase } from '@vigie/db';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { buildApp, type VigieApp } from '@vigie/server';
import { sql } from 'kysely';
import { benchOperator, fillSegmentHistory, registerBenchCameras } from './bench-cameras.js';

const cameraCount = Number(process.env['BENCH_HISTORY_CAMERAS'] ?? 64);
const days = Number(process.env['BENCH_HISTORY_DAYS'] ?? 30);
const engines = (process.env['BENCH_HISTORY_ENGINES'] ?? 'postgres,pglite').split(',');
const rounds = Number(process.env['BENCH_HISTORY_ROUNDS'] ?? 100);
const segmentMs = 4000;
const out = (line: string) => process.stdout.write(`${line}\n`);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function expectOk(response: Promise<{ statusCode: number; body: string }>): Promise<string> {
  const { statusCode, body } = await response;
  if (statusCode >= 300) throw new Error(`HTTP ${statusCode}: ${body.slice(0, 200)}`);
  return body;
}

/**
 * Registers authorised cameras and an operator assigned to them, and one more camera, the baseline, whose
 * history will be two hours long; returns their ids and the operator's token header.
 */
async function setUp(
  app: VigieApp,
): Promise<{ cameraIds: string[]; freshId: string; headers: Record<string, string> }> {
  const urls = Array.from({ length: cameraCount + 1 }, (_, i) => `rtsp://192.0.2.10:554/bench${i}`);
  const [freshId = '', ...cameraIds] = await registerBenchCameras(app, urls);
  return { cameraIds, freshId, headers: await benchOperator(app, [freshId, ...cameraIds]) };
}

/** Latency of a live playlist poll and of a 1 h playback open + playlist on a camera. */
function viewer(app: VigieApp, headers: Record<string, string>) {
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    expectOk(app.http.inject({ method, url, headers, ...definedOnly({ payload }) }));
  return {
    floor: () => timed(() => inject('GET', '/api/auth/me')),
    live: async (cameraId: string): Promise<number> => {
      const opened = JSON.parse(await inject('POST', `/api/cameras/${cameraId}/live`)) as { playlistUrl: string };
      await inject('GET', opened.playlistUrl);
      return timed(() => inject('GET', opened.playlistUrl));
    },
    playback: (cameraId: string, fromMs: number): Promise<number> => {
      const range = { from: new Date(fromMs).toISOString(), to: new Date(fromMs + 3_600_000).toISOString() };
      return timed(async () => {
        const session = JSON.parse(
          await inject('POST', `/api/cameras/${cameraId}/playback`, { ...range, reason: 'Bench: history latency' }),
        ) as { playlistUrl: string };
        await inject('GET', session.playlistUrl);
      });
    },
  };
}

async function measure(app: VigieApp, database: VigieDatabase, engine: string): Promise<void> {
  const { cameraIds, freshId, headers } = await setUp(app);
  const endMs = Date.now() + 30 * 60_000;
  const started = performance.now();
  // 30 days of contiguous 4 s segments per camera, ending a little after now (so the live window is full).
  const rows = await fillSegmentHistory(database, cameraIds, { days, endMs, segmentMs });
  await fillSegmentHistory(database, [freshId], { days: 2 / 24, endMs, segmentMs });
  const size = await sql<{ bytes: string | number }>`select pg_total_relation_size('segments') as bytes`.execute(
    database.db,
  );
  out(
    `${engine}: ${rows.toLocaleString('en')} segments indexed in ${((performance.now() - started) / 1000).toFixed(0)} s ` +
      `(table and indexes ${(Number(size.rows[0]?.bytes) / 2 ** 30).toFixed(1)} GiB)`,
  );
  const pick = (i: number): string => cameraIds[(i * 7919) % cameraIds.length] ?? '';
  const view = viewer(app, headers);
  const samples = { floor: [], live: [], playback: [], freshLive: [], freshPlayback: [], oldCount: [] } as Record<
    'floor' | 'live' | 'playback' | 'freshLive' | 'freshPlayback' | 'oldCount',
    number[]
  >;
  for (let i = 0; i < rounds; i++) {
    const cameraId = pick(i);
    samples.floor.push(await view.floor());
    samples.live.push(await view.live(cameraId));
    samples.freshLive.push(await view.live(freshId));
    // A random hour of the 30 days; the baseline camera's last full hour.
    const back = Math.floor((((i * 104_729) % 1000) / 1000) * (days * 86_400_000 - 7_200_000));
    samples.playback.push(await view.playback(cameraId, endMs - 3_600_000 - back));
    samples.freshPlayback.push(await view.playback(freshId, endMs - 5_400_000));
    if (i % 10 === 0)
      samples.oldCount.push(
        await timed(async () => {
          await sql`select count(*) from segments where camera_id = ${cameraId}::uuid and started_at < ${new Date(endMs - 30_000)}`.execute(
            database.db,
          );
        }),
      );
  }
  const row = (what: string, values: number[]) =>
    out(`| ${engine} | ${what} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} |`);
  out('| engine | request | p50 ms | p95 ms |');
  out('| --- | --- | --- | --- |');
  row('floor: an authenticated request doing no video work (GET /api/auth/me)', samples.floor);
  row(`live playlist poll, ${days} days indexed`, samples.live);
  row('live playlist poll, baseline camera with 2 h indexed', samples.freshLive);
  row(`1 h playback open + playlist, ${days} days indexed`, samples.playback);
  row('1 h playback open + playlist, baseline camera with 2 h indexed', samples.freshPlayback);
  row('the count per live poll the playlist no longer makes', samples.oldCount);
  const ratio = (a: number[], b: number[]) => (percentile(a, 50) / percentile(b, 50)).toFixed(2);
  const worst = Math.max(percentile(samples.live, 95), percentile(samples.playback, 95));
  // The load tells whether a missed goal is this code's or the neighbours' (the floor and baseline move with it).
  out(
    `${engine}: p50 ${days} days / 2 h: live ${ratio(samples.live, samples.freshLive)}×, ` +
      `playback ${ratio(samples.playback, samples.freshPlayback)}×; worst p95 ${worst.toFixed(1)} ms ` +
      `(goal < 50 ms): ${worst < 50 ? 'met' : 'NOT met'}; load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ` +
      `${availableParallelism()} cores`,
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'vigie-bench-history-'));
try {
  out(`History bench: ${cameraCount} cameras × ${days} days of ${segmentMs / 1000} s segments, ${rounds} rounds.`);
  for (const engine of engines) {
    const database =
      engine === 'postgres'
        ? (await openFreshPostgresWithUrl()).database
        : await openDatabase({ dataDir: join(dataDir, 'pglite') });
    if (engine !== 'postgres') await migrateToLatest(database.db);
    const app = await buildApp({ database, clock: systemClock, webRoot: '/nonexistent', mediaDir: dataDir });
    try {
      await measure(app, database, engine);
    } finally {
      await app.http.close();
      await database.close();
    }
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
