// Part of `npm run bench:video` (issue 11): the whole recorder — Vigie's server recording N cameras (ffmpeg
// processes, supervisor, segment lists, hashing, storage, batched index writes in the embedded database,
// live streams) — against bare `ffmpeg -c copy -f segment` with the same muxer options on the same
// sources, side by side over the same window (both see the same load from other jobs on the machine; one after
// the other, bare ffmpeg's own cost moved by ±30 % between the two windows on the shared 2-core machine).
// Sources: RTSP cameras (over TCP, as Vigie reads them), each camera of either side its own RTSP session, served by
// a process of their own (`rtsp-cameras.ts`: ffmpeg publishing one 1080p25 H.264 clip, GOP 50, at
// BENCH_RECORDER_MBITS Mbit/s, in real time, through relays) whose cost is counted on neither side. CPU:
// user+system time of the Node process and of its ffmpeg children over the window, per camera, the bare processes
// apart. Uptime: the same cameras again with 7 days of segments already indexed per camera.
// Sizes: BENCH_RECORDER_CAMERAS (4,16,64), BENCH_RECORDER_WINDOW_S (30), BENCH_RECORDER_DAYS (7), BENCH_RECORDER_MBITS (2).
// BENCH_RECORDER_ORDER=vigie-first: Vigie's cameras connect first (default: bare ffmpeg's).
// BENCH_RECORDER_PROFILE_DIR: also writes a CPU profile of the Node process over each window there.
// `npm run bench:video` runs it as `vigie` runs the server, `node --no-memory-reducer --expose-gc`; its first line says so.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  demoClipArgs,
  locateFfmpeg,
  probeFfmpeg,
  recordArgs,
  runFfmpeg,
  sourceInputArgs,
  supervisedLogArgs,
} from '@vigie/media';
import { sql } from 'kysely';
import { fillSegmentHistory, openBenchServer, registerBenchCameras } from './bench-cameras.js';

const counts = (process.env['BENCH_RECORDER_CAMERAS'] ?? '4,16,64').split(',').map(Number);
const windowMs = Number(process.env['BENCH_RECORDER_WINDOW_S'] ?? 30) * 1000;
const uptimeDays = Number(process.env['BENCH_RECORDER_DAYS'] ?? 7);
const mbits = Number(process.env['BENCH_RECORDER_MBITS'] ?? 2);
/** Vigie's cameras connect to the sources before bare ffmpeg's (`BENCH_RECORDER_ORDER=vigie-first`), to check neither side gains by its place. */
const vigieFirst = process.env['BENCH_RECORDER_ORDER'] === 'vigie-first';
/** Where to write a CPU profile of the Node process over each window (`<dir>/recorder-<row>-<cameras>.cpuprofile`), if set. */
const profileDir = process.env['BENCH_RECORDER_PROFILE_DIR'];
let profiledRows = 0;
/** RTSP sessions one relay serves (each relay has its own publisher and, in its process, shares one core). */
const readersPerRelay = 64;
const warmUpMs = 15_000;
/** How the helper threads' settling is judged after the warm-up (`helpersSettled`). */
const helpersProbeMs = 5000;
const settledHelperCoresPerCamera = 0.0002;
const helpersSettleMaxMs = 90_000;
const idleMs = 10_000;
/**
 * An idle server settled below this (cores): just after the process's first start its new code (the embedded
 * database's WebAssembly, the server's JavaScript) is still compiled and optimised in the background, 13 millicores
 * over the first idle 10 s, which a first row would count as the cameras' (4 cameras: 2.5 millicores of Node per
 * camera, 0.9 in a second row); after a row, the last server's leftovers can still cost a millicore or more.
 */
const settledCores = 0.001;
/** Longest wait for the idle server to settle. */
const settleMaxMs = 120_000;
const segmentMs = 4000;
const ticksPerSecond = 100; // USER_HZ on Linux
const pageBytes = 4096;
const out = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProcessSample {
  cpuSeconds: number;
  rssBytes: number;
  /** Its parent, the parent's parent…, up to `root` (excluded). */
  ancestors: number[];
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
      ancestors: [],
    });
  }
  const below = new Map<number, ProcessSample>();
  for (const [pid, sample] of samples) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        below.set(pid, sample);
        break;
      }
      sample.ancestors.push(p);
    }
  }
  return below;
}

