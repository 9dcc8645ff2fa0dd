import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@vigie/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { startClockCameras, type ClockCameras } from './support/clock-cameras.js';
import { createConsoleAccount, signIn } from './support/console-login.js';
import { seedCamera } from './support/seed-cameras.js';
import { loopbackCameras, startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
const viewport = { width: 1920, height: 1080 };
/** Each camera streams a clock picture, so the monitor has a live image to show. */
const cameras = ['Parvis', 'Hall'] as const;

describe('a detached monitor in a second window of the same session, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let main: Page;
  let dataDir: string;
  let clocks: ClockCameras;
  const ids = new Map<string, string>();

  const raise = async (name: (typeof cameras)[number], type: 'intrusion' | 'person_on_ground') => {
    const openedAt = new Date();
    return server.app.alerts.raise({
      cameraId: ids.get(name) ?? '',
      type,
      severity: 'low',
      message: `${type} ${name}`,
      openedAt,
      clip: { from: new Date(openedAt.getTime() - 5000), to: new Date(openedAt.getTime() + 5000) },
    });
  };

  /** Clicks a button of the main window that opens a monitor, and returns the monitor's window. */
  async function popup(open: () => Promise<void>): Promise<Page> {
    const [monitor] = await Promise.all([context.waitForEvent('page'), open()]);
    monitor.setDefaultTimeout(10_000);
    await monitor.setViewportSize(viewport);
    await monitor.waitForLoadState();
    return monitor;
  }

  const playing = (page: Page, selector: string) =>
    page
      .locator(selector)
      .evaluate((video) => (video as unknown as { readyState: number; videoWidth: number }).videoWidth)
      .catch(() => 0);

  /** The cameras on a wall's tiles, in tile order. */
  const tileCameras = (page: Page) =>
    page
      .locator('.wall-slot figure.live-tile')
      .evaluateAll((tiles) =>
        tiles.map((tile) =>
          (tile as unknown as { getAttribute: (name: string) => string | null }).getAttribute('data-camera-id'),
        ),
      );

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-monitor-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startTestServer(dataDir, loopbackCameras);
    clocks = await startClockCameras();
    for (const [index, name] of cameras.entries()) {
      const created = await seedCamera(
        server,
        { name, site: 'Gare', sourceUrl: clocks.urlOf(index) },
        { authorised: true },
      );
      ids.set(name, created.id);
    }
    const login = await createConsoleAccount(server.app, 'agent.veille', ['operator'], 'Agent de veille');
    await server.app.users.assignCameras({
      username: 'agent.veille',
      cameraIds: [...ids.values()],
      actor: { actorName: 'e2e setup' },
    });
    browser = await connectBrowser();
    context = await browser.newContext({ viewport, locale: 'fr-FR' });
    main = await context.newPage();
    main.setDefaultTimeout(10_000);
    await signIn(main, server.url, login);
    await main.locator('.live-wall').waitFor();
    // Server start, two ffmpeg clock sources and Chromium: slow when the machine is loaded.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await clocks?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens an alarm monitor from the wall that shows each new alert’s live camera without reload', async () => {
    const monitor = await popup(() =>
      main.getByRole('button', { name: 'Ouvrir un moniteur d’alarmes détaché' }).click(),
    );
    expect(new URL(monitor.url()).pathname).toBe('/monitor');
    // No console chrome: no header, no navigation; the session is the main window's.
    await monitor.getByRole('heading', { name: 'Moniteur d’alarmes' }).waitFor();
    expect(await monitor.locator('nav.nav, header.top').count()).toBe(0);
    await expect.poll(() => monitor.locator('.monitor-focus').innerText()).toContain('Aucune alerte en attente');
    const loads: string[] = [];
    monitor.on('framenavigated', (frame) => {
      if (frame === monitor.mainFrame()) loads.push(frame.url());
    });

    const hall = await raise('Hall', 'intrusion');
    const focus = monitor.locator('.monitor-focus');
    await expect.poll(() => focus.getAttribute('data-alert-id')).toBe(hall.id);
    expect(await focus.locator('h2').innerText()).toContain('Intrusion — Hall');
    expect(await focus.locator('figure.live-tile').getAttribute('data-camera-id')).toBe(ids.get('Hall'));
    await expect.poll(() => monitor.locator('.monitor-count').getAttribute('data-count')).toBe('1');
    await expect.poll(() => playing(monitor, '.monitor-focus video'), { timeout: 20_000 }).toBeGreaterThan(0);
    await monitor.screenshot({ path: join(shots, 'monitor-alarm-1920x1080-fr.png') });

    // A newer alert takes the monitor over; both are listed.
    const parvis = await raise('Parvis', 'person_on_ground');
    await expect.poll(() => focus.getAttribute('data-alert-id')).toBe(parvis.id);
    await expect.poll(() => monitor.locator('.monitor-queue .alert-card').count()).toBe(2);
    expect(await focus.locator('figure.live-tile').getAttribute('data-camera-id')).toBe(ids.get('Parvis'));

    // Selecting an alert in the main window shows it on the monitor.
    await main.goto(`${server.url}/alerts`);
    await main.locator(`.alert-card[data-alert-id="${hall.id}"]`).click();
    await expect.poll(() => focus.getAttribute('data-alert-id')).toBe(hall.id);
    await expect.poll(() => playing(monitor, '.monitor-focus video'), { timeout: 20_000 }).toBeGreaterThan(0);

    // Closing it in the main window removes it from the monitor, which falls back to the other one.
    await expect.poll(() => main.locator('.alert-detail').getAttribute('data-alert-id')).toBe(hall.id);
    await main.keyboard.press('2'); // verdict: false alarm
    await expect.poll(() => focus.getAttribute('data-alert-id')).toBe(parvis.id);
    await expect.poll(() => monitor.locator('.monitor-queue .alert-card').count()).toBe(1);
    await monitor.screenshot({ path: join(shots, 'monitor-alarm-switched-1920x1080-fr.png') });
    expect(loads).toEqual([]);
    await monitor.close();
  }, 120_000);

  it('shows a saved wall on a detached monitor', async () => {
    await main.goto(`${server.url}/wall`);
    await main.locator('.live-wall').waitFor();
    await main.getByRole('radio', { name: '1', exact: true }).check();
    await main.getByRole('radio', { name: '4', exact: true }).check();
    await main.getByLabel('Nom du mur').fill('Salle & quai');
    await main.getByRole('button', { name: 'Enregistrer ce mur' }).click();
    await expect.poll(() => main.locator('.wall-layouts [role="status"]').innerText()).toContain('enregistré');
    // The saved order, not the main wall's: there an open alert has promoted its camera to the first tile.
    const saved = (await (await context.request.get(`${server.url}/api/me/wall-layouts`)).json()) as {
      name: string;
      tiles: { cameraIds: string[] }[];
    }[];
    const arranged = saved.find((w) => w.name === 'Salle & quai')?.tiles.flatMap((t) => t.cameraIds);
    expect([...(arranged ?? [])].sort()).toEqual([...ids.values()].sort());
    await main.getByLabel('Murs enregistrés').selectOption('Salle & quai');
    const monitor = await popup(() => main.getByRole('button', { name: 'Ouvrir sur un moniteur détaché' }).click());
    expect(new URL(monitor.url()).searchParams.get('layout')).toBe('Salle & quai');
    await monitor.getByRole('heading', { name: 'Mur « Salle & quai »' }).waitFor();
    expect(await monitor.locator('nav.nav, header.top').count()).toBe(0);
    await expect.poll(() => monitor.locator('.wall-slot').count()).toBe(4);
    await expect.poll(() => tileCameras(monitor)).toEqual(arranged);
    await expect
      .poll(() => playing(monitor, '.wall-slot[data-tile="1"] video'), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await monitor.screenshot({ path: join(shots, 'monitor-layout-1920x1080-fr.png') });
    await monitor.close();
  }, 120_000);
});
