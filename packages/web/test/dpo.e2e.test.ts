import { execFile } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { frenchProfile, zonedDate, zonedLocal } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import { loadConfig, systemRequester, type RunningServer } from '@vigie/server';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { startSeededServer, testPasswordCost } from '../../server/test/support.js';
import { unusedTotpCode } from './support/unused-totp.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

/** The demo accounts `startServer` wrote to `<dataDir>/demo-accounts.txt`: password and one-time-code key. */
async function demoAccounts(dataDir: string): Promise<Map<string, { password: string; secret?: string }>> {
  const accounts = new Map<string, { password: string; secret?: string }>();
  let last: string | undefined;
  for (const line of (await readFile(join(dataDir, 'demo-accounts.txt'), 'utf8')).split('\n')) {
    const password = /^(\S+)\tpassword: (\S+)/.exec(line);
    const secret = /^\tone-time codes: .*[?&]secret=([A-Z2-7]+)/.exec(line);
    if (password !== null) accounts.set((last = password[1]!), { password: password[2]! });
    else if (secret !== null && last !== undefined) accounts.get(last)!.secret = secret[1]!;
  }
  return accounts;
}

/** HH:MM of an instant in the legal time zone. */
function parisTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: frenchProfile.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** An instant as a `datetime-local` value with seconds on the city's clock (the console's, not the browser's). */
function localValue(ms: number): string {
  return zonedLocal(new Date(ms), frenchProfile.timeZone);
}

/** Types an instant into a date-time field as a person would: the day first, then the time on the 24-hour clock. */
async function fillMoment(form: Locator, label: string, ms: number): Promise<void> {
  const [day = '', time = ''] = localValue(ms).split('T');
  const field = form.getByRole('group', { name: label, exact: true });
  await field.getByLabel('Jour').fill(day.split('-').reverse().join('/'));
  await field.getByLabel('Heure').fill(time);
}

