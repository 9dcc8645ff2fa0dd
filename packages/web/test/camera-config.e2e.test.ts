import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyticJustified, analyticsEventTypes, frenchProfile } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import { systemRequester, type RunningServer } from '@vigie/server';
import { renderScene, syntheticScenes } from '@vigie/vision/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { seedCamera } from './support/seed-cameras.js';
import { startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
/** Walkers cross the picture from side to side: a vertical line in the middle is stepped over in both directions. */
const scene = syntheticScenes.find((s) => s.name === 'runner_wrong_way');
const purposes = ['public_space_safety'] as const;

describe('configuring analytics from the console, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let cameraId: string;

  beforeAll(async () => {
    if (scene === undefined) throw new Error('the runner_wrong_way scene is missing from the synthetic scenes');
    dataDir = await consoleTempDir('vigie-config-e2e-');
    await mkdir(shots, { recursive: true });
    const clip = join(dataDir, 'crossings.mp4');
    await renderScene(scene, { ffmpegPath: locateFfmpeg().path, output: clip });
    // The synthetic camera is a file, looped at its own pace, which a deployment allows only explicitly.
    server = await startTestServer(dataDir, { VIGIE_FILE_SOURCES: 'true' });
    const camera = await seedCamera(
      server,
      { name: 'Passage piéton', sourceUrl: pathToFileURL(clip).toString(), purposes: [...purposes] },
      { authorised: true },
    );
    cameraId = camera.id;
    const login = await createConsoleAccount(server.app, 'chef.poste', ['supervisor'], 'Chef de poste');
    // Signed in on the camera's page, which the first test opens: a supervisor's home screen is the live wall.
    ({ browser, page } = await openConsolePage(new URL(`/admin/cameras/${cameraId}`, server.url).toString(), login, {
      viewport: { width: 1920, height: 1080 },
    }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const switchOf = (type: string) => page.locator(`[data-analytic="${type}"]`);

  it('shows the legal rule of each analytic and the server’s refusals in the interface language', async () => {
    await page.goto(new URL(`/admin/cameras/${cameraId}`, server.url).toString());
    await page.locator('.analytics-switches').waitFor();
    // An analytic the camera's purposes do not justify cannot be switched on, and says what it needs.
    for (const type of analyticsEventTypes.filter((a) => !analyticJustified(a, [...purposes], frenchProfile))) {
      expect(await switchOf(type).locator('input').isDisabled()).toBe(true);
      expect(await switchOf(type).locator('small').innerText()).not.toBe('');
    }
    // Crowd density measures in metres: without a ground calibration the server refuses it, said in French…
    await switchOf('crowd_density').locator('input').check();
    expect(await switchOf('crowd_density').locator('small.warning').innerText()).toMatch(/analyse d’impact/);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect
      .poll(() => page.locator('.camera-edit [role="alert"] p').innerText())
      .toBe('Cette analyse demande d’abord de calibrer la caméra.');
    // …and in English once the interface is.
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.locator('.camera-edit [role="alert"] p').innerText())
      .toBe('This analytic needs the camera calibrated first.');
    await page.getByLabel('Language').selectOption('fr');
    await switchOf('crowd_density').locator('input').uncheck();
  });

  it('shows the drawing area without scrolling on a 1366×768 screen', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.goto(new URL(`/admin/cameras/${cameraId}`, server.url).toString());
      await page.locator('.analytics-switches').waitFor();
      const canvas = await page.getByTestId('geometry-canvas').boundingBox();
      await page.screenshot({ path: join(shots, 'config-editor-1366-fr.png') });
      expect(await page.evaluate('window.scrollY')).toBe(0);
      // The whole canvas is on screen: a click anywhere on it lands.
      expect(canvas?.y ?? Infinity).toBeGreaterThanOrEqual(0);
      expect((canvas?.y ?? Infinity) + (canvas?.height ?? 0)).toBeLessThanOrEqual(768);
      expect((canvas?.x ?? Infinity) + (canvas?.width ?? 0)).toBeLessThanOrEqual(1366);
    } finally {
      await page.setViewportSize({ width: 1920, height: 1080 });
    }
  });

  it('draws the ground calibration on the snapshot, saves it, and reads it back after a reload', async () => {
    await page.goto(new URL(`/admin/cameras/${cameraId}`, server.url).toString());
    await page.locator('.analytics-switches').waitFor();
    expect(await page.locator('.calibration .hint').innerText()).toMatch(/^Aucune calibration/);
    await page.getByRole('radio', { name: 'Calibration au sol' }).check();
    await page.getByLabel('Côté 1→2 (m)').fill('2.5');
    await page.getByLabel('Côté 2→3 (m)').fill('5');
    const canvas = page.getByTestId('geometry-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const corners = [
      [0.3, 0.6],
      [0.6, 0.6],
      [0.7, 0.9],
      [0.2, 0.9],
    ] as const;
    for (const [x, y] of corners)
      await canvas.click({
        position: await canvas.boundingBox().then((b) => ({ x: x * (b?.width ?? 0), y: y * (b?.height ?? 0) })),
      });
    await expect.poll(() => canvas.locator('g.shape.ground text').count()).toBe(4);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => page.locator('.camera-edit [role="status"]').innerText()).toMatch(/^Enregistré/);
    const saved = await server.app.cameras.get(cameraId, systemRequester('e2e check'));
    expect(saved.calibration?.ground).toEqual([
      { x: 0, y: 0 },
      { x: 2.5, y: 0 },
      { x: 2.5, y: 5 },
      { x: 0, y: 5 },
    ]);
    saved.calibration?.image.forEach((p, i) => {
      expect(p.x).toBeCloseTo(corners[i]?.[0] ?? NaN, 2);
      expect(p.y).toBeCloseTo(corners[i]?.[1] ?? NaN, 2);
    });
    await page.screenshot({ path: join(shots, 'config-ground-calibration-fr.png'), fullPage: true });
    await page.reload();
    await expect.poll(() => page.locator('.calibration .hint').innerText()).toMatch(/^Calibrée/);
    expect(await page.getByLabel('Côté 1→2 (m)').inputValue()).toBe('2.5');
    expect(await page.getByLabel('Côté 2→3 (m)').inputValue()).toBe('5');
  });

  it('switches counting on, draws a counting line, and sees the crossings in the statistics', async () => {
    await switchOf('people_count').locator('input').check();
    await page.getByRole('radio', { name: 'Ligne de comptage' }).check();
    const canvas = page.getByTestId('geometry-canvas');
    await canvas.scrollIntoViewIfNeeded();
    for (const [x, y] of [
      [0.5, 0.1],
      [0.5, 0.95],
    ] as const)
      await canvas.click({
        position: await canvas.boundingBox().then((b) => ({ x: x * (b?.width ?? 0), y: y * (b?.height ?? 0) })),
      });
    await expect.poll(() => canvas.locator('g.shape.line').count()).toBe(1);
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => page.locator('.camera-edit [role="status"]').innerText()).toMatch(/^Enregistré/);
    const saved = await server.app.cameras.get(cameraId, systemRequester('e2e check'));
    expect(saved.analytics).toEqual(['people_count']);
    expect(saved.lines).toHaveLength(1);
    await page.screenshot({ path: join(shots, 'config-counting-line-fr.png'), fullPage: true });

    // The analysis reads the looped scene in real time and reports every 10 s: reload the statistics until
    // the crossings show (entries and exits summed over the last hour).
    const counted = async () => {
      await page.goto(new URL('/statistics', server.url).toString());
      await page.getByLabel('Période').selectOption('hour');
      const text = await page.locator('.key.in, .key.out').allInnerTexts();
      return text.map((t) => Number(/(\d+)$/.exec(t)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
    };
    await expect.poll(counted, { timeout: 90_000, interval: 5000 }).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'config-counting-statistics-fr.png') });
  }, 150_000);
});
