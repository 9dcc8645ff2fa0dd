// `npm run bench:live`: glass-to-glass latency of the live wall in real Chromium, and server CPU per viewer.
// Sixteen cameras send a picture stamped with its capture time (a bar code of the epoch ms, see clock-cameras);
// the console's wall plays them and the page reads the clock back from every frame it presents. Baseline in the
// same run: the bare source, decoded by an ffmpeg reading the same camera URL (what no viewer can beat).
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/support/server-process.js';
import { launchBrowser } from '../browser.js';
import { sourceLatencies, startClockCameras, type ClockCameras } from '../support/clock-cameras.js';
import { cpuSecondsOf, openWall, probeFrames, seedWall, startWallServer, takeFrames } from '../support/wall-server.js';

const webDist = fileURLToPath(new URL('../../dist/index.html', import.meta.url));
const report = fileURLToPath(new URL('../../../../test-output/bench-live.json', import.meta.url));
const cameraCount = 16;
const layouts = [1, 4, 16] as const;
const goals: Record<number, number> = { 4: 1000, 16: 1500 };
/** Seconds each layout is measured, after its tiles play. */
const windowSeconds = Number(process.env['BENCH_LIVE_SECONDS'] ?? 20);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Waits until `count` tiles present readable clock frames (a tile starting up is not yet what a viewer sees). */
async function untilTilesPlay(page: Page, count: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  const seen = new Set<string>();
  while (seen.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${seen.size} of ${count} tiles played within 90 s`);
    await sleep(500);
    for (const frame of await takeFrames(page)) seen.add(frame.cameraId);
  }
}

/** Share of one core the process used over the next `seconds`. */
async function cpuOver(pid: number, seconds: number): Promise<number> {
  const start = await cpuSecondsOf(pid);
  await sleep(seconds * 1000);
  return ((await cpuSecondsOf(pid)) - start) / seconds;
}

let cameras: ClockCameras | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  await browser?.close();
  if (server?.alive() === true) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await cameras?.close();
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

it('measures glass-to-glass latency of 1, 4 and 16 live tiles, and server CPU per viewer', async () => {
  if (!existsSync(webDist)) throw new Error('The console is not built: run "npm run build" first.');
  cameras = await startClockCameras({ fps: 10, keyframeSeconds: 1 });
  const clock = cameras;
  dataDir = await mkdtemp(join(tmpdir(), 'vigie-bench-live-'));
  const sources = Array.from({ length: cameraCount }, (_, n) => ({
    name: `Horloge ${String(n + 1).padStart(2, '0')}`,
    sourceUrl: clock.urlOf(n),
  }));
  const account = await seedWall(dataDir, sources);
  server = await startWallServer(dataDir);
  const pid = server.child.pid ?? 0;
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });

  // Idle: every camera recording (and its live feed filled), nobody watching.
  const deadline = Date.now() + 60_000;
  while (clock.readers() < cameraCount && Date.now() < deadline) await sleep(500);
  await sleep(3000);
  const idleCpu = await cpuOver(pid, windowSeconds);

  await openWall(page, server.url, account);
  await probeFrames(page);
  const rows: {
    tiles: number;
    frames: number;
    p50: number;
    p95: number;
    max: number;
    serverCpu: number;
    cpuPerViewer: number;
  }[] = [];
  let baseline: number[] = [];
  for (const tiles of layouts) {
    await page.getByRole('radio', { name: String(tiles), exact: true }).check();
    await untilTilesPlay(page, tiles);
    const measuring =
      tiles === 4
        ? sourceLatencies(clock.urlOf(cameraCount), { warmupMs: 2000, durationMs: windowSeconds * 1000 })
        : undefined;
    await sleep(2000);
    await takeFrames(page);
    const cpu = await cpuOver(pid, windowSeconds);
    const latencies = (await takeFrames(page)).map((f) => f.latencyMs);
    if (measuring !== undefined) baseline = await measuring;
    rows.push({
      tiles,
      frames: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      serverCpu: cpu * 100,
      cpuPerViewer: ((cpu - idleCpu) / tiles) * 100,
    });
  }

  const base = { p50: percentile(baseline, 50), p95: percentile(baseline, 95) };
  const line = (cells: (string | number)[]) => cells.map((c) => String(c).padStart(12)).join('');
  const table = [
    `Live glass-to-glass latency, ${cameraCount} clock cameras (256×144, 10 fps, keyframe every 1 s), Chromium ${browser.version()}`,
    line(['tiles', 'frames', 'p50 ms', 'p95 ms', 'max ms', 'p95 goal', 'vs source', 'server CPU', 'CPU/viewer']),
    line(['source', baseline.length, base.p50, base.p95, Math.max(...baseline), '', '1.00×', '', '']),
    ...rows.map((r) =>
      line([
        r.tiles,
        r.frames,
        r.p50,
        r.p95,
        r.max,
        goals[r.tiles] === undefined ? '' : `< ${goals[r.tiles]}`,
        `${(r.p50 / base.p50).toFixed(2)}×`,
        `${r.serverCpu.toFixed(1)} %`,
        `${r.cpuPerViewer.toFixed(2)} %`,
      ]),
    ),
    `Server process CPU with no viewer: ${(idleCpu * 100).toFixed(1)} % of a core (16 cameras recorded).`,
    'server CPU: % of one core used by the server process (recorders are other processes); CPU/viewer: (that − with no viewer) / tiles.',
  ];
  process.stdout.write(`\n${table.join('\n')}\n`);
  await mkdir(join(report, '..'), { recursive: true });
  await writeFile(report, JSON.stringify({ at: new Date().toISOString(), idleCpu, source: base, rows }, null, 2));
  expect(rows.every((r) => r.frames > 0)).toBe(true);
}, 600_000);
