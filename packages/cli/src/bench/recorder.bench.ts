// Part of `npm run bench:video` (issue 11): the whole recorder — Vigie's server recording N cameras (ffmpeg
// processes, supervisor, segment lists, hashing, storage, batched index writes in the embedded database,
// live streams) — against bare `ffmpeg -c copy -f segment` with the same muxer options on the same
// sources, side by side over the same window (both see the same load from other jobs on the machine; one after
// the other, bare ffmpeg's own cost moved by ±30 % between the two windows on the shared 2-core machine).
// Sources: one 1080p25 H.264 clip (2 s GOP) replayed in real time (-re) by every camera. CPU: user+system time
// of the Node process and of its ffmpeg children over the window, per camera, the bare processes apart.
// Uptime: the same cameras again with 7 days of segments already indexed per camera.
// Sizes: BENCH_RECORDER_CAMERAS (4,16,64), BENCH_RECORDER_WINDOW_S (30), BENCH_RECORDER_DAYS (7).
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@vigie/core';
import { migrateToLatest, openDatabase } from '@vigie/db';
import {
  demoClipArgs,
  locateFfmpeg,
  probeFfmpeg,
  recordArgs,
  runFfmpeg,
  sourceInputArgs,
  supervisedLogArgs,
} from '@vigie/media';
import { buildApp } from '@vigie/server';
import { sql } from 'kysely';
import { fillSegmentHistory, registerBenchCameras } from './bench-cameras.js';

const counts = (process.env['BENCH_RECORDER_CAMERAS'] ?? '4,16,64').split(',').map(Number);
const windowMs = Number(process.env['BENCH_RECORDER_WINDOW_S'] ?? 30) * 1000;
const uptimeDays = Number(process.env['BENCH_RECORDER_DAYS'] ?? 7);
const warmUpMs = 15_000;
const idleMs = 10_000;
const segmentMs = 4000;
const ticksPerSecond = 100; // USER_HZ on Linux
const pageBytes = 4096;
const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProcessSample {
  cpuSeconds: number;
  rssBytes: number;
}

/** CPU time and RSS of every live descendant of `root`, read from /proc. */
async function descendants(root: number): Promise<Map<number, ProcessSample>> {
  const parents = new Map<number, number>();
  const samples = new Map<number, ProcessSample>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15) … rss(24).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    parents.set(Number(name), Number(fields[1]));
    samples.set(Number(name), {
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticksPerSecond,
      rssBytes: Number(fields[21]) * pageBytes,
    });
  }
  const below = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return new Map([...samples].filter(([pid]) => below(pid)));
}

interface Measured {
  /** Cores used per camera over the window, children and (for Vigie) the Node process. */
  coresPerCamera: number;
  /** Of which the Node process. */
  nodeCoresPerCamera: number;
  rssPerCameraMb: number;
}

/**
 * Samples CPU over the window, children present at both ends: the bare ffmpeg processes (`barePids`) apart, and
 * Vigie's (every other child) with this process, which runs the server.
 */
async function window(cameras: number, barePids: ReadonlySet<number>): Promise<{ vigie: Measured; bare: Measured }> {
  const before = await descendants(process.pid);
  const nodeBefore = process.cpuUsage();
  await sleep(windowMs);
  const nodeUsed = process.cpuUsage(nodeBefore);
  const after = await descendants(process.pid);
  const children = { vigie: 0, bare: 0 };
  const rss = { vigie: process.memoryUsage().rss, bare: 0 };
  for (const [pid, end] of after) {
    const side = barePids.has(pid) ? 'bare' : 'vigie';
    const start = before.get(pid);
    if (start !== undefined) children[side] += end.cpuSeconds - start.cpuSeconds;
    rss[side] += end.rssBytes;
  }
  const node = (nodeUsed.user + nodeUsed.system) / 1e6;
  const seconds = windowMs / 1000;
  return {
    vigie: {
      coresPerCamera: (children.vigie + node) / seconds / cameras,
      nodeCoresPerCamera: node / seconds / cameras,
      rssPerCameraMb: rss.vigie / cameras / 2 ** 20,
    },
    bare: {
      coresPerCamera: children.bare / seconds / cameras,
      nodeCoresPerCamera: 0,
      rssPerCameraMb: rss.bare / cameras / 2 ** 20,
    },
  };
}

