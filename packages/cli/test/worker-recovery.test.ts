import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { JetStreamBus } from '@vigie/bus';
import { segmentKey, systemClock, type CameraHealth } from '@vigie/core';
import type { VigieDatabase } from '@vigie/db';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { buildApp, type VigieApp } from '@vigie/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { killProcessesUsing, processesUsing } from '../src/bench/orphans.js';
import { addAuthorisedCamera, loginAs } from '../../server/test/support.js';

const natsUrl = process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const cli = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface WorkerProcess {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  exited: Promise<void>;
}

/** Ids of the live processes whose parent is `pid` (a worker's ffmpeg children, setpriv having exec'd them). */
async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '');
    if (/^PPid:\s*(\d+)/m.exec(status)?.[1] === String(pid) && !/^State:\s*Z/m.test(status)) found.push(Number(name));
  }
  return found;
}

/** Whether a process runs (a zombie does not). */
async function running(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return status !== '' && !/^State:\s*Z/m.test(status);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * A `vigie worker` process killed with SIGKILL mid-recording loses no recorded video: restarted, it stores
 * and reports what its spool holds (the server's spool recovery, shared) and reports the files it stored
 * but never reported, and its ffmpeg children die with it.
 */
describe('vigie worker: spool recovered after SIGKILL, camera sources re-checked', () => {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const secret = randomBytes(24).toString('hex');
  let dir: string;
  let cameras: FakeRtspCamera[] = [];
  let app: VigieApp | undefined;
  let bus: JetStreamBus | undefined;
  let database: VigieDatabase | undefined;
  let closeDatabase: (() => Promise<void>) | undefined;
  let databaseUrl = '';
  const spawned: WorkerProcess[] = [];
  let refusedId = '';
  let refusedUrl = '';
  const recordedIds: string[] = [];

  const spawnWorker = async (): Promise<WorkerProcess> => {
    const child = spawn(process.execPath, [cli, 'worker'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NATS_URL: natsUrl,
        VIGIE_NODE_SECRET: secret,
        VIGIE_DATA_DIR: join(dir, 'worker'),
        VIGIE_BUS_PREFIX: prefix,
        VIGIE_WORKER_CAPACITY: '4',
        VIGIE_SEGMENT_SECONDS: '1',
        // Narrower than the server's 127.0.0.0/8: the camera on 127.0.0.2 is the worker's to refuse.
        VIGIE_CAMERA_NETWORKS: '127.0.0.1/32',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) => {
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          lines.push({ message: line });
        }
      });
    const worker = { child, lines, exited: new Promise<void>((resolve) => child.once('exit', () => resolve())) };
    spawned.push(worker);
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`worker exited: ${JSON.stringify(lines.slice(-5))}`);
      return lines.some((l) => l['message'] === 'worker started');
    }, 90_000);
    return worker;
  };

  const indexedKeys = async (): Promise<Set<string>> =>
    new Set((await sql<{ key: string }>`select key from segments`.execute(database!.db)).rows.map((r) => r.key));

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first (npm test does).`);
    dir = await mkdtemp(join(tmpdir(), 'vigie-worker-kill-'));
    const clip = await renderTestClip({ dir, seconds: 60 });
    cameras = await Promise.all([0, 1].map(() => startFakeRtspCamera(clip)));
    const fresh = await openFreshPostgresWithUrl();
    databaseUrl = fresh.url;
    database = fresh.database;
    closeDatabase = () => fresh.database.close();
    bus = await JetStreamBus.connect({ url: natsUrl, prefix });
    app = await buildApp({
      database: fresh.database,
      clock: systemClock,
      webRoot: '/nonexistent',
      mediaDir: join(dir, 'server'),
      bus,
      workers: 'remote',
      nodeSecret: secret,
      sourcePolicy: { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] },
    });
    await app.background.start();
    // A camera the server's policy accepts and the workers' refuses (as if the bus or the database said so).
    refusedUrl = cameras[0]!.url.replace('127.0.0.1', '127.0.0.2');
    const sources = [...cameras.map((c) => c.url), refusedUrl];
    for (const [i, sourceUrl] of sources.entries()) {
      // One analysed camera: its analysis process must not outlive the worker either.
      const id = await addAuthorisedCamera(app, `Rue ${i}`, sourceUrl, i === 0 ? ['people_count'] : []);
      if (sourceUrl === refusedUrl) refusedId = id;
      else recordedIds.push(id);
    }
  }, 240_000);

  afterAll(async () => {
    for (const w of spawned) w.child.kill('SIGKILL');
    await Promise.all(spawned.map((w) => w.exited));
    killProcessesUsing(dir);
    await app?.http.close();
    await bus?.destroy();
    await closeDatabase?.();
    await Promise.all(cameras.map((c) => c.stop()));
    await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('reports the worker’s measured stream health, indexes every segment file the killed worker wrote, and leaves no ffmpeg behind', async () => {
    const first = await spawnWorker();
    const pid = first.child.pid!;
    // Mid-recording: both cameras recorded, the analysed one analysed (its own ffmpeg reads the recorder's tap).
    await until(async () => {
      const rows = (
        await sql<{ n: number }>`select count(distinct camera_id)::int as n from segments`.execute(database!.db)
      ).rows[0]!.n;
      return rows === 2 && (await childrenOf(pid)).length >= 3;
    }, 60_000);
    // The server records nothing itself: the health it reports is what the worker measured and sent with its segments.
    const supervisor = await loginAs(app!, ['supervisor']);
    const health = async (cameraId: string): Promise<CameraHealth> =>
      (await app!.http.inject({ method: 'GET', url: `/api/cameras/${cameraId}/health`, headers: supervisor })).json();
    await until(async () => {
      const all = await Promise.all(recordedIds.map(health));
      return all.every((h) => h.state !== 'unknown' && (h.measures.fps ?? 0) > 5 && (h.measures.bitrateKbps ?? 0) > 0);
    }, 30_000);
    expect((await health(refusedId)).state).toBe('unknown');
    const children = await childrenOf(pid);
    first.child.kill('SIGKILL');
    await first.exited;
    // The parent-death signal ends every ffmpeg child: recorders close their segment in progress.
    await until(async () => !(await Promise.all(children.map(running))).some(Boolean), 10_000).catch(() => undefined);
    const orphans = (await Promise.all(children.map(async (c) => ((await running(c)) ? c : undefined)))).filter(
      (c) => c !== undefined,
    );
    expect(orphans).toEqual([]);
    const spool = join(dir, 'worker', 'recordings', '.spool');
    const leftInSpool = (await filesUnder(spool)).filter((f) => f.endsWith('.mp4'));
    const unindexedAtKill = (await filesUnder(join(dir, 'worker', 'recordings'))).filter(
      (f) => !f.startsWith('.') && f.endsWith('.mp4'),
    );
    expect(leftInSpool.length).toBeGreaterThan(0);
    // A kill between storing a file and its report leaving the worker: a file stored right after the newest
    // indexed one (a copy of it, its time set to its end as the recorder does), which no report ever named.
    let count = -1;
    await until(async () => {
      const now = (await sql<{ n: number }>`select count(*)::int as n from segments`.execute(database!.db)).rows[0]!.n;
      const settled = now === count;
      count = now;
      if (!settled) await sleep(1000);
      return settled;
    }, 15_000);
    const newest = (
      await sql<{ camera_id: string; key: string; started_at: Date; ended_at: Date }>`
        select camera_id, key, started_at, ended_at from segments order by started_at desc limit 1`.execute(
        database!.db,
      )
    ).rows[0]!;
    const storageRoot = join(dir, 'worker', 'recordings');
    const unreportedStart = new Date(newest.ended_at.getTime() + 10);
    const unreportedEnd = new Date(unreportedStart.getTime() + newest.ended_at.getTime() - newest.started_at.getTime());
    const unreportedKey = segmentKey(newest.camera_id, unreportedStart);
    await mkdir(dirname(join(storageRoot, unreportedKey)), { recursive: true });
    await copyFile(join(storageRoot, newest.key), join(storageRoot, unreportedKey));
    await utimes(join(storageRoot, unreportedKey), unreportedEnd, unreportedEnd);

    const second = await spawnWorker();
    const recovered = second.lines.find((l) => l['message'] === 'recording spool recovered');
    expect(recovered).toBeDefined();
    expect(Number(recovered!['indexed']) + Number(recovered!['quarantined'])).toBe(leftInSpool.length);
    const unreported = second.lines.find((l) => l['message'] === 'unreported segments reported');
    expect(Number(unreported?.['reported'])).toBeGreaterThanOrEqual(1);
    await until(async () => (await indexedKeys()).has(unreportedKey), 15_000);
    // Stopped gracefully: its own last segments stored and reported too, nothing left recording.
    second.child.kill('SIGTERM');
    await second.exited;
    expect(processesUsing(join(dir, 'worker'), 'ffmpeg')).toEqual([]);
    const stored = (await filesUnder(join(dir, 'worker', 'recordings'))).filter(
      (f) => !f.startsWith('.') && f.endsWith('.mp4'),
    );
    // Every stored file has its index row (reported over JetStream, stored by the server).
    let missing: string[] = [];
    await until(async () => {
      const indexed = await indexedKeys();
      missing = stored.filter((key) => !indexed.has(key));
      return missing.length === 0;
    }, 15_000).catch(() => undefined);
    expect(missing).toEqual([]);
    expect(await filesUnder(spool)).toEqual([]);
    const quarantined = await filesUnder(join(dir, 'worker', 'recordings', '.quarantine'));
    console.info(
      `worker kill -9: ${children.length} ffmpeg child(ren), ${orphans.length} left running; spool held ${leftInSpool.length} segment(s): ${String(recovered!['indexed'])} indexed, ${quarantined.length} quarantined; ${String(unreported?.['reported'])} stored but unreported, reported at restart; ${stored.length} stored file(s) (${unindexedAtKill.length} at the kill), ${missing.length} unindexed`,
    );
  }, 240_000);

  it('refuses to pull a camera whose source its own policy refuses, and reports why as the camera’s status', async () => {
    const worker = await spawnWorker();
    let status: { state: string; reason: string | null } | undefined;
    await until(async () => {
      status = (
        await sql<{ state: string; reason: string | null }>`
          select state, reason from camera_status where camera_id = ${refusedId}`.execute(database!.db)
      ).rows[0];
      // This worker's own refusal: the status may still be the `error` a worker of the test before reported.
      return status?.state === 'error' && refusals(worker) > 0;
    }, 30_000).catch(() => undefined);
    expect(status?.state).toBe('error');
    expect(status?.reason).toContain('a loopback address (this machine) (127.0.0.2)');
    expect(status?.reason).toContain('VIGIE_CAMERA_NETWORKS');
    expect(refusals(worker)).toBe(1);
    // The other cameras record: nothing ever opened the refused source.
    await until(async () => (await childrenOf(worker.child.pid!)).length >= 3, 30_000);
    expect(processesUsing('127.0.0.2', 'ffmpeg')).toEqual([]);
    const refusedSegments = await sql<{ n: number }>`
      select count(*)::int as n from segments where camera_id = ${refusedId}`.execute(database!.db);
    expect(refusedSegments.rows[0]!.n).toBe(0);
    console.info(`worker source policy: refused with "${status?.reason ?? ''}"`);
    worker.child.kill('SIGTERM');
    await worker.exited;
  }, 120_000);
});

/** How many times a worker logged that its source policy refused a camera (once per camera and reason). */
function refusals(worker: { lines: Record<string, unknown>[] }): number {
  return worker.lines.filter((l) => l['message'] === 'camera refused by the source policy').length;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await sleep(200);
  }
}
