import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { startClockCameras, type ClockCameras } from './support/clock-cameras.js';
import { createConsoleAccount, signIn, type ConsoleLogin } from './support/console-login.js';
import { seedCamera } from './support/seed-cameras.js';
import { loopbackCameras, startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
/** Cameras by site; the last has none. Each streams a clock picture, so tiles play (and no camera goes offline). */
const cameras = [
  { name: 'Parvis', site: 'Gare' },
  { name: 'Consigne', site: 'Gare' },
  { name: 'Hall', site: 'Mairie' },
  { name: 'Parking', site: 'Mairie' },
  { name: 'Pont Jacquemart' },
] as const;
/** Polls what the page shows: on a loaded machine a re-render can take more than vitest's default second. */
const soon = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 200 });
const screens = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

describe('the operator’s wall in a real browser: tree, drag and drop, enlarge, tours, saved walls', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  let login: ConsoleLogin;
  let clocks: ClockCameras;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-wall-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startTestServer(dataDir, loopbackCameras);
    clocks = await startClockCameras();
    for (const [index, camera] of cameras.entries()) {
      const created = await seedCamera(
        server,
        {
          ...camera,
          sourceUrl: clocks.urlOf(index),
          // The last camera has a sub stream (here the same clock): small tiles show it, an enlarged tile the main one.
          ...(index === cameras.length - 1 ? { subStreamUrl: clocks.urlOf(index) } : {}),
        },
        { authorised: true },
      );
      ids.set(camera.name, created.id);
    }
    login = await createConsoleAccount(server.app, 'agent.mur', ['operator'], 'Agent du mur');
    await server.app.users.assignCameras({
      username: 'agent.mur',
      cameraIds: [...ids.values()],
      actor: { actorName: 'e2e setup' },
    });
    browser = await connectBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await clocks?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openWall(viewport: { width: number; height: number }): Promise<{ page: Page; served: string[] }> {
    const context = await browser.newContext({ viewport, locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // The stream each live tile is sent ("stream" of each init message), in order.
    const served: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const init = typeof payload === 'string' ? /"type":"init".*"stream":"(\w+)"/.exec(payload) : null;
        if (init !== null) served.push(init[1] ?? '');
      }),
    );
    await signIn(page, server.url, login);
    await page.locator('.live-wall').waitFor();
    return { page, served };
  }

  const slot = (page: Page, index: number) => page.locator(`.wall-slot[data-tile="${index}"]`);
  const cameraOn = (page: Page, index: number) =>
    slot(page, index)
      .locator('figure.live-tile')
      .getAttribute('data-camera-id', { timeout: 2000 })
      .catch(() => undefined);

  for (const viewport of screens) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`arranges, tours, enlarges, saves and restores a wall at ${size}`, async () => {
      const { page, served } = await openWall(viewport);

      // The tree files cameras by site, those without one last, and finds them by name or site.
      expect(await page.locator('.camera-tree summary').allInnerTexts()).toEqual(['Gare', 'Mairie', 'Sans site']);
      await page.getByRole('searchbox', { name: 'Rechercher une caméra' }).fill('mairie');
      await soon(() => page.locator('.camera-tree .tree-camera').allInnerTexts()).toEqual(['Hall', 'Parking']);
      await page.getByRole('searchbox', { name: 'Rechercher une caméra' }).fill('');

      // Four tiles by default, then nine: the new tiles take the cameras not on the wall, the rest stay free.
      await soon(() => page.locator('.wall-slot').count()).toBe(4);
      await page.getByRole('radio', { name: '9', exact: true }).check();
      await soon(() => page.locator('.wall-slot figure.live-tile').count()).toBe(5);
      expect(await page.locator('.wall-slot.empty').count()).toBe(4);
      await page.getByRole('radio', { name: '4', exact: true }).check();

      // Drag a camera from the tree onto tile 2.
      await page
        .locator('.camera-tree li', { hasText: 'Pont Jacquemart' })
        .locator('.tree-camera')
        .dragTo(slot(page, 2), { targetPosition: { x: 60, y: 60 } });
      await soon(() => cameraOn(page, 2)).toBe(ids.get('Pont Jacquemart'));
      // A small tile of a camera with a sub stream is sent the sub stream.
      await soon(() => served.includes('sub')).toBe(true);

      // Tile 3 becomes a tour of three cameras, five seconds each: its camera changes by itself.
      await slot(page, 3).click();
      const first = await cameraOn(page, 3);
      await soon(() => page.locator('.tile-tools strong').innerText()).toBe('Vignette 3');
      for (const name of ['Parvis', 'Hall'])
        await page.getByRole('button', { name: `Ajouter à la ronde de la vignette 3 : ${name}` }).click();
      await soon(() => page.locator('.tile-tools .tour-summary').innerText()).toBe('Ronde : 3 caméras, 10 s chacune');
      await page.getByLabel('Secondes par caméra').selectOption('5');
      expect(await slot(page, 3).locator('.tour-badge').innerText()).toBe('Ronde');
      const seen = new Set([first]);
      await expect
        .poll(
          async () => {
            seen.add(await cameraOn(page, 3));
            return seen.size;
          },
          { timeout: 15_000, interval: 500 },
        )
        .toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: join(shots, `wall-arranged-${size}-fr.png`) });

      // Every tile fits on the screen, with no sideways scrolling.
      const bottoms = await page
        .locator('.wall-slot')
        .evaluateAll((slots) =>
          slots.map(
            (s) => (s as unknown as { getBoundingClientRect: () => { bottom: number } }).getBoundingClientRect().bottom,
          ),
        );
      expect(Math.max(...bottoms)).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);

      // Double-click enlarges a tile over the whole wall; double-click again (or Escape) brings the wall back.
      const wallWidth = await page
        .locator('.wall-grid')
        .evaluate((g) => (g as unknown as { clientWidth: number }).clientWidth);
      const before = served.length;
      await slot(page, 2).dblclick();
      await soon(() => page.locator('.wall-slot').count()).toBe(1);
      // Enlarged, the tile is sent the main stream.
      await soon(() => served.slice(before)).toContain('main');
      expect(served.slice(before)).not.toContain('sub');
      const enlarged = await slot(page, 2).boundingBox();
      expect(enlarged?.width ?? 0).toBeGreaterThan(wallWidth * 0.9);
      await page.screenshot({ path: join(shots, `wall-enlarged-${size}-fr.png`) });
      await page.keyboard.press('Escape');
      await soon(() => page.locator('.wall-slot').count()).toBe(4);
      await slot(page, 2).dblclick();
      await slot(page, 2).dblclick();
      await soon(() => page.locator('.wall-slot').count()).toBe(4);

      // Saved on the server under a name; reopened after a reload, and from the list after a change.
      const name = `Nuit ${size}`;
      await page.getByLabel('Nom du mur').fill(name);
      await page.getByRole('button', { name: 'Enregistrer ce mur' }).click();
      await soon(() => page.locator('.wall-layouts [role="status"]').innerText()).toBe(`Mur « ${name} » enregistré.`);
      await page.reload();
      await page.locator('.live-wall').waitFor();
      await soon(() => cameraOn(page, 2)).toBe(ids.get('Pont Jacquemart'));
      expect(await slot(page, 3).locator('.tour-badge').innerText()).toBe('Ronde');
      await page.getByRole('radio', { name: '1', exact: true }).check();
      await soon(() => page.locator('.wall-slot').count()).toBe(1);
      await page.getByLabel('Murs enregistrés').selectOption(name);
      await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
      await soon(() => page.locator('.wall-slot').count()).toBe(4);
      await soon(() => cameraOn(page, 2)).toBe(ids.get('Pont Jacquemart'));
      await page.context().close();
    }, 120_000);
  }
});