/** Vigie's server recording `cameras` cameras on the clip, `days` of history indexed first, beside `bare`. */
async function vigie(
  dir: string,
  clip: string,
  cameras: number,
  days: number,
  bare: BareRun,
): Promise<{
  ours: Measured & { segments: number; rows: number; idleCores: number };
  base: Measured & { segments: number };
}> {
  const dataDir = await mkdtemp(join(dir, 'vigie-'));
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  await migrateToLatest(database.db);
  const app = await buildApp({
    database,
    clock: systemClock,
    webRoot: '/nonexistent',
    mediaDir: dataDir,
    logger: false,
    sourcePolicy: { allowFiles: true, allowedNetworks: [] },
  });
  try {
    const cameraIds = await registerBenchCameras(
      app,
      Array.from({ length: cameras }, () => `file://${clip}`),
    );
    // History ends before now: recording resumes after it, as after a restart.
    const rows =
      days === 0 ? 0 : await fillSegmentHistory(database, cameraIds, { days, endMs: Date.now() - 60_000, segmentMs });
    // The server's own cost before any camera records (timers, database): paid once, not per camera.
    const idleStart = process.cpuUsage();
    await sleep(idleMs);
    const idle = process.cpuUsage(idleStart);
    const idleCores = (idle.user + idle.system) / 1e6 / (idleMs / 1000);
    const fleet = await app.startRecording();
    try {
      await sleep(warmUpMs);
      const count = async () =>
        Number((await sql<{ n: string }>`select count(*) as n from segments`.execute(database.db)).rows[0]?.n ?? 0);
      const indexedBefore = await count();
      const bareBefore = await bare.files();
      const measured = await window(cameras, bare.pids);
      return {
        ours: { ...measured.vigie, segments: (await count()) - indexedBefore, rows, idleCores },
        base: { ...measured.bare, segments: (await bare.files()) - bareBefore },
      };
    } finally {
      await fleet.stop();
    }
  } finally {
    await app.http.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Bare ffmpeg processes running beside the server. */
interface BareRun {
  pids: ReadonlySet<number>;
  /** Segment files written so far. */
  files(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts N bare ffmpeg stream copies of the clip with the recorder's own input and muxer options, no progress reports. */
async function startBare(dir: string, clip: string, cameras: number): Promise<BareRun> {
  const ffmpeg = locateFfmpeg().path;
  const capabilities = (await probeFfmpeg(ffmpeg)).capabilities;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  try {
    for (let i = 0; i < cameras; i++) {
      const outputDir = join(dir, `bare-${i}`);
      await mkdir(outputDir, { recursive: true });
      dirs.push(outputDir);
      const input = sourceInputArgs({ sourceUrl: `file://${clip}`, loop: true, ffmpeg: capabilities });
      const args = recordArgs({ input, outputDir, ffmpeg: capabilities }).slice(supervisedLogArgs(capabilities).length);
      children.push(spawn(ffmpeg, ['-hide_banner', '-nostats', '-loglevel', 'warning', ...args], { stdio: 'ignore' }));
    }
  } catch (error) {
    await stopBare(children, dirs);
    throw error;
  }
  return {
    pids: new Set(children.flatMap((child) => (child.pid === undefined ? [] : [child.pid]))),
    files: async () => (await Promise.all(dirs.map((d) => readdir(d)))).flat().length,
    stop: () => stopBare(children, dirs),
  };
}

async function stopBare(children: readonly ChildProcess[], dirs: readonly string[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
}

const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-recorder-'));
try {
  const clip = join(dir, 'camera.mp4');
  out('Rendering a 20 s 1920x1080 25 fps H.264 clip (2 s GOP), replayed in real time by every camera…');
  await runFfmpeg(
    locateFfmpeg().path,
    demoClipArgs({ output: clip, pattern: 'testsrc2', seconds: 20, width: 1920, height: 1080, fps: 25 }),
  );
  const cores = (value: number) => (value * 1000).toFixed(1);
  out(`Window ${windowMs / 1000} s after ${warmUpMs / 1000} s of warm-up; CPU in millicores per camera.`);
  out(
    '| cameras | index before | bare ffmpeg | Vigie (all) | of which Node | Vigie / bare | ' +
      'without the idle server | RSS/camera bare | RSS/camera Vigie | segments bare / Vigie |',
  );
  out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const row = async (cameras: number, days: number) => {
    const bareRun = await startBare(dir, clip, cameras);
    const { ours, base } = await vigie(dir, clip, cameras, days, bareRun).finally(() => bareRun.stop());
    out(
      `| ${cameras} | ${days === 0 ? 'empty' : `${days} days (${ours.rows.toLocaleString('en')} rows)`} | ` +
        `${cores(base.coresPerCamera)} | ${cores(ours.coresPerCamera)} | ${cores(ours.nodeCoresPerCamera)} | ` +
        `${(ours.coresPerCamera / base.coresPerCamera).toFixed(2)}× | ` +
        `${((ours.coresPerCamera - ours.idleCores / cameras) / base.coresPerCamera).toFixed(2)}× ` +
        `(idle ${cores(ours.idleCores)}) | ${base.rssPerCameraMb.toFixed(1)} MB | ` +
        `${ours.rssPerCameraMb.toFixed(1)} MB | ${base.segments} / ${ours.segments} |`,
    );
  };
  for (const cameras of counts) await row(cameras, 0);
  // Uptime: the per-camera cost with a week of segments already indexed (fewest cameras: the fill is slow).
  if (uptimeDays > 0) await row(Math.min(...counts), uptimeDays);
} finally {
  await rm(dir, { recursive: true, force: true });
}
