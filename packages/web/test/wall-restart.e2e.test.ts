import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../server/test/support/server-process.js';
import { connectBrowser } from './browser.js';
import { startClockCameras, type ClockCameras } from './support/clock-cameras.js';
import { startFreezableProxy } from './support/freezable-proxy.js';
import {
  openWall,
  probeFrames,
  seedWall,
  startWallServer,
  takeFrames,
  type PresentedFrame,
  type WallAccount,
} from './support/wall-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tiles = 4;
/** A frame shown less than this after its capture is live (the wall keeps well under a second when healthy). */
const liveMs = 1500;

/** Polls the frames the tiles present until every camera shows a live one; resolves when the last one did. */
async function untilAllLive(page: Page, cameraIds: readonly string[], timeoutMs: number): Promise<number> {
  const live = new Set<string>();
  const deadline = Date.now() + timeoutMs;
  while (live.size < cameraIds.length && Date.now() < deadline) {
    await sleep(100);
    const frames: PresentedFrame[] = await takeFrames(page);
    for (const frame of frames) if (frame.latencyMs < liveMs) live.add(frame.cameraId);
  }
  if (live.size < cameraIds.length)
    throw new Error(`${live.size} of ${cameraIds.length} tiles live again after ${timeoutMs} ms`);
  return Date.now();
}

describe('the wall across a server restart and a link gone silent', () => {
  let cameras: ClockCameras;
  let dataDir: string;
  let account: WallAccount;
  let server: ServerProcess | undefined;
  let browser: Browser;
  let page: Page;
  let cameraIds: string[];

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    cameras = await startClockCameras();
    dataDir = await consoleTempDir('vigie-wall-restart-');
    account = await seedWall(
      dataDir,
      Array.from({ length: tiles }, (_, n) => ({ name: `Horloge ${n + 1}`, sourceUrl: cameras.urlOf(n) })),
    );
    server = await startWallServer(dataDir);
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    await openWall(page, server.url, account);
    await probeFrames(page);
    cameraIds = await page
      .locator('figure.live-tile')
      .evaluateAll((figures) =>
        figures.map((f) => (f as unknown as { dataset: { cameraId: string } }).dataset.cameraId),
      );
    await untilAllLive(page, cameraIds, 60_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.alive() === true) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await cameras?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('says the server is lost within 3 s, marks tiles stale, and plays live again within 5 s of its return without a request storm', async () => {
    expect(cameraIds).toHaveLength(tiles);
    const requests: { at: number; url: string }[] = [];
    page.on('request', (request) => requests.push({ at: Date.now(), url: request.url() }));
    page.on('websocket', (socket) => requests.push({ at: Date.now(), url: socket.url() }));
    const running = server;
    if (running === undefined) throw new Error('no server');
    const port = Number(new URL(running.url).port);

    running.child.kill('SIGKILL');
    await running.exited;
    const killedAt = Date.now();
    const banner = page.getByRole('alert').filter({ hasText: 'Connexion au serveur perdue' });
    await banner.waitFor({ timeout: 3000 });
    await expect.poll(() => page.locator('figure.live-tile.stale').count(), { timeout: 3000 }).toBe(tiles);
    const lostAfter = Date.now() - killedAt;
    await page.screenshot({ path: join(shots, 'wall-server-lost-1366.png') });

    await sleep(Math.max(0, 8000 - (Date.now() - killedAt))); // a server down for 8 s, as a quick restart is
    const outage = requests.filter((r) => r.at >= killedAt).length;
    await takeFrames(page); // frames shown before the kill are not news of the return
    server = await startWallServer(dataDir, port);
    const returnedAt = Date.now();
    const liveAt = await untilAllLive(page, cameraIds, 10_000);
    await expect.poll(() => banner.count(), { timeout: 2000 }).toBe(0);
    expect(await page.locator('figure.live-tile.stale').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'wall-server-back-1366.png') });

    process.stdout.write(
      `wall restart: banner and stale tiles ${lostAfter} ms after the kill; ${outage} requests during 8 s down; ` +
        `live again ${liveAt - returnedAt} ms after the server listened\n`,
    );
    expect(liveAt - returnedAt).toBeLessThan(5000);
    // The issue saw 180 requests in 10 s from 9 tiles. Here each tile tries once or twice, then waits for the
    // push channel, the one socket that probes the server every 1.5–3 s while it is lost.
    expect(outage).toBeLessThanOrEqual(tiles * 3 + 6);
  }, 60_000);

  it('notices live streams gone silent without closing (a dead link), marks the tiles stale and replaces the streams', async () => {
    const running = server;
    if (running === undefined) throw new Error('no server');
    // The first test's wall is done with: left open, its four tiles would go on decoding (and Playwright relaying
    // every stream frame) behind this one for the whole test, which never looks at it.
    await page.close();
    const proxy = await startFreezableProxy(running.url);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
    try {
      const viewer = await context.newPage();
      await openWall(viewer, proxy.url, account);
      await probeFrames(viewer);
      await untilAllLive(viewer, cameraIds, 60_000);
      // The server speaks every 2 s; 5 s of silence and the tile gives the stream up. Each tile's watchdog runs on its
      // own stream, and the proxy lets a replacement stream through at once: every tile must have been stale, not all
      // of them at the same instant. The page itself notes each tile that turns stale (a stale spell can be shorter
      // than a poll from here takes on a loaded machine), and when the first did.
      await viewer.evaluate(`{
        const seen = (window.vigieStaleSeen = { ids: new Set(), firstAt: undefined });
        const note = () => {
          for (const figure of document.querySelectorAll('figure.live-tile.stale')) {
            seen.firstAt ??= Date.now();
            seen.ids.add(figure.getAttribute('data-camera-id') ?? '');
          }
        };
        new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
      }`);
      proxy.freezeWebSockets();
      const frozenAt = Date.now();
      await expect
        .poll(() => viewer.evaluate<number>('window.vigieStaleSeen.ids.size'), { timeout: 9000, interval: 100 })
        .toBe(tiles);
      const firstStaleAt = await viewer.evaluate<number>('window.vigieStaleSeen.firstAt');
      const staleAfter = firstStaleAt - frozenAt;
      await takeFrames(viewer);
      const liveAt = await untilAllLive(viewer, cameraIds, 10_000);
      await expect.poll(() => viewer.locator('figure.live-tile.stale').count(), { timeout: 2000 }).toBe(0);
      process.stdout.write(
        `silent link: tiles stale ${staleAfter} ms after the freeze, live again ${liveAt - frozenAt} ms after it\n`,
      );
      expect(staleAfter).toBeGreaterThanOrEqual(4000);
    } finally {
      await context.close();
      await proxy.close();
    }
  }, 120_000);
});
