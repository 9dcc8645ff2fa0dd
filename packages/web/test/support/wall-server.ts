import { readFile } from 'node:fs/promises';
import { loadConfig } from '@vigie/server';
import type { Page } from 'playwright-core';
import { authorise, habilitate, startSeededServer, testPasswordCost } from '../../../server/test/support.js';
import { startServerProcess, type ServerProcess } from '../../../server/test/support/server-process.js';
import { clockFrame, clockProbePoints, readClock } from './clock-cameras.js';
import { unusedTotpCode } from './unused-totp.js';

/** The account that watches the wall (a supervisor: every camera, password and one-time code). */
export interface WallAccount {
  username: string;
  password: string;
  totpSecret: string;
}

/** The clock cameras and the freezable proxy listen on loopback, which a server refuses unless allowed. */
const testCameraNetworks = { VIGIE_CAMERA_NETWORKS: '127.0.0.0/8' };

/**
 * Prepares a data directory as an administrator would before a `vigie start`: the given cameras registered and
 * authorised (so their images may be shown), and one supervisor account. Closes the server it used.
 */
export async function seedWall(dataDir: string, cameras: { name: string; sourceUrl: string }[]): Promise<WallAccount> {
  const server = await startSeededServer(
    // The test cameras answer on this machine: their network is allowed explicitly, as a deployment would.
    loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'silent', ...testCameraNetworks }),
    {
      passwordCost: testPasswordCost,
    },
  );
  try {
    for (const [index, camera] of cameras.entries()) {
      const created = await server.app.cameras.create(
        { ...camera, location: { lat: 50.357 + index / 1000, lon: 3.523 }, purposes: ['public_space_safety'] },
        { actorName: 'test setup' },
      );
      await authorise(server.app, created.id);
    }
    const account = { username: 'agent.wall', password: 'correct horse battery staple' };
    const created = await server.app.users.create(
      { ...account, displayName: 'Agent du mur', roles: ['supervisor'] },
      { now: new Date(), actor: { actorName: 'test setup' } },
    );
    await habilitate(server.app, account.username, ['supervisor']);
    return { ...account, totpSecret: created.totp?.secret ?? '' };
  } finally {
    await server.close();
  }
}

/** Starts `vigie start` on a data directory (port 0: the system chooses; else that port, for a restart). */
export function startWallServer(dataDir: string, port = 0): Promise<ServerProcess> {
  return startServerProcess({
    VIGIE_DATA_DIR: dataDir,
    VIGIE_PORT: String(port),
    VIGIE_LOG_LEVEL: 'warn',
    ...testCameraNetworks,
  });
}

/**
 * Opens the wall's address and logs the browser page in there (in French, as the tests' browsers are): the console
 * keeps the address through the login, so the wall starts once, not once on the home screen and again on a reload.
 */
export async function openWall(page: Page, url: string, account: WallAccount): Promise<void> {
  await page.goto(new URL('/wall', url).toString());
  await page.getByLabel('Identifiant').fill(account.username);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByLabel(/Code à usage unique/).fill(await unusedTotpCode(account.totpSecret));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('nav.nav').waitFor();
  await page.locator('.live-wall').waitFor();
}

/** Seconds of CPU a process used so far (user + system, from /proc: the server runs in its own process). */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat (utime, stime), counted from the state field (3rd): indexes 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Reads, in the page, every frame each live tile presents (requestVideoFrameCallback): the wall-clock time it
 * was presented and the luminance at the clock's probe points, kept in `window.vigieFrames` until taken.
 */
const frameProbe = `(({ points, width, height }) => {
  const frames = [];
  window.vigieFrames = frames;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const watched = new WeakSet();
  const watch = (video) => {
    if (watched.has(video)) return;
    watched.add(video);
    const onFrame = () => {
      const now = Date.now();
      if (video.videoWidth === width && video.videoHeight === height) {
        context.drawImage(video, 0, 0);
        const data = context.getImageData(0, 0, width, height).data;
        const camera = video.closest('figure')?.dataset.cameraId ?? '';
        window.vigieFrames.push([now, camera, points.map(([x, y]) => data[(y * width + x) * 4])]);
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  };
  setInterval(() => document.querySelectorAll('figure.live-tile video').forEach(watch), 200);
})`;

/** Starts reading the clock of every frame the page's live tiles present. */
export async function probeFrames(page: Page): Promise<void> {
  const arg = { points: clockProbePoints(), width: clockFrame.width, height: clockFrame.height };
  await page.evaluate(`${frameProbe}(${JSON.stringify(arg)})`);
}

/** One presented frame: which camera, and how late it was (ms from capture to the screen). */
export interface PresentedFrame {
  cameraId: string;
  latencyMs: number;
}

/** Takes the frames presented since the last call, with their latency (frames whose clock is unreadable dropped). */
export async function takeFrames(page: Page): Promise<PresentedFrame[]> {
  const raw = await page.evaluate<[number, string, number[]][]>('window.vigieFrames.splice(0)');
  const frames: PresentedFrame[] = [];
  for (const [presentedAt, cameraId, values] of raw) {
    const shotAt = readClock(values);
    if (shotAt !== undefined) frames.push({ cameraId, latencyMs: presentedAt - shotAt });
  }
  return frames;
}
