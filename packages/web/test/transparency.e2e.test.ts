import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDaysToDate, zonedDate } from '@vigie/core';
import { loadConfig, type RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definedOnly } from '@vigie/core/defined-only';
import { connectBrowser } from './browser.js';
import { startSeededServer, testPasswordCost, tokenAs } from '../../server/test/support.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

describe('public transparency page in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-e2e-public-');
    await mkdir(shots, { recursive: true });
    server = await startSeededServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    browser = await connectBrowser();
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
    // The demo's analysis authorisation is announced before its analytics start (LEGAL R26).
    const notice = page.locator('section.analysis-notices article');
    expect(await notice.getAttribute('data-state')).toMatch(/^(scheduled|active)$/);
    expect(await notice.innerText()).toContain('détection des objets abandonnés');
    expect(await notice.innerText()).toMatch(/Objet abandonné[\s\S]*Gare — Consigne[\s\S]*DÉMO\/VSA\/0001/);
    const html = await page.content();
    expect(html).not.toMatch(/file:\/\/|rtsp:\/\/|\.mp4/);
    await page.screenshot({ path: join(shots, 'legal-transparency-fr.png'), fullPage: true });
  });

  it('takes a citizen’s access request and gives back its reference and deadline', async () => {
    const yesterday = addDaysToDate(zonedDate(new Date(), 'Europe/Paris'), -1);
    await page.getByLabel('Jour où vous avez été filmé(e)').fill(yesterday.split('-').reverse().join('/'));
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

  it('shows, per camera and month, how images were used and whether access requests were answered in time', async () => {
    const [gare] = (await server.app.accessRequests.list()).filter((r) => r.status === 'received');
    expect(gare?.cameraId).toBeDefined();
    const cameraId = gare!.cameraId!;
    // Uses through the real routes, each audited: two live views, a playback and an export of the demo's
    // recording, an alert qualified a false alarm; then the DPO answers the request sent above.
    const agent = await tokenAs(server.app, ['supervisor']);
    const call = (url: string, payload?: object) =>
      server.app.http.inject({ method: 'POST', url, headers: agent, ...definedOnly({ payload }) });
    for (let i = 0; i < 2; i += 1) expect((await call(`/api/cameras/${cameraId}/live`)).statusCode).toBe(201);
    const range = () => ({ from: new Date(Date.now() - 120_000).toISOString(), to: new Date().toISOString() });
    // The demo records from its start: wait for the first segment.
    await expect
      .poll(
        async () => (await call(`/api/cameras/${cameraId}/playback`, { ...range(), reason: 'Rixe PV 77' })).statusCode,
        {
          timeout: 60_000,
        },
      )
      .toBe(201);
    const exported = await call(`/api/cameras/${cameraId}/exports`, {
      ...range(),
      purpose: 'public_space_safety',
      reason: 'Réquisition PV 77',
    });
    expect(exported.statusCode, exported.body).toBe(201);
    // A camera-offline alert (or the one a loaded machine already raised, still unresolved) gets its verdict.
    await server.app.alerts.cameraOffline(cameraId, 'Démonstration : flux interrompu');
    const queue = await server.app.http.inject({ url: `/api/alerts?cameraId=${cameraId}`, headers: agent });
    const alert = queue.json<{ id: string; status: string }[]>().find((a) => a.status !== 'closed');
    expect(alert, queue.body).toBeDefined();
    const qualified = await call(`/api/alerts/${alert!.id}/actions`, {
      action: 'qualify',
      qualification: 'false_alarm',
    });
    expect(qualified.statusCode, qualified.body).toBe(200);
    const dpo = { actorName: 'dpo.bernard', source: '10.9.8.6' };
    await server.app.accessRequests.changeStatus(gare!.id, { status: 'searching' }, dpo);
    await server.app.accessRequests.changeStatus(gare!.id, { status: 'no_footage' }, dpo);

    await page.reload();
    const section = page.locator('section.accountability');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Utilisation des images, caméra par caméra');
    const row = section.locator(`table.public-statistics tr[data-camera-id="${cameraId}"]`);
    const cell = (label: string) => row.locator(`td[data-label="${label}"]`).innerText();
    expect(await cell('Caméra')).toBe('Gare — Parvis');
    expect(await cell('Visionnages en direct')).toBe('2');
    expect(await cell('Relectures d’enregistrements')).toBe('1');
    expect(await cell('Extractions, par finalité')).toBe('Sécurité des personnes et des biens : 1');
    // Alerts the demo raised on its own (a camera seen offline on a loaded machine) count too.
    expect(await cell('Alertes')).toMatch(/^[1-9]\d*$/);
    expect(await cell('Décisions des opérateurs')).toBe('Fausse alerte : 1');
    // Every camera has its line, zero when unused.
    expect(await section.locator('table.public-statistics tbody tr').count()).toBe(5);
    expect(await section.locator('p.requests').innerText()).toMatch(
      /^Demandes d’accès aux images traitées en .+ : 1, dont 1 dans le délai légal\.$/,
    );
    // Counts only: neither the agents, their addresses, the reasons nor the requester reach the page.
    const html = await page.content();
    for (const secret of ['supervisor-token', 'PV 77', 'dpo.bernard', 'Camille Martin']) {
      expect(html).not.toContain(secret);
    }
    await section.screenshot({ path: join(shots, 'legal-transparency-statistics-fr.png') });
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
      // The usage figures too: each camera a card of labelled counts, within the screen.
      const figures = phone.locator('table.public-statistics tbody tr').first();
      await figures.scrollIntoViewIfNeeded();
      const live = figures.locator('td[data-label="Visionnages en direct"]');
      expect(await live.innerText()).toMatch(/^\d+$/);
      // Cards, not columns: the header row is hidden, each figure carries its label.
      expect((await phone.locator('table.public-statistics thead').boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
      const card = await figures.boundingBox();
      expect((card?.x ?? 0) + (card?.width ?? 0)).toBeLessThanOrEqual(390);
      await phone
        .locator('section.accountability')
        .screenshot({ path: join(shots, 'legal-transparency-statistics-phone-390-fr.png') });
      await phone.screenshot({ path: join(shots, 'legal-transparency-phone-390-fr.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('switches to English', async () => {
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Video protection — public information');
    expect(await page.locator('table.public-cameras').innerText()).toContain('Safety of people and property');
    expect(await page.locator('section.accountability h2').textContent()).toBe('How each camera’s images were used');
    // The citizen types the day first and the time on the 24-hour clock in English too.
    expect(await page.getByLabel('Day you were filmed').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await page.getByLabel('From (time)').getAttribute('placeholder')).toBe('hh:mm');
    expect(await page.locator('section.accountability p.requests').innerText()).toMatch(
      /^Access requests answered in .+: 1, of which 1 within the legal deadline\.$/,
    );
    await page.screenshot({ path: join(shots, 'legal-transparency-en.png'), fullPage: true });
  });
});
