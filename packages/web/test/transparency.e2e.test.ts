import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDaysToDate, zonedDate } from '@vigie/core';
import { loadConfig, startServer, type RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { testPasswordCost } from '../../server/test/support.js';

const webDist = fileURLToPath(new URL('../dist/index.html', import.meta.url));
const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('public transparency page in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    if (!existsSync(webDist))
      throw new Error('The console is not built: run "npm run build" (npm test does it first).');
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-public-'));
    await mkdir(shots, { recursive: true });
    server = await startServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is reached from the login screen, without logging in', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: /Information du public/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/transparence');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vidéoprotection — information du public');
  });

  it('lists the demo cameras with their purposes, signs and authorisations, and the contacts, in French', async () => {
    await expect.poll(() => page.locator('table.public-cameras tbody tr').count()).toBe(5);
    const table = await page.locator('table.public-cameras').innerText();
    expect(table).toContain('Gare — Parvis');
    expect(table).toContain('Prévention du terrorisme');
    expect(table).toMatch(/Arrêté DÉMO\/CAB\/0001, jusqu’au/);
    expect(table).toContain('Installé');
    expect(table).toContain('Aucune');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Commune de démonstration — le maire');
    expect(text).toContain('dpo@example.org');
    expect(text).toContain('Aucune reconnaissance faciale');
    const html = await page.content();
    expect(html).not.toMatch(/file:\/\/|rtsp:\/\/|\.mp4/);
    await page.screenshot({ path: join(shots, 'legal-transparency-fr.png'), fullPage: true });
  });

  it('takes a citizen’s access request and gives back its reference and deadline', async () => {
    const yesterday = addDaysToDate(zonedDate(new Date(), 'Europe/Paris'), -1);
    await page.getByLabel('Jour où vous avez été filmé(e)').fill(yesterday);
    await page.getByLabel('De (heure)').fill('08:00');
    await page.getByLabel('À (heure)').fill('08:30');
    await page.getByLabel('Caméra (si vous la connaissez)').selectOption({ label: 'Gare — Parvis' });
    await page.getByLabel(/Comment vous reconnaître/).fill('Veste rouge et sac à dos bleu, sortie de la gare.');
    await page.getByLabel('Votre nom').fill('Camille Martin');
    await page.getByLabel('Votre adresse électronique').fill('camille.martin@example.org');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    await expect.poll(() => page.locator('form .sent').textContent()).toMatch(/référence DA-\d{4}-[A-Z2-9]{6}/);
    const reference = /DA-\d{4}-[A-Z2-9]{6}/.exec((await page.locator('form .sent').textContent()) ?? '')?.[0];
    const stored = (await server.app.accessRequests.list()).find((r) => r.reference === reference);
    expect(stored).toMatchObject({ status: 'received', contactName: 'Camille Martin' });
    expect((await server.app.accessRequests.holdsFor(stored!.cameraId!)).map((h) => h.reference)).toContain(reference);
    await page.screenshot({ path: join(shots, 'legal-access-request-sent-fr.png'), fullPage: true });
  });

  it('fits a 390×844 phone: cameras as cards, no sideways scrolling, the send button reachable', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    try {
      await phone.goto(`${server.url}/transparence`);
      await expect.poll(() => phone.locator('table.public-cameras tbody tr').count()).toBe(5);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      const send = phone.getByRole('button', { name: 'Envoyer la demande' });
      await send.scrollIntoViewIfNeeded();
      const box = await send.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
      // A trial click fails when another element would receive the click (a covered button).
      await send.click({ trial: true, timeout: 5_000 });
      await phone.screenshot({ path: join(shots, 'legal-transparency-phone-390-fr.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Video protection — public information');
    expect(await page.locator('table.public-cameras').innerText()).toContain('Safety of people and property');
    await page.screenshot({ path: join(shots, 'legal-transparency-en.png'), fullPage: true });
  });
});