describe('the DPO’s screens in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let dpo: Page;
  let dataDir: string;
  let accounts: Map<string, { password: string; secret?: string }>;
  let supervisorToken: string;
  let reference: string;

  /**
   * A fresh browser session logged in as a demo account, on the screen at `path`: the console keeps the address it
   * was opened at through the login, so a supervisor or operator tested elsewhere never loads the live wall (their
   * home screen, four playing tiles).
   */
  async function sessionOf(username: string, path = '/'): Promise<Page> {
    const account = accounts.get(username);
    if (account === undefined) throw new Error(`no demo account ${username}`);
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${server.url}${path}`);
    await page.getByLabel('Identifiant').fill(username);
    await page.getByLabel('Mot de passe').fill(account.password);
    if (account.secret !== undefined)
      await page.getByLabel(/Code à usage unique/).fill(await unusedTotpCode(account.secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('nav.nav').waitFor();
    return page;
  }

  async function cameraId(name: string): Promise<string> {
    const camera = (await server.app.cameras.list(systemRequester('test'))).find((c) => c.name === name);
    if (camera === undefined) throw new Error(`no demo camera ${name}`);
    return camera.id;
  }

  /** A recorded span of the camera at least `seconds` long, polled through the API as the supervisor. */
  async function recordedSpan(id: string, seconds: number): Promise<{ start: number; end: number }> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const query = new URLSearchParams({
        from: new Date(Date.now() - 10 * 60_000).toISOString(),
        to: new Date().toISOString(),
      });
      const response = await fetch(`${server.url}/api/cameras/${id}/recordings?${query.toString()}`, {
        headers: { authorization: `Bearer ${supervisorToken}` },
      });
      const body = (await response.json()) as { ranges: { start: string; end: string }[] };
      const span = body.ranges
        .map((r) => ({ start: Date.parse(r.start), end: Date.parse(r.end) }))
        .find((r) => r.end - r.start >= seconds * 1000);
      if (span !== undefined) return span;
      if (Date.now() > deadline) throw new Error(`camera ${id} recorded no ${seconds} s span: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-e2e-dpo-');
    await mkdir(shots, { recursive: true });
    server = await startSeededServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    accounts = await demoAccounts(dataDir);
    supervisorToken = (await readFile(join(dataDir, 'demo-token'), 'utf8')).trim();
    browser = await connectBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets a person file an access request on the public page, naming a camera', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/transparence`);
    // A window around now on today's date in Paris, kept inside the day.
    const now = new Date();
    const today = zonedDate(now, frenchProfile.timeZone);
    const from =
      zonedDate(new Date(now.getTime() - 5 * 60_000), frenchProfile.timeZone) === today
        ? parisTime(new Date(now.getTime() - 5 * 60_000))
        : '00:00';
    const to =
      zonedDate(new Date(now.getTime() + 10 * 60_000), frenchProfile.timeZone) === today
        ? parisTime(new Date(now.getTime() + 10 * 60_000))
        : '23:59';
    await page.getByLabel('Jour où vous avez été filmé(e)').fill(today.split('-').reverse().join('/'));
    await page.getByLabel('De (heure)').fill(from);
    await page.getByLabel('À (heure)').fill(to);
    await page.getByLabel('Caméra (si vous la connaissez)').selectOption({ label: 'Gare — Parvis' });
    await page.getByLabel('Lieu (rue, place, bâtiment)').fill('Parvis de la gare, côté taxis');
    await page
      .getByLabel(/Comment vous reconnaître/)
      .fill('Manteau rouge, valise à roulettes bleue, je traversais vers les taxis');
    await page.getByLabel('Votre nom').fill('Camille Durand');
    await page.getByLabel('Votre adresse électronique').fill('camille.durand@example.org');
    await page.getByRole('button', { name: 'Envoyer la demande' }).click();
    const sent = page.locator('.access-request .sent');
    await expect.poll(() => sent.count()).toBe(1);
    reference = /référence (\S+)\./.exec(await sent.innerText())?.[1] ?? '';
    expect(reference).not.toBe('');
    await page.close();
  });

  it('shows the DPO the registry and the access requests; the request listed with its deadline', async () => {
    dpo = await sessionOf('dpo');
    expect(await dpo.locator('nav.nav a').allInnerTexts()).toEqual([
      'Carte',
      'Journal d’audit',
      'Registre légal',
      'Demandes d’accès',
      'Gels judiciaires',
      'Conformité',
      'Décider des levées',
    ]);
    await dpo.getByRole('link', { name: 'Demandes d’accès' }).click();
    const row = dpo.locator('table.requests tbody tr', { hasText: reference });
    await expect.poll(() => row.count()).toBe(1);
    // The row names the camera once the console has its camera list (later than the requests under load).
    await expect.poll(() => row.innerText()).toContain('Gare — Parvis');
    const text = await row.innerText();
    expect(text).toContain('Reçue');
    expect(text).toContain('Camille Durand');
    expect(text).toContain('Gare — Parvis');
    expect(text).toMatch(/encore (30|31) j/);
    expect(await row.getAttribute('class')).toBeNull();
    await dpo.getByLabel('En retard seulement').check();
    await expect.poll(() => dpo.locator('table.requests tbody tr').count()).toBe(0);
    await dpo.getByLabel('En retard seulement').uncheck();
    await expect.poll(() => row.count()).toBe(1);
    await dpo.screenshot({ path: join(shots, 'dpo-requests-fr.png') });
  });

  it('moves the request to searching and attaches recorded footage, held from the purge', async () => {
    await dpo.getByRole('link', { name: reference }).click();
    const detail = dpo.locator('.request-detail');
    await expect.poll(() => detail.locator('h3').innerText()).toMatch(new RegExp(`Demande ${reference}\\s+Reçue`));
    expect(await detail.locator('blockquote').innerText()).toContain('Manteau rouge');
    await dpo.getByLabel(/Note interne/).fill('Recherche sur la caméra du parvis');
    await dpo.getByRole('button', { name: 'Commencer la recherche' }).click();
    await expect.poll(() => detail.locator('h3 .badge').innerText()).toBe('Recherche en cours');
    await expect
      .poll(() => dpo.locator('table.requests tr', { hasText: reference }).innerText())
      .toContain('Recherche en cours');

    const span = await recordedSpan(await cameraId('Gare — Parvis'), 8);
    const start = Math.ceil(span.start / 1000) * 1000 + 1000;
    const form = dpo.locator('form.range-form');
    expect(await form.getByLabel('Caméra').locator('option:checked').innerText()).toBe('Gare — Parvis');
    await fillMoment(form, 'Début', start);
    await fillMoment(form, 'Fin', start + 5000);
    expect(await form.getByLabel(/Conserver malgré la purge/).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Joindre la plage' }).click();
    const range = detail.locator('li.matched-range');
    await expect.poll(() => range.count()).toBe(1);
    expect(await range.innerText()).toContain('conservée malgré la purge');
    await range.getByRole('button', { name: 'Libérer' }).click();
    await expect.poll(() => range.locator('.badge').innerText()).toBe('libérée (purge normale)');
    await range.getByRole('button', { name: 'Conserver à nouveau' }).click();
    await expect.poll(() => range.locator('.badge').innerText()).toBe('conservée malgré la purge');
    await dpo.getByRole('button', { name: 'Images retrouvées' }).click();
    await expect.poll(() => detail.locator('h3 .badge').innerText()).toBe('Images retrouvées');
  });

  it('shows the server’s refusal to call the answer ready before the copy exists', async () => {
    await dpo.getByRole('button', { name: 'Copie prête' }).click();
    await expect
      .poll(() => dpo.locator('.request-detail .api-problem').innerText())
      .toContain('Every matched range needs its blurred export');
  });

  it('makes the anonymised copy, which needs review, plays it, marks it reviewed, and delivers', async () => {
    const range = dpo.locator('li.matched-range');
    await range.getByRole('button', { name: 'Faire la copie anonymisée' }).click();
    await expect.poll(() => range.locator('.copy-report').count(), { timeout: 90_000 }).toBe(1);
    expect(await range.locator('.copy-report').innerText()).toMatch(
      /^Copie faite : \d+ images, \d+ zones pixellisées \((toutes les zones en mouvement|détecteur de personnes)\)\.$/,
    );
    expect(await range.locator('.review').innerText()).toMatch(/^⚠?\s*À VÉRIFIER/);
    expect(await dpo.locator('.request-detail .api-problem').count()).toBe(0);
    // Played here for review: the browser decodes the copy from its download address.
    const played = await dpo.evaluate<{ duration: number; width: number }>(`(async () => {
      const video = document.querySelector('li.matched-range video');
      video.muted = true;
      await video.play();
      video.pause();
      video.currentTime = 2;
      return { duration: video.duration, width: video.videoWidth };
    })()`);
    expect(played.duration).toBeGreaterThan(3);
    expect(played.width).toBeGreaterThan(0);
    await dpo.waitForTimeout(300);
    await dpo.locator('.request-detail').screenshot({ path: join(shots, 'dpo-request-detail-fr.png') });

    await range.getByRole('button', { name: 'Marquer comme vérifiée' }).click();
    await expect.poll(() => range.locator('.review').innerText()).toMatch(/Copie vérifiée\.$/);
    await dpo.getByRole('button', { name: 'Copie prête' }).click();
    await expect.poll(() => dpo.locator('.request-detail h3 .badge').innerText()).toBe('Copie prête');
    await dpo.getByRole('button', { name: 'Copie remise au demandeur' }).click();
    await expect.poll(() => dpo.locator('.request-detail h3 .badge').innerText()).toBe('Remise');
    expect(await dpo.locator('.history li').allInnerTexts()).toEqual([
      expect.stringMatching(/Reçue par/),
      expect.stringMatching(/Recherche en cours par dpo — Recherche sur la caméra du parvis$/),
      expect.stringMatching(/Images retrouvées par/),
      expect.stringMatching(/Copie prête par/),
      expect.stringMatching(/Remise par/),
    ]);
    // Answered: no more moves, holds released.
    expect(await dpo.locator('.status-actions').count()).toBe(0);
    expect(await dpo.locator('li.matched-range .badge').innerText()).toBe('libérée (purge normale)');
    const audit = await dpo.context().request.get(`${server.url}/api/audit?limit=200`);
    const trail = ((await audit.json()) as { action: string }[]).map((e) => e.action);
    expect(trail).toEqual(
      expect.arrayContaining(['access_request.export_attached', 'export.downloaded', 'access_request.range_changed']),
    );
  }, 120_000);

  it('lets the DPO record a camera’s sign notes, photo and impact assessment, showing the server’s field errors', async () => {
    await dpo.getByRole('link', { name: 'Registre légal' }).click();
    const rows = dpo.locator('table.registry tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    const consigne = rows.filter({ hasText: 'Gare — Consigne' });
    await expect.poll(() => consigne.innerText()).toContain('DÉMO/AIPD/0001');
    expect(await consigne.innerText()).toMatch(/Valide jusqu’au .*\s+DÉMO\/CAB\/0001/);
    expect(await consigne.innerText()).toContain('Couvre : Objet abandonné');
    expect(await consigne.locator('[data-state]').getAttribute('data-state')).toBe('valid');

    await consigne.getByRole('link', { name: 'Gare — Consigne' }).click();
    const editor = dpo.locator('form.registry-editor');
    await expect.poll(() => editor.locator('h3').innerText()).toMatch(/^Registre — Gare — Consigne/);
    const issued = await editor.getByLabel('Signé le').inputValue();
    const expires = await editor.getByLabel('Valable jusqu’au').inputValue();
    // Typed day first, as the console writes dates: six years after signing.
    await editor.getByLabel('Valable jusqu’au').fill(`${issued.slice(0, 6)}${Number(issued.slice(6)) + 6}`);
    await editor.getByRole('button', { name: 'Enregistrer au registre' }).click();
    const problem = editor.locator('.api-problem');
    await expect.poll(() => problem.innerText()).toMatch(/\/authorisation\/expiresOn must be .* or earlier/);
    await editor.getByLabel('Valable jusqu’au').fill(expires);

    await editor.getByLabel(/Notes : emplacement/).fill('Panneau refait à neuf côté quais, visible depuis le hall');
    await editor.getByLabel('Référence de l’AIPD').fill('AIPD-2026-07');
    await editor.getByLabel('Avis du DPO').fill('Avis favorable, limité à la consigne et au comptage anonyme.');
    await editor.getByRole('checkbox', { name: /Comptage/ }).check();
    await editor.getByRole('button', { name: 'Enregistrer au registre' }).click();
    await expect.poll(() => editor.locator('.actions .ok').innerText()).toBe('Enregistré au registre (version 2).');
    expect(await problem.count()).toBe(0);

    const sign = join(dataDir, 'sign.jpg');
    await promisify(execFile)(locateFfmpeg().path, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=480x300',
      '-frames:v',
      '1',
      '-y',
      sign,
    ]);
    await editor.locator('.sign-photo input[type=file]').setInputFiles(sign);
    await expect
      .poll(() => dpo.evaluate<number>("document.querySelector('.sign-photo img')?.naturalWidth ?? 0"))
      .toBe(480);

    const id = await cameraId('Gare — Consigne');
    const saved = await server.app.registry.get(id);
    expect(saved.signage).toMatchObject({
      notes: 'Panneau refait à neuf côté quais, visible depuis le hall',
      photo: { contentType: 'image/jpeg' },
    });
    expect(saved.dpia).toMatchObject({
      reference: 'AIPD-2026-07',
      coveredAnalytics: ['abandoned_object', 'people_count'],
    });
    await dpo.reload();
    await expect.poll(() => editor.getByLabel('Référence de l’AIPD').inputValue()).toBe('AIPD-2026-07');
    await expect.poll(() => consigne.innerText()).toContain('Couvre : Objet abandonné, Comptage');
    expect(await consigne.innerText()).toContain('photo déposée');
    await dpo.screenshot({ path: join(shots, 'dpo-registry-fr.png'), fullPage: true });

    await dpo.getByLabel('Langue').selectOption('en');
    await expect.poll(() => dpo.locator('main h2').innerText()).toBe('Legal registry');
    expect(await consigne.innerText()).toMatch(/Valid until .*2030/);
    expect(await editor.locator('legend').allInnerTexts()).toContain('Impact assessment of the analytics (DPIA)');
    await dpo.screenshot({ path: join(shots, 'dpo-registry-en.png') });
    await dpo.getByLabel('Language').selectOption('fr');
  });

  it('lets a supervisor place a legal hold and release it, and shows the DPO every hold without the form', async () => {
    const supervisor = await sessionOf('superviseur', '/admin/holds');
    await supervisor.getByRole('link', { name: 'Gels judiciaires' }).click();
    const form = supervisor.locator('form.hold-form');
    await form.getByLabel('Caméra').selectOption({ label: 'Gare — Consigne' });
    await form.getByLabel('Référence de la réquisition').fill('PV 2026/00042');
    await form.getByLabel('Motif').fill('Réquisition du parquet de Lyon');
    // The expiry is typed day first on the 24-hour clock, not in the browser's own date format.
    const expiry = form.getByRole('group', { name: 'Échéance du gel' });
    expect(await expiry.getByLabel('Jour').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await expiry.getByLabel('Heure').inputValue()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    await form.getByRole('button', { name: 'Poser le gel' }).click();
    const row = supervisor.locator('table.holds tbody tr', { hasText: 'PV 2026/00042' });
    await expect.poll(() => row.locator('.badge').innerText()).toBe('en cours');
    await row.getByLabel('Motif de la levée').fill('Affaire classée sans suite');
    await row.getByRole('button', { name: 'Lever' }).click();
    await expect.poll(() => row.locator('.badge').innerText()).toBe('levé');
    expect(await row.innerText()).toContain('Affaire classée sans suite');
    await supervisor.context().close();

    const officer = await sessionOf('dpo');
    await officer.getByRole('link', { name: 'Gels judiciaires' }).click();
    await expect.poll(() => officer.locator('table.holds tbody tr', { hasText: 'PV 2026/00042' }).count()).toBe(1);
    expect(await officer.locator('form.hold-form').count()).toBe(0);
    expect(await officer.getByRole('button', { name: 'Lever' }).count()).toBe(0);
    await officer.context().close();
  });

  it('shows the registry to a supervisor read-only, and neither screen to an operator', async () => {
    const supervisor = await sessionOf('superviseur', '/admin/registry');
    await supervisor.getByRole('link', { name: 'Registre légal' }).click();
    await supervisor.getByRole('link', { name: 'Gare — Consigne' }).click();
    await expect
      .poll(() => supervisor.locator('form.registry-editor .notice').innerText())
      .toBe('Lecture seule : seul le DPO modifie le registre.');
    expect(await supervisor.getByLabel('Numéro de l’arrêté').isDisabled()).toBe(true);
    expect(await supervisor.getByRole('button', { name: 'Enregistrer au registre' }).count()).toBe(0);
    expect(await supervisor.locator('nav.nav a').allInnerTexts()).not.toContain('Demandes d’accès');
    await supervisor.context().close();

    const operator = await sessionOf('operateur', '/admin/registry');
    const links = await operator.locator('nav.nav a').allInnerTexts();
    expect(links).toEqual(['Mur d’images', 'Alertes', 'Incidents', 'Carte', 'Relecture', 'Statistiques']);
    for (const path of ['/admin/registry', '/admin/requests', '/admin/holds']) {
      await operator.goto(`${server.url}${path}`);
      await expect
        .poll(() => operator.locator('main .notice').innerText())
        .toBe('Votre rôle ne donne pas accès à cet écran.');
    }
    await operator.context().close();
  });
});
