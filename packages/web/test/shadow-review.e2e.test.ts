import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemRequester, type RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../server/test/support.js';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { seedCamera } from './support/seed-cameras.js';
import { startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('rules in shadow, reviewed and promoted from the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let cameraId: string;
  const alertIds: string[] = [];

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-review-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startTestServer(dataDir, { VIGIE_SHADOW_MIN_LABELLED: '3', VIGIE_SHADOW_MIN_PRECISION: '0.6' });
    const camera = await seedCamera(server, {
      name: 'Parvis de la gare',
      sourceUrl: 'rtsp://192.0.2.1:554/none',
      enabled: false,
      analytics: ['abandoned_object', 'intrusion'],
      ruleSettings: { abandoned_object: { mode: 'shadow' } },
    });
    cameraId = camera.id;
    for (let i = 0; i < 4; i++) {
      const at = new Date(Date.now() - (10 - i) * 60_000);
      const alert = await server.app.alerts.raise({
        cameraId,
        type: 'abandoned_object',
        severity: 'high',
        message: `objet ${i}`,
        openedAt: at,
        clip: { from: at, to: at },
        situationKey: `object-${i}`,
        facts: { subject: 'object', durationS: 60 + i },
        shadow: true,
      });
      alertIds.push(alert.id);
    }
    const login = await createConsoleAccount(server.app, 'chef.martin', ['supervisor'], 'Chef Martin');
    ({ browser, page } = await openConsolePage(server.url, login, {
      viewport: { width: 1920, height: 1080 },
      timeout: 8000,
    }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const item = (id: string) => page.locator(`.shadow-alert[data-alert-id="${id}"]`);
  const rule = () => page.locator(`.shadow-rule[data-camera-id="${cameraId}"][data-analytic="abandoned_object"]`);

  it('lists the shadow alerts and refuses to promote without evidence', async () => {
    await page.getByRole('link', { name: 'Règles en observation' }).click();
    await expect.poll(() => page.locator('.shadow-alert').count()).toBe(4);
    expect(await page.locator('.shadow-alerts .count').innerText()).toBe('4 alerte(s) en observation');
    expect(await rule().locator('.labels').innerText()).toContain('0 étiquetée(s) sur 3 requises');
    await rule().getByRole('button', { name: 'Passer en direct' }).click();
    await expect
      .poll(() => rule().locator('.error').innerText())
      .toBe('Pas encore assez d’alertes étiquetées pour promouvoir cette règle.');
  });

  it('takes labels, shows the precision, and takes the rule live with its report in the audit trail', async () => {
    await item(alertIds[0]!).getByRole('button', { name: 'Vraie' }).click();
    await expect.poll(() => item(alertIds[0]!).getAttribute('data-label')).toBe('true');
    await item(alertIds[1]!).getByRole('button', { name: 'Vraie' }).click();
    await item(alertIds[2]!).getByRole('button', { name: 'Fausse alerte' }).click();
    await item(alertIds[3]!).getByRole('button', { name: 'Sans objet' }).click();
    await expect.poll(() => item(alertIds[3]!).getAttribute('data-label')).toBe('irrelevant');
    expect(await item(alertIds[0]!).getByRole('button', { name: 'Vraie' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => rule().locator('.labels').innerText()).toContain('3 étiquetée(s) sur 3 requises');
    // French puts a narrow no-break space before the percent sign.
    await expect.poll(() => rule().locator('.error').count()).toBe(0);
    expect(await rule().locator('.precision').innerText()).toMatch(/^Précision : 67\s%$/u);
    await page.screenshot({ path: join(shots, 'shadow-review-fr.png'), fullPage: true });

    await rule().getByRole('button', { name: 'Passer en direct' }).click();
    await expect
      .poll(() => page.locator('.shadow-rules .promoted').innerText())
      .toMatch(/^Objet abandonné — Parvis de la gare : passée en direct avec une précision de 67\s%/u);
    // The list of rules in observation reloads after the message: the promoted rule leaves it.
    await expect.poll(() => rule().count()).toBe(0);
    const camera = await server.app.cameras.get(cameraId, systemRequester('e2e check'));
    expect(camera.ruleSettings?.abandoned_object?.mode).toBe('live');
    const audit = await server.app.http.inject({
      method: 'GET',
      url: '/api/audit?action=analytics.rule_promoted',
      headers: await loginAs(server.app, ['dpo']),
    });
    expect(audit.body).toContain('"labelled":3');
  });

  it('puts a live rule of a camera in observation', async () => {
    const form = page.locator('.observe-form');
    await form.getByLabel('Caméra', { exact: true }).selectOption({ label: 'Parvis de la gare' });
    await form.getByLabel('Analyse (activée sur cette caméra)').selectOption({ label: 'Intrusion' });
    await form.getByRole('button', { name: 'Observer' }).click();
    await expect
      .poll(() => page.locator(`.shadow-rule[data-camera-id="${cameraId}"][data-analytic="intrusion"]`).count())
      .toBe(1);
    const camera = await server.app.cameras.get(cameraId, systemRequester('e2e check'));
    expect(camera.ruleSettings?.intrusion?.mode).toBe('shadow');
  });
});