/**
 * CPU seconds of this process's threads: its JavaScript thread, and the others together (V8's compilers and
 * garbage collector, libuv's pool; Node 20 names them all "node", so they are not told apart).
 */
async function threadCpu(): Promise<Record<ThreadKind, number>> {
  const byKind = { main: 0, helpers: 0 };
  for (const tid of await readdir('/proc/self/task').catch(() => [])) {
    const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byKind[Number(tid) === process.pid ? 'main' : 'helpers'] +=
      (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  }
  return byKind;
}

/** The Node process's threads as the bench tells them apart (`threadCpu`). */
type ThreadKind = 'main' | 'helpers';

/**
 * After the warm-up, waits (up to `helpersSettleMaxMs`) until the helper threads are settled (under
 * `settledHelperCoresPerCamera` over `helpersProbeMs`), so that a window does not begin while a new server still
 * compiles its hot code in the background. What they cost after that is steady: in a small process, V8's memory
 * reducer (docs/sizing.md). Returns how long it waited.
 */
async function helpersSettled(cameras: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = (await threadCpu()).helpers;
    await sleep(helpersProbeMs);
    const cores = ((await threadCpu()).helpers - before) / (helpersProbeMs / 1000);
    if (cores / cameras <= settledHelperCoresPerCamera || Date.now() - started >= helpersSettleMaxMs)
      return Date.now() - started;
  }
}

interface Measured {
  /** Cores used per camera over the window, children and (for Vigie) the Node process. */
  coresPerCamera: number;
  /** Of which the Node process. */
  nodeCoresPerCamera: number;
  /** The Node process's cores per camera by thread kind (`threadCpu`). */
  nodeThreads: Record<ThreadKind, number>;
  rssPerCameraMb: number;
}

/**
 * Samples CPU over the window, children present at both ends: the bare ffmpeg processes (`barePids`) apart, the
 * RTSP cameras (`camerasPid` and its descendants) apart, and Vigie's (every other child) with this process, which
 * runs the server.
 */
async function window(
  cameras: number,
  barePids: ReadonlySet<number>,
  camerasPid: number,
): Promise<{ vigie: Measured; bare: Measured; sourceCores: number; load: number }> {
  const profiler = profileDir === undefined ? undefined : new Session();
  if (profiler !== undefined) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    // Every 5 ms rather than every millisecond: the profiler's own thread costs less than the cameras it measures.
    await profiler.post('Profiler.setSamplingInterval', { interval: 5000 });
    await profiler.post('Profiler.start');
  }
  const before = await descendants(process.pid);
  const nodeBefore = process.cpuUsage();
  const threadsBefore = await threadCpu();
  await sleep(windowMs);
  const nodeUsed = process.cpuUsage(nodeBefore);
  const threadsAfter = await threadCpu();
  const after = await descendants(process.pid);
  const load = loadavg()[0] ?? 0;
  if (profiler !== undefined && profileDir !== undefined) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(join(profileDir, `recorder-${++profiledRows}-${cameras}.cpuprofile`), JSON.stringify(profile));
    profiler.disconnect();
  }
  const children = { vigie: 0, bare: 0, sources: 0 };
  const rss = { vigie: process.memoryUsage().rss, bare: 0, sources: 0 };
  for (const [pid, end] of after) {
    const side =
      pid === camerasPid || end.ancestors.includes(camerasPid) ? 'sources' : barePids.has(pid) ? 'bare' : 'vigie';
    const start = before.get(pid);
    if (start !== undefined) children[side] += end.cpuSeconds - start.cpuSeconds;
    rss[side] += end.rssBytes;
  }
  const node = (nodeUsed.user + nodeUsed.system) / 1e6;
  const seconds = windowMs / 1000;
  const perCamera = (kind: keyof typeof threadsAfter) => (threadsAfter[kind] - threadsBefore[kind]) / seconds / cameras;
  const nodeThreads = { main: perCamera('main'), helpers: perCamera('helpers') };
  return {
    vigie: {
      coresPerCamera: (children.vigie + node) / seconds / cameras,
      nodeCoresPerCamera: node / seconds / cameras,
      nodeThreads,
      rssPerCameraMb: rss.vigie / cameras / 2 ** 20,
    },
    bare: {
      coresPerCamera: children.bare / seconds / cameras,
      nodeCoresPerCamera: 0,
      nodeThreads: { main: 0, helpers: 0 },
      rssPerCameraMb: rss.bare / cameras / 2 ** 20,
    },
    sourceCores: children.sources / seconds,
    load,
  };
}

