import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise } from '../../server/test/support.js';
import { onvifPassword } from '../../server/test/support/recorded-onvif-camera.js';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { loopbackCameras, startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('finding an ONVIF camera on the network and adding it from the console, in a real browser', () => {
  let server: RunningServer;
  let device: FakeOnvifDevice;
  let mainStream: FakeRtspCamera;
  let subStream: FakeRtspCamera;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-onvif-e2e-');
    await mkdir(shots, { recursive: true });
    const [mainClip, subClip] = await Promise.all([
      renderTestClip({ dir: dataDir, seconds: 60, name: 'main.mp4' }),
      renderTestClip({ dir: dataDir, seconds: 60, name: 'sub.mp4' }),
    ]);
    mainStream = await startFakeRtspCamera(mainClip);
    subStream = await startFakeRtspCamera(subClip);
    // The device answers WS-Discovery multicast probes on the host's network, as the server's discover route sends
    // them (the same probe is tested inside a network namespace of its own in the media package).
    device = await startFakeOnvifDevice({
      username: 'vigie',
      password: onvifPassword,
      profiles: [
        { token: 'main', name: 'Principal', width: 1920, height: 1080, fps: 10, gop: 20, streamUrl: mainStream.url },
        { token: 'sub', name: 'Secondaire', width: 640, height: 360, fps: 10, gop: 20, streamUrl: subStream.url },
      ],
    });
    server = await startTestServer(dataDir, loopbackCameras);
    const login = await createConsoleAccount(server.app, 'chef.reseau', ['supervisor'], 'Chef réseau');
    ({ browser, page } = await openConsolePage(server.url, login));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await device?.stop();
    await mainStream?.stop();
    await subStream?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('discovers the device, refuses a wrong password in the operator’s language, adds it with main and sub streams, and records it once authorised', async () => {
    await page.goto(new URL('/admin/cameras', server.url).toString());
    await page.getByRole('link', { name: 'Rechercher des caméras (ONVIF)' }).click();
    // Other ONVIF devices on the network may answer too: the test device is the row with its address.
    const row = page.locator(`tr[data-address="${device.address}"]`);
    await row.waitFor();
    const host = new URL(device.address).host;
    expect(await row.locator('td').allInnerTexts()).toEqual(['Vigie Test', 'PTZ-1', host, 'Ajouter Vigie Test']);
    await row.getByRole('button', { name: 'Ajouter Vigie Test' }).click();

    const form = page.locator('form.onvif-add');
    await form.getByLabel('Identifiant ONVIF', { exact: true }).fill('vigie');
    await form.getByLabel('Mot de passe ONVIF', { exact: true }).fill('not-the-password');
    await form.getByRole('button', { name: 'Lire les profils' }).click();
    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe('La caméra ONVIF refuse l’identifiant ou le mot de passe.');
    await page.getByLabel('Langue').selectOption('en');
    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe('The ONVIF camera refuses the username or password.');
    await page.getByLabel('Language').selectOption('fr');

    await form.getByLabel('Mot de passe ONVIF', { exact: true }).fill(onvifPassword);
    await form.getByRole('button', { name: 'Lire les profils' }).click();
    const main = form.getByLabel('Flux principal (enregistré)');
    await main.waitFor();
    // The largest profile is suggested for recording, the smallest for analysis.
    expect(await main.inputValue()).toBe('main');
    expect(await form.getByLabel('Flux secondaire (analyse et petites vignettes)').inputValue()).toBe('sub');
    expect(await main.locator('option').allInnerTexts()).toEqual([
      'Principal — 1920×1080 H264, 10 i/s',
      'Secondaire — 640×360 H264, 10 i/s',
    ]);
    await form.getByLabel('Nom de la caméra', { exact: true }).fill('Parvis ONVIF');
    await form.getByLabel('Latitude', { exact: true }).fill('50.3579');
    await form.getByLabel('Longitude', { exact: true }).fill('3.5233');
    await form.getByLabel('Sécurité des personnes et des biens').check();
    await page.screenshot({ path: join(shots, 'onvif-discovery-add-fr.png'), fullPage: true });
    await form.getByRole('button', { name: 'Ajouter la caméra' }).click();
    await expect.poll(() => page.getByTestId('onvif-added').innerText()).toMatch(/^Caméra « Parvis ONVIF » ajoutée/);
    // The search runs again: the device is now marked as added.
    await expect.poll(() => row.locator('td').last().innerText()).toBe('oui — voir la caméra');

    await page.getByRole('link', { name: '← Retour aux caméras' }).click();
    const cameraRow = page.locator('table.cameras tr', { hasText: 'Parvis ONVIF' });
    await cameraRow.waitFor();
    const cameraId = await cameraRow.getAttribute('data-camera-id');
    if (cameraId === null) throw new Error('the camera row has no id');
    const camera = (await (
      await page.request.get(new URL(`/api/cameras/${cameraId}`, server.url).toString())
    ).json()) as {
      sourceUrl: string;
      subStreamUrl?: string;
    };
    // Main stream recorded, sub stream analysed, opened with the ONVIF account (its password sealed apart).
    expect(camera.sourceUrl).toBe(mainStream.url.replace('rtsp://', 'rtsp://vigie@'));
    expect(camera.subStreamUrl).toBe(subStream.url.replace('rtsp://', 'rtsp://vigie@'));

    // No prefectoral authorisation yet: not recorded (LEGAL R1). Once the registry holds one, it records.
    expect(mainStream.viewers()).toBe(0);
    await authorise(server.app, cameraId);
    const recorded = async (): Promise<number> => {
      const to = new Date();
      const from = new Date(to.getTime() - 10 * 60_000);
      const response = await page.request.get(
        new URL(
          `/api/cameras/${cameraId}/recordings?from=${from.toISOString()}&to=${to.toISOString()}`,
          server.url,
        ).toString(),
      );
      return ((await response.json()) as { ranges?: unknown[] }).ranges?.length ?? 0;
    };
    await expect.poll(recorded, { timeout: 60_000, interval: 1000 }).toBeGreaterThan(0);
    await page.reload();
    // Its stream health is now measured on the recording (it was "non mesurée" while nothing recorded it).
    const health = page.locator('table.cameras tr', { hasText: 'Parvis ONVIF' }).locator('[data-health]');
    await expect.poll(() => health.getAttribute('data-health'), { timeout: 30_000 }).toMatch(/^(good|degraded)$/);
    await page.screenshot({ path: join(shots, 'onvif-discovery-recording-fr.png'), fullPage: true });
  }, 150_000);
});
