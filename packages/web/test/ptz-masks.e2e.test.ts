import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import {
  framesOf,
  kindOf,
  redPixels,
  sceneSize,
  startPtzSceneCamera,
  type PtzSceneCamera,
} from '../../media/test/support/ptz-scene-camera.js';
import { onvifPassword } from '../../server/test/support/recorded-onvif-camera.js';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { seedOnvifCamera } from './support/seed-cameras.js';
import { loopbackCameras, startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

describe('a PTZ preset’s privacy mask drawn in the console follows the head, in a real browser', () => {
  let server: RunningServer;
  let device: FakeOnvifDevice | undefined;
  let scene: PtzSceneCamera;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let cameraId: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-ptz-masks-e2e-');
    // The picture follows the test device's head: a red private window, left at pan 0, right at pan 0.5.
    scene = await startPtzSceneCamera(() => device?.position());
    device = await startFakeOnvifDevice({
      username: 'vigie',
      password: onvifPassword,
      discoverable: false,
      profiles: [{ token: 'main', name: 'Main', ...sceneSize, fps: 10, gop: 10, streamUrl: scene.url }],
    });
    server = await startTestServer(dataDir, loopbackCameras);
    const camera = await seedOnvifCamera(server, device, { name: 'Beffroi PTZ', enabled: true }, { authorised: true });
    cameraId = camera.id;
    const login = await createConsoleAccount(server.app, 'chef.masques', ['supervisor'], 'Chef masques');
    ({ browser, page } = await openConsolePage(server.url, login, { viewport: { width: 1600, height: 1200 } }));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await device?.stop();
    await scene?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** What the camera's latest stored picture shows, as the console's snapshot serves it. */
  async function latestPicture(): Promise<string> {
    const reply = await page.request.get(new URL(`/api/cameras/${cameraId}/snapshot.jpg`, server.url).toString());
    if (!reply.ok()) return `HTTP ${reply.status()}`;
    const file = join(dataDir, 'snapshot.jpg');
    await writeFile(file, await reply.body());
    const [frame] = await framesOf(file);
    if (frame === undefined) return 'nothing';
    return redPixels(frame) > 0 ? 'red window visible' : kindOf(frame);
  }

  /** Saves the head's position as a preset from the panel, then draws one mask box over the camera's picture for it. */
  async function presetWithMask(name: string, pan: number, box: { x0: number; x1: number }): Promise<void> {
    device?.point({ pan, tilt: 0, zoom: 0 });
    await page.getByLabel('Nom de la préposition').fill(name);
    await page.getByRole('button', { name: 'Enregistrer la position actuelle' }).click();
    await page.getByRole('button', { name: `Masques de ${name}`, exact: true }).click();
    const canvas = page.getByTestId('geometry-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const size = await canvas.boundingBox();
    for (const [x, y] of [
      [box.x0, 0.2],
      [box.x1, 0.2],
      [box.x1, 0.8],
      [box.x0, 0.8],
    ] as const)
      await canvas.click({ position: { x: x * (size?.width ?? 0), y: y * (size?.height ?? 0) } });
    await page.getByRole('button', { name: 'Terminer la forme' }).click();
    await page.getByRole('button', { name: `Enregistrer les masques de ${name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Masques de ${name} enregistrés.` })
      .waitFor();
    await page.locator('.preset-masks').getByRole('button', { name: 'Fermer', exact: true }).click();
  }

  it('stores the window masked at the preset whose mask was drawn, then at the other one', async () => {
    await page.goto(new URL(`/cameras/${cameraId}/live`, server.url).toString());
    await page.locator('.ptz-panel').waitFor();
    await presetWithMask('Fenêtre gauche', 0, { x0: 0.05, x1: 0.35 });
    await presetWithMask('Fenêtre droite', 0.5, { x0: 0.65, x1: 0.95 });
    await expect.poll(() => page.locator('.ptz-panel').innerText()).toContain('1 masque(s) à cette position');

    await page.getByRole('button', { name: 'Aller à Fenêtre gauche' }).click();
    await expect.poll(latestPicture, { timeout: 40_000, interval: 1000 }).toBe('left masked');
    await page.getByRole('button', { name: 'Aller à Fenêtre droite' }).click();
    await expect.poll(latestPicture, { timeout: 40_000, interval: 1000 }).toBe('right masked');
  }, 120_000);
});
