// Part of `npm run bench:video` (issue 11): does history slow live view and playback? Through the real
// HTTP routes, with 30 days of 4 s segments indexed for 64 cameras (synthetic rows, bulk inserted), on
// PostgreSQL and on the embedded database (PGlite): latency of a live playlist poll, and of opening a 1 h
// playback (open + first playlist). Goal p95 < 50 ms. Baseline in the same run: the per-request count
// over the camera's history that the live playlist used to make.
// Sizes: BENCH_HISTORY_CAMERAS (64), BENCH_HISTORY_DAYS (30), BENCH_HISTORY_ENGINES (postgres,pglite).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

async function timed(task: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function expectOk(response: Promise<{ statusCode: number; body: string }>): Promise<string> {
  const { statusCode, body } = await response;
  if (statusCode >= 300) throw new Error(`HTTP ${statusCode}: ${body.slice(0, 200)}`);
  return body;
}

/** Registers authorised cameras and an operator assigned to them; returns its token header. */
async function setUp(app: VigieApp): Promise<{ cameraIds: string[]; headers: Record<string, string> }> {
  const urls = Array.from({ length: cameraCount }, (_, i) => `rtsp://192.0.2.10:554/bench${i}`);
  const cameraIds = await registerBenchCameras(app, urls);
  return { cameraIds, headers: await benchOperator(app, cameraIds) };
}

async function measure(app: VigieApp, database: VigieDatabase, engine: string): Promise<void> {
  const { cameraIds, headers } = await setUp(app);
  const endMs = Date.now() + 30 * 60_000;
  const started = performance.now();
  // 30 days of contiguous 4 s segments per camera, ending a little after now (so the live window is full).
  const rows = await fillSegmentHistory(database, cameraIds, { days, endMs, segmentMs });
  out(
    `${engine}: ${rows.toLocaleString('en')} segments indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const pick = (i: number): string => cameraIds[(i * 7919) % cameraIds.length] ?? '';
  const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
    expectOk(app.http.inject({ method, url, headers, ...definedOnly({ payload }) }));

  const floor: number[] = [];
  const live: number[] = [];
  const playback: number[] = [];
  const oldCount: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const cameraId = pick(i);
    floor.push(
      await timed(async () => {
        await inject('GET', '/api/auth/me');
      }),
    );
    const opened = JSON.parse(await inject('POST', `/api/cameras/${cameraId}/live`)) as { playlistUrl: string };
    await inject('GET', opened.playlistUrl);
    live.push(
      await timed(async () => {
        await inject('GET', opened.playlistUrl);
      }),
    );
    // A random hour of the 30 days.
    const fromMs = endMs - 3_600_000 - Math.floor((((i * 104_729) % 1000) / 1000) * (days * 86_400_000 - 7_200_000));
    const range = { from: new Date(fromMs).toISOString(), to: new Date(fromMs + 3_600_000).toISOString() };
    playback.push(
      await timed(async () => {
        const session = JSON.parse(
          await inject('POST', `/api/cameras/${cameraId}/playback`, { ...range, reason: 'Bench: history latency' }),
        ) as { playlistUrl: string };
        await inject('GET', session.playlistUrl);
      }),
    );
    if (i % 10 === 0)
      oldCount.push(
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
  row('floor: an authenticated request doing no video work (GET /api/auth/me)', floor);
  row('live playlist poll', live);
  row('1 h playback open + playlist', playback);
  row('baseline: the count per live poll it replaced', oldCount);
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
