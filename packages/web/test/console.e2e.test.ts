import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer, totpCode, type RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';

const webDist = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('console in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(webDist))
      throw new Error('The console is not built: run "npm run build" (npm test does it first).');
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-'));
    await mkdir(shots, { recursive: true });
    server = await startServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('asks an image-viewing agent for password and one-time code, and refuses a wrong code', async () => {
    const created = await server.app.users.create(
      {
        username: 'agent.dupont',
        displayName: 'Agent Dupont',
        roles: ['supervisor'],
        password: 'correct horse battery staple',
      },
      { now: new Date(), actor: { actorName: 'e2e setup' } },
    );
    await page.goto(server.url);
    await page.getByLabel('Identifiant').fill('agent.dupont');
    await page.getByLabel('Mot de passe').fill('correct horse battery staple');
    await page.getByLabel(/Code à usage unique/).fill('000000');
    await page.screenshot({ path: join(shots, 'foundation-login-fr.png') });
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong one-time code/);
    await page.getByLabel(/Code à usage unique/).fill(totpCode(created.totp?.secret ?? '', new Date()));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('.user').textContent()).toContain('Agent Dupont');
  });

  it('lists the demo cameras in French by default, with their purposes and retention', async () => {
    await expect.poll(() => page.locator('table.cameras tbody tr').count()).toBe(4);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Connecté');
    const text = await page.locator('table.cameras').innerText();
    expect(text).toContain('Hôtel de Ville — Entrée');
    expect(text).toContain('Protection des bâtiments publics');
    expect(text).toContain('15 j');
    await page.screenshot({ path: join(shots, 'foundation-camera-list-fr.png') });
  });

  it('shows a camera added through the API without a reload, and switches to English', async () => {
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'vigie_session')?.value ?? '';
    const csrf = await page.evaluate<string>("sessionStorage.getItem('vigie.csrf') ?? ''");
    const response = await fetch(`${server.url}/api/cameras`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `vigie_session=${session}`, 'x-csrf-token': csrf },
      body: JSON.stringify({
        name: 'Pont Jacob',
        sourceUrl: 'rtsp://192.0.2.20/live',
        location: { lat: 50.36, lon: 3.51 },
        purposes: ['traffic_regulation'],
      }),
    });
    expect(response.status).toBe(201);
    await expect.poll(() => page.locator('table.cameras tbody tr').count()).toBe(5);
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('h2').innerText()).toMatch(/^Cameras — 5 camera/);
    expect(await page.locator('table.cameras').innerText()).toContain('Traffic regulation');
    await page.screenshot({ path: join(shots, 'foundation-camera-list-en.png') });
  });
});