/**
 * Vigie's server recording these cameras, `days` of history indexed first, beside bare ffmpeg (`startBareSide`),
 * whose cameras connect first unless `vigieFirst`.
 */
async function vigie(
  dir: string,
  sources: RtspCameras,
  urls: readonly string[],
  days: number,
  startBareSide: () => Promise<BareRun>,
): Promise<{
  ours: Measured & { segments: number; rows: number; idleCores: number; settledAfterMs: number };
  base: Measured & { segments: number };
  sourceCores: number;
  load: number;
}> {
  const cameras = urls.length;
  let bare = vigieFirst ? undefined : await startBareSide();
  try {
    const dataDir = await mkdtemp(join(dir, 'vigie-'));
    const { database, app } = await openBenchServer(dataDir);
    try {
      const cameraIds = await registerBenchCameras(app, urls);
      // History ends before now: recording resumes after it, as after a restart.
      const rows =
        days === 0 ? 0 : await fillSegmentHistory(database, cameraIds, { days, endMs: Date.now() - 60_000, segmentMs });
      // As `vigie start` once the server is up, where Node exposes it (`npm run bench:video`): one full collection, which
      // also gives back the database the row before closed (the reducer being off, it would wait for the next one).
      globalThis.gc?.();
      // The server's own cost before any camera records (timers, database), once settled: paid once, not per camera.
      let idleCores = Infinity;
      for (const settleUntil = Date.now() + settleMaxMs; idleCores > settledCores && Date.now() < settleUntil;) {
        const idleStart = process.cpuUsage();
        await sleep(idleMs);
        const idle = process.cpuUsage(idleStart);
        idleCores = (idle.user + idle.system) / 1e6 / (idleMs / 1000);
      }
      const fleet = await app.startRecording();
      try {
        bare ??= await startBareSide();
        await sleep(warmUpMs);
        const settledAfterMs = await helpersSettled(cameras);
        const count = async () =>
          Number((await sql<{ n: string }>`select count(*) as n from segments`.execute(database.db)).rows[0]?.n ?? 0);
        const indexedBefore = await count();
        const bareBefore = await bare.files();
        const measured = await window(cameras, bare.pids, sources.pid);
        return {
          ours: { ...measured.vigie, segments: (await count()) - indexedBefore, rows, idleCores, settledAfterMs },
          base: { ...measured.bare, segments: (await bare.files()) - bareBefore },
          sourceCores: measured.sourceCores,
          load: measured.load,
        };
      } finally {
        await fleet.stop();
      }
    } finally {
      await app.http.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  } finally {
    await bare?.stop();
  }
}

/** Bare ffmpeg processes running beside the server. */
interface BareRun {
  pids: ReadonlySet<number>;
  /** Segment files written so far. */
  files(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts bare ffmpeg stream copies of these cameras with the recorder's own input and muxer options, no progress reports. */
async function startBare(dir: string, urls: readonly string[]): Promise<BareRun> {
  const ffmpeg = locateFfmpeg().path;
  const capabilities = (await probeFfmpeg(ffmpeg)).capabilities;
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  try {
    for (const [i, sourceUrl] of urls.entries()) {
      const outputDir = join(dir, `bare-${i}`);
      await mkdir(outputDir, { recursive: true });
      dirs.push(outputDir);
      const input = sourceInputArgs({ sourceUrl, ffmpeg: capabilities });
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

/** The RTSP cameras' process (`rtsp-cameras.ts`). */
interface RtspCameras {
  pid: number;
  /** The URL of a camera of its own (its own RTSP session) for each name, spread over the relays. */
  urls(names: readonly string[]): string[];
  stop(): Promise<void>;
}

/** Starts the process serving the clip as RTSP cameras, enough relays for `readers` sessions at once. */
async function startRtspCameras(clip: string, readers: number): Promise<RtspCameras> {
  const relays = Math.max(1, Math.ceil(readers / readersPerRelay));
  const script = join(dirname(fileURLToPath(import.meta.url)), 'rtsp-cameras.js');
  const child = spawn(process.execPath, [script, clip, String(relays)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit').then(() => {
    throw new Error(`the RTSP cameras' process exited before serving / le processus des caméras RTSP s'est arrêté`);
  });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), 'line'), exited])) as [string];
  const { ports } = JSON.parse(line) as { ports: number[] };
  return {
    pid: child.pid ?? 0,
    urls: (names) => names.map((name, i) => `rtsp://127.0.0.1:${ports[i % ports.length] ?? 0}/${name}`),
    stop: async () => {
      exited.catch(() => undefined);
      child.stdin.end();
      await once(child, 'exit');
    },
  };
}

const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-recorder-'));
try {
  const clip = join(dir, 'camera.mp4');
  out(
    `Rendu d'un clip H.264 1920x1080 25 i/s de 20 s (GOP 50, ${mbits} Mbit/s), servi en RTSP en temps réel… / ` +
      `Rendering a 20 s 1920x1080 25 fps H.264 clip (GOP 50, ${mbits} Mbit/s), served over RTSP in real time…`,
  );
  await runFfmpeg(
    locateFfmpeg().path,
    demoClipArgs({
      output: clip,
      pattern: 'testsrc2',
      seconds: 20,
      width: 1920,
      height: 1080,
      fps: 25,
      bitrateKbps: mbits * 1000,
    }),
  );
  const sources = await startRtspCameras(clip, 2 * Math.max(...counts));
  try {
    const cores = (value: number) => (value * 1000).toFixed(1);
    out(
      `Window ${windowMs / 1000} s after ${warmUpMs / 1000} s of warm-up and the helper threads settled; CPU in millicores per camera; ` +
        `sources: RTSP/TCP, 1080p25, ${mbits} Mbit/s, one session per camera (their process not counted); ` +
        `Node's flags: ${process.execArgv.join(' ') || "none (V8's memory reducer on, unlike `vigie start`)"}.`,
    );
    out(
      '| cameras | index before | helpers settled after | bare ffmpeg | Vigie (all) | of which Node | Node: JS thread / helper threads | Vigie / bare | ' +
        'without the idle server | RSS/camera bare | RSS/camera Vigie | segments bare / Vigie (expected) | ' +
        'RTSP cameras (not counted) | load (1 min, 2 cores) |',
    );
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const row = async (cameras: number, days: number, label = String(cameras)) => {
      const names = (side: string) => Array.from({ length: cameras }, (_, i) => `${side}-${i}`);
      const { ours, base, sourceCores, load } = await vigie(dir, sources, sources.urls(names('vigie')), days, () =>
        startBare(dir, sources.urls(names('bare'))),
      );
      out(
        `| ${label} | ${days === 0 ? 'empty' : `${days} days (${ours.rows.toLocaleString('en')} rows)`} | ` +
          `${Math.round((warmUpMs + ours.settledAfterMs) / 1000)} s | ` +
          `${cores(base.coresPerCamera)} | ${cores(ours.coresPerCamera)} | ${cores(ours.nodeCoresPerCamera)} | ` +
          `${cores(ours.nodeThreads.main)} / ${cores(ours.nodeThreads.helpers)} | ` +
          `${(ours.coresPerCamera / base.coresPerCamera).toFixed(2)}× | ` +
          `${((ours.coresPerCamera - ours.idleCores / cameras) / base.coresPerCamera).toFixed(2)}× ` +
          `(idle ${cores(ours.idleCores)}) | ${base.rssPerCameraMb.toFixed(1)} MB | ` +
          `${ours.rssPerCameraMb.toFixed(1)} MB | ${base.segments} / ${ours.segments} ` +
          `(${Math.round((cameras * windowMs) / segmentMs)}) | ${cores(sourceCores)} in all | ${load.toFixed(1)} |`,
      );
    };
    // The process's first recording still pays one-off work (code compiled and optimised, the heap grown and
    // collected): 1.0 then 3.0 millicores of Node per camera in the first 4-camera rows of two runs of the same code.
    await row(Math.min(...counts), 0, `${Math.min(...counts)} (warm-up: first of the process, not a result)`);
    for (const cameras of counts) await row(cameras, 0);
    // Uptime: the per-camera cost with a week of segments already indexed (fewest cameras: the fill is slow).
    if (uptimeDays > 0) await row(Math.min(...counts), uptimeDays);
  } finally {
    await sources.stop();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
