import { rm } from 'node:fs/promises';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePtzCamera, type FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { onvifPassword } from '../../server/test/support/recorded-onvif-camera.js';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { seedOnvifCamera } from './support/seed-cameras.js';
import { loopbackCameras, startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

describe('steering a PTZ camera from its live view, in a real browser', () => {
  let server: RunningServer;
  let device: FakeOnvifDevice;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let cameraId: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-ptz-e2e-');
    device = await startFakePtzCamera(onvifPassword);
    server = await startTestServer(dataDir, loopbackCameras);
    cameraId = (await seedOnvifCamera(server, device, { name: 'Beffroi PTZ', enabled: false })).id;
    const login = await createConsoleAccount(server.app, 'chef.ptz', ['supervisor'], 'Chef PTZ');
    ({ browser, page } = await openConsolePage(server.url, login));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await device?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('moves while an arrow is held, saves a preset, goes back to it, and shows who holds the controls', async () => {
    await page.goto(new URL(`/cameras/${cameraId}/live`, server.url).toString());
    const panel = page.locator('.ptz-panel');
    await panel.waitFor();
    expect(await page.getByTestId('ptz-holder').innerText()).toMatch(/^Commande libre/);
    await expect.poll(() => panel.innerText()).toContain('Aucune préposition');

    // The head rests at 0,0,0: saved as "Parvis".
    await page.getByLabel('Nom de la préposition').fill('Parvis');
    await page.getByRole('button', { name: 'Enregistrer la position actuelle' }).click();
    await page.getByRole('button', { name: 'Aller à Parvis' }).waitFor();
    await expect.poll(() => page.getByTestId('ptz-holder').innerText()).toMatch(/^Vous avez la main/);

    // Held: the head moves (no position while moving); released: a Stop is sent.
    const right = page.getByRole('button', { name: 'Droite (maintenir)' });
    await right.hover();
    await page.mouse.down();
    await expect.poll(() => device.actions().includes('ContinuousMove')).toBe(true);
    expect(device.position()).toBeUndefined();
    await page.mouse.up();
    await expect.poll(() => device.actions().includes('Stop')).toBe(true);

    await page.getByRole('button', { name: 'Aller à Parvis' }).click();
    await expect.poll(() => device.position()).toEqual({ pan: 0, tilt: 0, zoom: 0 });

    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.getByTestId('ptz-holder').innerText()).toMatch(/^You have the controls/);
    await page.getByLabel('Language').selectOption('fr');
  });

  it('steers with a gamepad: the stick moves the head, releasing it stops, A calls the first preset', async () => {
    // A fake standard gamepad the page reads through navigator.getGamepads(); the test sets its sticks and buttons.
    await page.addInitScript({
      content: `
        const testGamepad = { id: 'Manette de test', index: 0, connected: true, mapping: 'standard', timestamp: 0,
          axes: [0, 0, 0, 0], buttons: Array.from({ length: 17 }, () => ({ pressed: false, touched: false, value: 0 })) };
        window.testGamepad = testGamepad;
        Object.defineProperty(navigator, 'getGamepads', { value: () => [testGamepad, null, null, null] });`,
    });
    await page.goto(new URL(`/cameras/${cameraId}/live`, server.url).toString());
    await page.locator('.ptz-panel').waitFor();
    await page.getByRole('button', { name: 'Aller à Parvis' }).waitFor();
    await page.evaluate("window.dispatchEvent(new Event('gamepadconnected'))");
    await expect.poll(() => page.getByTestId('ptz-gamepad').innerText()).toMatch(/^Manette connectée/);

    const before = device.actions().length;
    const movesBefore = device.moves().length;
    const setGamepad = (axes: number[], pressed: number[] = []) =>
      page.evaluate(
        `window.testGamepad.axes = ${JSON.stringify(axes)};
         window.testGamepad.buttons = window.testGamepad.buttons.map((_, i) => {
           const down = ${JSON.stringify(pressed)}.includes(i);
           return { pressed: down, touched: down, value: down ? 1 : 0 };
         });`,
      );
    // Left stick pushed up and to the left, past the dead zone.
    await setGamepad([-1, -1, 0, 0]);
    await expect.poll(() => device.moves().slice(movesBefore)).toContainEqual({ pan: -1, tilt: 1, zoom: 0 });
    expect(device.position()).toBeUndefined();
    await setGamepad([0, 0, 0, 0]);
    await expect.poll(() => device.actions().slice(before)).toContain('Stop');
    const sent = device.actions().slice(before);
    expect(sent.lastIndexOf('Stop')).toBeGreaterThan(sent.indexOf('ContinuousMove'));
    // Held still, the stick sends one move, not one per poll.
    expect(device.moves().length - movesBefore).toBe(1);

    await setGamepad([0, 0, 0, 0], [0]);
    await expect.poll(() => device.position()).toEqual({ pan: 0, tilt: 0, zoom: 0 });

    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.getByTestId('ptz-gamepad').innerText()).toMatch(/^Gamepad connected/);
    await page.getByLabel('Language').selectOption('fr');
  });
});
