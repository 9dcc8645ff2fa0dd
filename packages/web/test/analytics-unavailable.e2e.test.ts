import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { seedCamera } from './support/seed-cameras.js';
import { startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('analytics panel: rules switched on that do not run', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let cameraId: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-unavailable-e2e-');
    await mkdir(shots, { recursive: true });
    // No VIGIE_FIRE_MODEL: the fire rule cannot run, and must say so rather than raise on colour alone.
    server = await startTestServer(dataDir);
    const camera = await seedCamera(
      server,
      {
        name: 'Entrepôt de l’Étang — Quai',
        // A documentation address: the analysis starts (and says what it cannot run), no camera answers.
        sourceUrl: 'rtsp://192.0.2.31:554/none',
        purposes: ['rescue_fire_defence'],
        analytics: ['fire_smoke'],
      },
      { authorised: true, dpiaCovers: ['fire_smoke'] },
    );
    cameraId = camera.id;
    await server.app.analysis.resync();
    const login = await createConsoleAccount(server.app, 'chef.leroy', ['supervisor'], 'Chef Leroy');
    ({ browser, page } = await openConsolePage(server.url, login, { timeout: 8000 }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const unavailable = () => page.locator('.analytics-unavailable li');

  it('names the rule, the camera and why in French, from the server’s FIRE_MODEL_MISSING', async () => {
    // The panel reads the state when it opens (then every 15 s): the server knows it first.
    await expect.poll(() => server.app.analysis.state().unavailableRules.length).toBe(1);
    await page.getByRole('link', { name: 'Alertes', exact: true }).click();
    await expect
      .poll(() => unavailable().allInnerTexts())
      .toEqual([
        'Feu ou fumée ne fonctionne pas sur Entrepôt de l’Étang — Quai : La détection de feu ne fonctionne pas : ' +
          'aucun modèle de feu n’est installé sur ce serveur (elle ne donne jamais l’alerte sur la seule couleur).',
      ]);
    expect(await page.locator('.analytics-unavailable').getAttribute('role')).toBe('alert');
    await page.screenshot({ path: join(shots, 'analytics-unavailable-fr.png') });
  });

  it('says it in English once the operator switches language', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await expect
      .poll(() => unavailable().allInnerTexts())
      .toEqual([
        'Fire or smoke does not run on Entrepôt de l’Étang — Quai: Fire detection is not running: no fire model is ' +
          'installed on this server (it never raises an alert on colour alone).',
      ]);
    await page.getByLabel('Language').selectOption('fr');
  });

  it('lists nothing once the rule is switched off on the camera', async () => {
    await server.app.cameras.update(cameraId, { patch: { analytics: [] } }, { actorName: 'e2e' });
    await server.app.analysis.resync();
    await expect.poll(() => server.app.analysis.state().unavailableRules.length).toBe(0);
    await page.reload();
    await page.locator('.analytics-state').waitFor();
    expect(await unavailable().count()).toBe(0);
  });
});
