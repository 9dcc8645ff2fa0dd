import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, systemRequester, type RunningServer } from '@vigie/server';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { habilitate, startSeededServer, testPasswordCost } from '../../server/test/support.js';
import { unusedTotpCode } from './support/unused-totp.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
const password = 'correct horse battery staple';

describe('console in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let supervisorSecret: string;
  let operatorSecret: string;

  async function create(username: string, roles: ('operator' | 'supervisor' | 'dpo' | 'admin')[]) {
    const created = await server.app.users.create(
      { username, displayName: username, roles, password },
      { now: new Date(), actor: { actorName: 'e2e setup' } },
    );
    await habilitate(server.app, username, roles);
    return created.totp?.secret ?? '';
  }

  /** A fresh browser session (own cookies) logged in as the given account. */
  async function sessionOf(username: string, secret?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'fr-FR' });
    const fresh = await context.newPage();
    await fresh.goto(server.url);
    await fresh.getByLabel('Identifiant').fill(username);
    await fresh.getByLabel('Mot de passe').fill(password);
    if (secret !== undefined) await fresh.getByLabel(/Code à usage unique/).fill(await unusedTotpCode(secret));
    await fresh.getByRole('button', { name: 'Se connecter' }).click();
    await fresh.locator('nav.nav').waitFor();
    return fresh;
  }

  const navLinks = (p: Page) => p.locator('nav.nav a').allInnerTexts();

  async function cameraByName(name: string) {
    const cameras = await server.app.cameras.list(systemRequester('test'));
    const camera = cameras.find((c) => c.name === name);
    if (camera === undefined) throw new Error(`no camera ${name}`);
    return camera;
  }

  /** The session cookie and CSRF token of a browser page, to call the API as that person. */
  async function credentials(p: Page): Promise<{ cookie: string; csrf: string }> {
    const session = (await p.context().cookies()).find((c) => c.name === 'vigie_session')?.value ?? '';
    const csrf = await p.evaluate<string>("sessionStorage.getItem('vigie.csrf') ?? ''");
    return { cookie: `vigie_session=${session}`, csrf };
  }

  /**
   * Whether a <video> plays: fed by hls.js through Media Source Extensions (a blob: source), with a decoded
   * frame to show (readyState ≥ HAVE_CURRENT_DATA) and its clock moving forward over a second.
   */
  async function isPlaying(video: Locator): Promise<boolean> {
    const sample = () =>
      video.evaluate((v: { src: string; readyState: number; currentTime: number }) => ({
        mse: v.src.startsWith('blob:'),
        ready: v.readyState,
        at: v.currentTime,
      }));
    const before = await sample();
    await video.page().waitForTimeout(1000);
    const after = await sample();
    return after.mse && after.ready >= 2 && after.at > before.at;
  }

  /** Whether an <img> finished loading a real picture. */
  const imageLoaded = (image: Locator) =>
    image
      .evaluate((i: { complete: boolean; naturalWidth: number }) => i.complete && i.naturalWidth > 0)
      .catch(() => false);

  /** WebSocket URLs the main page opened: the push channel and each tile's low-latency live stream. */
  const streams: string[] = [];
  /** What Chromium refused under the server's Content-Security-Policy while the tests ran (issue 10 #9). */
  const refusedByPolicy: string[] = [];
  let consigne: { id: string };
  let alertId: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startSeededServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'fr-FR' });
    page.on('websocket', (socket) => streams.push(socket.url()));
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refusedByPolicy.push(message.text());
    });
    supervisorSecret = await create('agent.dupont', ['supervisor']);
    await create('admin.morel', ['admin']);
    await create('dpo.martin', ['dpo']);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('asks an image-viewing agent for password and one-time code, and refuses a wrong code', async () => {
    await page.goto(server.url);
    await page.getByLabel('Identifiant').fill('agent.dupont');
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByLabel(/Code à usage unique/).fill('000000');
    await page.screenshot({ path: join(shots, 'foundation-login-fr.png') });
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong one-time code/);
    await page.getByLabel(/Code à usage unique/).fill(await unusedTotpCode(supervisorSecret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('.user .who').textContent()).toBe('agent.dupont');
  });

  it('shows a supervisor the supervision screens, the camera administration and legal holds, not accounts or audit', async () => {
    await expect
      .poll(() => navLinks(page))
      .toEqual([
        'Mur d’images',
        'Alertes',
        'Incidents',
        'Carte',
        'Relecture',
        'Statistiques',
        'Caméras',
        'Règles en observation',
        'Registre légal',
        'Gels judiciaires',
        'Conformité',
        'Levées de masque',
      ]);
    expect(page.url()).toMatch(/\/wall$/);
  });

  it('plays the live wall: each tile an audited live view streamed over WebSocket into Media Source', async () => {
    await expect.poll(() => page.locator('.live-tile').count()).toBe(4);
    const parvis = await cameraByName('Gare — Parvis');
    const tile = page.locator(`.live-tile[data-camera-id="${parvis.id}"]`);
    await expect.poll(() => isPlaying(tile.locator('video')), { timeout: 45_000, interval: 250 }).toBe(true);
    await expect.poll(() => tile.locator('figcaption .badge').first().innerText()).toBe('en ligne');
    // The low-latency stream, not the HLS fallback: one stream socket per tile, each asking for the camera's sub
    // stream on a wall of four (the demo cameras have none: the server sends their main stream).
    expect(
      streams.filter((url) => /\/api\/live\/[0-9a-f]{32}\/stream\?stream=sub$/.test(url)).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('promotes the camera of an abandoned bag to the main tile when the alert arrives', async () => {
    consigne = await cameraByName('Gare — Consigne');
    const main = page.locator('.live-tile.main');
    await expect.poll(() => main.getAttribute('data-camera-id'), { timeout: 90_000, interval: 500 }).toBe(consigne.id);
    expect(await main.getAttribute('class')).toContain('alerting');
    expect(await main.locator('.alert-badge').innerText()).toBe('ALERTE');
    await expect.poll(() => isPlaying(main.locator('video')), { timeout: 30_000, interval: 250 }).toBe(true);
    await expect
      .poll(() => page.locator('[aria-live="assertive"]').textContent())
      .toBe('Alerte « Objet abandonné » : Gare — Consigne passe en vignette principale');
    await page.waitForTimeout(3500); // the promotion flash ends
    await page.screenshot({ path: join(shots, 'console-wall-live-alert-fr.png') });
  });

  it('lists the alert with its annotated image, and lets the supervisor stop and resume analytics', async () => {
    await page.getByRole('link', { name: 'Alertes', exact: true }).click();
    const card = page.locator('li.alert-card', { hasText: 'Objet abandonné' }).last();
    await card.waitFor();
    alertId = (await card.getAttribute('data-alert-id')) ?? '';
    await card.click();
    const item = page.locator(`.alert-detail[data-alert-id="${alertId}"]`);
    expect(await item.locator('.camera').innerText()).toBe('Gare — Consigne');
    expect(await item.locator('.alert-head .severity').innerText()).toBe('haute');
    const image = item.locator('.alert-snapshot img');
    await expect.poll(() => imageLoaded(image)).toBe(true);
    expect(await image.getAttribute('alt')).toBe(
      'Image de l’alerte « Objet abandonné » sur Gare — Consigne, détection encadrée',
    );
    const state = page.locator('.analytics-state');
    await expect.poll(() => state.innerText()).toBe('En marche sur : Gare — Consigne.');
    await page.screenshot({ path: join(shots, 'console-alerts-snapshot-fr.png') });

    const control = page.locator('.analytics-control');
    await control.getByLabel('Portée').selectOption({ label: 'Gare — Consigne' });
    await control.getByLabel('Motif (enregistré au journal)').fill('Essai du bouton d’arrêt');
    await control.getByRole('button', { name: 'Arrêter les analyses' }).click();
    await expect
      .poll(() => state.innerText())
      .toBe('Aucune caméra n’est analysée en ce moment. Arrêtées sur : Gare — Consigne.');
    await control.getByLabel('Motif (enregistré au journal)').fill('Fin de l’essai');
    await control.getByRole('button', { name: 'Reprendre les analyses' }).click();
    await expect.poll(() => state.innerText()).toBe('En marche sur : Gare — Consigne.');
  });

  it('plays back the alert’s clip on a timeline showing what was recorded and the event', async () => {
    await page
      .locator(`.alert-detail[data-alert-id="${alertId}"]`)
      .getByRole('link', { name: /^Revoir la séquence/ })
      .click();
    expect(page.url()).toContain(`/playback/${consigne.id}?from=`);
    const timeline = page.locator('.playback-timeline');
    // The clip of an alert just raised: its spans appear as the recorder indexes them.
    await expect.poll(() => timeline.locator('rect.recorded').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => timeline.locator('.event-mark').count()).toBeGreaterThan(0);
    expect(await timeline.locator('.timeline-events').innerText()).toContain('Objet abandonné');
    await page.getByLabel('Motif de la relecture (enregistré au journal)').fill('Levée de doute objet abandonné');
    await page.getByRole('button', { name: 'Relire' }).click();
    const video = page.locator('video.playback-video');
    await expect.poll(() => isPlaying(video), { timeout: 30_000, interval: 250 }).toBe(true);
    // Playback starts at the alert's clip (not a minute before) and the playhead follows the recording's clock.
    const clipFrom = Date.parse(new URL(page.url()).searchParams.get('from') ?? '');
    const playhead = Number(await timeline.locator('[role="slider"]').getAttribute('aria-valuenow'));
    expect(playhead).toBeGreaterThanOrEqual(clipFrom - 1000);
    expect(playhead).toBeLessThan(clipFrom + 30_000);
    await page.screenshot({ path: join(shots, 'console-playback-timeline-fr.png') });
  });

  it('exports the clip for a declared purpose with a reason, and shows the SHA-256 of the file', async () => {
    await page.getByRole('button', { name: 'Exporter…' }).click();
    const dialog = page.getByRole('dialog');
    const purpose = dialog.getByLabel('Finalité (parmi celles déclarées pour la caméra)');
    expect(await purpose.locator('option').allInnerTexts()).toEqual([
      '—',
      'Sécurité des personnes et des biens',
      'Prévention du terrorisme',
    ]);
    await purpose.selectOption({ label: 'Prévention du terrorisme' });
    await dialog.getByLabel(/Motif de l’export/).fill('Réquisition OPJ n° 2026/118');
    await dialog.getByRole('button', { name: 'Exporter' }).click();
    const result = page.locator('.export-result');
    await expect.poll(() => result.count(), { timeout: 30_000 }).toBe(1);
    const sha256 = await result.locator('code.sha256').innerText();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await result.innerText()).toContain('Prévention du terrorisme');
    // The file the download link serves is the one the manifest fingerprints.
    const href = (await result.getByRole('link', { name: 'Télécharger la vidéo' }).getAttribute('href')) ?? '';
    const download = await fetch(`${server.url}${href}`, { headers: { cookie: (await credentials(page)).cookie } });
    expect(download.status).toBe(200);
    expect(
      createHash('sha256')
        .update(Buffer.from(await download.arrayBuffer()))
        .digest('hex'),
    ).toBe(sha256);
    await page.screenshot({ path: join(shots, 'console-playback-export-fr.png'), fullPage: true });
  });

  it('qualifies the alert as a true alert with a note, which closes it', async () => {
    await page.getByRole('link', { name: 'Alertes', exact: true }).click();
    const card = page.locator(`li.alert-card[data-alert-id="${alertId}"]`);
    await card.click();
    const item = page.locator(`.alert-detail[data-alert-id="${alertId}"]`);
    await item.getByLabel('Note').fill('Sac récupéré par son propriétaire');
    await item.getByRole('button', { name: /^Alerte avérée/ }).click();
    await expect.poll(() => card.count()).toBe(0);
    // Closed alerts are kept in the history.
    await page.getByRole('tab', { name: 'Historique' }).click();
    await card.click();
    await expect.poll(() => item.locator('.alert-head').innerText()).toMatch(/close\s+alerte avérée/);
    expect(await item.locator('.notes').innerText()).toContain('Sac récupéré par son propriétaire');
  });

  it('handles the alert’s incident along its procedure; skipping a required step tells the supervisor', async () => {
    const incident = (await server.app.incidents.list({}, systemRequester('test'))).find((i) =>
      i.alertIds.includes(alertId),
    );
    expect(incident, 'the abandoned-bag alert opened an incident').toBeDefined();
    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.locator(`table.incidents tr[data-incident-id="${incident?.id}"] a`).click();
    const detail = page.locator('section.incident-detail');
    await expect.poll(() => detail.locator('.badge').innerText()).toBe('nouveau');
    await detail.getByRole('button', { name: 'Prendre en charge' }).click();
    await expect.poll(() => detail.locator('.badge').innerText()).toBe('en cours');
    await detail.locator('li[data-step-id="verify"]').getByRole('button', { name: 'Fait' }).click();
    await expect.poll(() => detail.locator('li[data-step-id="verify"]').innerText()).toContain('fait par agent.dupont');
    await detail.getByLabel('Synthèse ou motif').fill('Sac récupéré par son propriétaire');
    await detail.getByRole('button', { name: 'Résoudre' }).click();
    await expect.poll(() => detail.locator('.badge').innerText()).toBe('résolu');
    await expect
      .poll(() => page.locator('.skipped-steps').innerText())
      .toMatch(/Étapes obligatoires sautées .* par agent\.dupont : Prévenir la patrouille/);
    expect(await detail.locator('.incident-timeline').innerText()).toContain('Sac récupéré par son propriétaire');
    await page.screenshot({ path: join(shots, 'console-incident-fr.png'), fullPage: true });
    const report = await page.request.get(
      `${server.url}${(await detail.getByRole('link', { name: 'Rapport imprimable' }).getAttribute('href')) ?? ''}`,
    );
    expect(await report.text()).toMatch(/<tr><th>État<\/th><td>résolu<\/td><\/tr>/);
  });

  it('shows people counted on the station line and the operators’ verdicts in statistics', async () => {
    await page.getByRole('link', { name: 'Statistiques', exact: true }).click();
    await page.getByLabel('Période').selectOption('hour');
    const series = page.getByLabel('Ligne ou zone');
    await expect
      .poll(() => series.locator('option').allInnerTexts())
      .toContain('Gare — Consigne — Passage vers les quais');
    await series.selectOption({ label: 'Gare — Consigne — Passage vers les quais' });
    const counted = () =>
      page
        .locator('rect.bar')
        .evaluateAll((bars: { getAttribute: (name: string) => string | null }[]) =>
          bars.reduce((sum, bar) => sum + Number(bar.getAttribute('height') ?? 0), 0),
        );
    await expect.poll(counted).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('table.precision tbody').innerText())
      .toMatch(/Objet abandonné\s+\d+\s+1\s+0\s+100 %/);
    await page.screenshot({ path: join(shots, 'console-statistics-fr.png'), fullPage: true });
  });

  it('places the demo cameras on the map with their field of view, offline, each opening its live view', async () => {
    await page.getByRole('link', { name: 'Carte', exact: true }).click();
    await expect.poll(() => page.locator('.camera-map path.camera-dot').count()).toBe(5);
    // Each label names the camera and its stream state.
    await expect
      .poll(() => page.locator('.camera-map .camera-label').allInnerTexts())
      .toContain('Gare — Parvis — en ligne');
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    await page.waitForTimeout(400); // fitBounds animation
    await page.screenshot({ path: join(shots, 'console-map-fr.png') });
    await page.locator('.map-legend').getByRole('link', { name: 'Gare — Parvis' }).click();
    const gare = await cameraByName('Gare — Parvis');
    expect(page.url()).toBe(`${server.url}/cameras/${gare.id}/live`);
    await expect.poll(() => page.locator('main h2').innerText()).toBe('Gare — Parvis');
  });

  it('lists the demo cameras in French by default, with their purposes and retention', async () => {
    await page.getByRole('link', { name: 'Caméras', exact: true }).click();
    await expect.poll(() => page.locator('table.cameras tbody tr').count()).toBe(5);
    await expect.poll(() => page.locator('.status').textContent()).toBe('Connecté');
    const text = await page.locator('table.cameras').innerText();
    expect(text).toContain('Hôtel de Ville — Entrée');
    expect(text).toContain('Protection des bâtiments publics');
    expect(text).toContain('15 j');
    await page.screenshot({ path: join(shots, 'foundation-camera-list-fr.png') });
  });

  it('draws a privacy mask over a camera image and saves it with a version check', async () => {
    await page.getByRole('link', { name: 'Hôtel de Ville — Entrée' }).click();
    await expect.poll(() => page.locator('main h2').innerText()).toBe('Caméra « Hôtel de Ville — Entrée »');
    // The camera's latest recorded frame (its existing mask already black) is the drawing background.
    await expect.poll(() => imageLoaded(page.locator('.canvas-frame img')), { timeout: 15_000 }).toBe(true);
    const canvas = page.getByTestId('geometry-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (box === null) throw new Error('no drawing canvas');
    for (const [x, y] of [
      [0.1, 0.1],
      [0.4, 0.1],
      [0.4, 0.45],
      [0.1, 0.45],
    ] as const) {
      await page.mouse.click(box.x + x * box.width, box.y + y * box.height);
    }
    await page.getByRole('button', { name: 'Terminer la forme' }).click();
    await expect.poll(() => page.locator('[data-shape-id="mask-1"] input').inputValue()).toBe('Masque 2');
    await page.locator('[data-shape-id="mask-1"] input').fill('Fenêtres rue de Famars');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await expect.poll(() => page.locator('.actions .ok').textContent()).toBe('Enregistré (version 2).');
    await page.screenshot({ path: join(shots, 'console-camera-editor-mask-fr.png'), fullPage: true });

    const { cookie } = await credentials(page);
    const hall = await cameraByName('Hôtel de Ville — Entrée');
    const response = await fetch(`${server.url}/api/cameras/${hall.id}`, { headers: { cookie } });
    const camera = (await response.json()) as {
      version: number;
      masks: { id: string; label?: string; polygon: { x: number; y: number }[] }[];
    };
    expect(camera.version).toBe(2);
    expect(camera.masks.map((m) => m.id)).toEqual(['window-no-12', 'mask-1']);
    const drawn = camera.masks[1]!;
    expect(drawn.label).toBe('Fenêtres rue de Famars');
    expect(drawn.polygon).toHaveLength(4);
    expect(drawn.polygon[0]!.x).toBeCloseTo(0.1, 2);
    expect(drawn.polygon[2]!.y).toBeCloseTo(0.45, 2);
  });

  it('shows a camera added through the API without a reload, and switches to English', async () => {
    await page.getByRole('link', { name: 'Caméras', exact: true }).click();
    const { cookie, csrf } = await credentials(page);
    const response = await fetch(`${server.url}/api/cameras`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({
        name: 'Pont Jacob',
        sourceUrl: 'rtsp://192.0.2.20/live',
        location: { lat: 50.36, lon: 3.51 },
        purposes: ['traffic_regulation'],
      }),
    });
    expect(response.status).toBe(201);
    await expect.poll(() => page.locator('table.cameras tbody tr').count()).toBe(6);
    await page.getByLabel('Langue').selectOption('en');
    await expect.poll(() => page.locator('main h2').innerText()).toMatch(/^Cameras — 6 camera/);
    expect(await page.locator('table.cameras').innerText()).toContain('Traffic regulation');
    expect(await navLinks(page)).toContain('Video wall');
    await page.screenshot({ path: join(shots, 'foundation-camera-list-en.png') });
    await page.getByLabel('Language').selectOption('fr');
  });

  it('locks the images of a camera without prefectoral authorisation, saying so in red', async () => {
    const pont = await cameraByName('Pont Jacob');
    await page.goto(`${server.url}/cameras/${pont.id}/live`);
    const banner = page.locator('.live-tile .authorisation-notice.locked');
    await expect
      .poll(() => banner.innerText())
      .toBe('Images verrouillées : aucune autorisation préfectorale n’est enregistrée pour cette caméra (CSI L252-1).');
    expect(await page.locator('.live-tile video').evaluate((v: { src: string }) => v.src)).toBe('');
    await page.goto(`${server.url}/playback/${pont.id}`);
    await expect.poll(() => page.locator('.authorisation-notice.locked').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Relire' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Exporter…' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'console-playback-locked-fr.png') });
  });

  it('lets the administrator create an operator, see the one-time-code key once, and assign a camera', async () => {
    const admin = await sessionOf('admin.morel');
    expect(await navLinks(admin)).toEqual(['Carte', 'Comptes', 'Registre légal', 'Conformité']);
    await admin.getByRole('link', { name: 'Comptes' }).click();
    await admin.getByLabel('Identifiant').fill('agent.leroy');
    await admin.getByLabel('Nom affiché').fill('Agent Leroy');
    await admin.getByLabel(/Mot de passe initial/).fill(password);
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    await expect.poll(() => admin.locator('.created').innerText()).toContain('Compte de Agent Leroy créé.');
    operatorSecret = (await admin.locator('.created code.secret').textContent()) ?? '';
    expect(operatorSecret).toMatch(/^[A-Z2-7]{16,}$/);
    await admin.screenshot({ path: join(shots, 'console-users-created-fr.png') });
    await admin.getByRole('button', { name: 'C’est noté' }).click();
    expect(await admin.locator('.created').count()).toBe(0);

    const row = admin.locator('tr[data-username="agent.leroy"]');
    await expect.poll(() => row.innerText()).toMatch(/opérateur\s+aucune/);
    await row.getByRole('button', { name: 'Attribuer des caméras' }).click();
    await admin.getByRole('checkbox', { name: 'Gare — Parvis' }).check();
    await admin.getByRole('button', { name: 'Enregistrer l’attribution' }).click();
    await expect.poll(() => row.locator('.assigned').innerText()).toBe('Gare — Parvis');
    await admin.screenshot({ path: join(shots, 'console-users-fr.png') });
    const users = await server.app.users.list();
    const gare = await cameraByName('Gare — Parvis');
    expect(users.find((u) => u.username === 'agent.leroy')).toMatchObject({
      roles: ['operator'],
      cameraIds: [gare.id],
    });
    // Seeing images also takes a designation and training on record (LEGAL R8), recorded through the API.
    await habilitate(server.app, 'agent.leroy', ['operator']);
    await admin.context().close();
  });

  it('shows an operator no administration, and only the camera assigned to them', async () => {
    const operator = await sessionOf('agent.leroy', operatorSecret);
    expect(await navLinks(operator)).toEqual([
      'Mur d’images',
      'Alertes',
      'Incidents',
      'Carte',
      'Relecture',
      'Statistiques',
    ]);
    expect(await operator.locator('nav.nav h2').allTextContents()).toEqual(['Supervision']);
    // The wall opens first, with one tile per camera assigned to the operator.
    await expect.poll(() => operator.locator('.live-tile figcaption .name').allInnerTexts()).toEqual(['Gare — Parvis']);
    await expect
      .poll(() => isPlaying(operator.locator('.live-tile video')), { timeout: 30_000, interval: 250 })
      .toBe(true);
    await operator.screenshot({ path: join(shots, 'console-wall-operator-fr.png') });
    await operator.getByRole('link', { name: 'Carte', exact: true }).click();
    await expect
      .poll(() => operator.locator('.map-legend li').allInnerTexts())
      .toEqual([expect.stringContaining('Gare — Parvis')]);
    await operator.goto(`${server.url}/admin/users`);
    await expect
      .poll(() => operator.locator('main .notice').innerText())
      .toBe('Votre rôle ne donne pas accès à cet écran.');
    await operator.context().close();
  });

  it('shows the DPO the mask change and the assignment in the audit trail, and verifies the chain intact', async () => {
    const dpo = await sessionOf('dpo.martin');
    expect(await navLinks(dpo)).toEqual([
      'Carte',
      'Journal d’audit',
      'Registre légal',
      'Demandes d’accès',
      'Gels judiciaires',
      'Conformité',
      'Décider des levées',
    ]);
    await dpo.getByRole('link', { name: 'Journal d’audit' }).click();
    await dpo.getByLabel('Entrées').selectOption('1000');
    const updated = dpo.locator('table.audit tr[data-action="camera.updated"]');
    await expect.poll(() => updated.count()).toBe(1);
    const text = await updated.innerText();
    expect(text).toContain('Caméra modifiée');
    expect(text).toContain('agent.dupont');
    expect(text).toContain('Hôtel de Ville — Entrée');
    expect(text).toContain('Fenêtres rue de Famars');
    await expect
      .poll(() => dpo.locator('tr[data-action="user.cameras_assigned"]').innerText())
      .toMatch(/Caméras attribuées\s+admin\.morel/);
    await dpo.getByLabel('Action').selectOption('camera.updated');
    await expect.poll(() => dpo.locator('table.audit tbody tr').count()).toBe(1);
    await dpo.context().close();
  });

  it('shows the DPO who looked at the footage, exported it, stopped analytics and judged the alert, and why', async () => {
    const dpo = await sessionOf('dpo.martin');
    await dpo.getByRole('link', { name: 'Journal d’audit' }).click();
    const rows = (action: string) => dpo.locator(`table.audit tr[data-action="${action}"]`);
    await dpo.getByLabel('Action').selectOption('alert.acted');
    await expect
      .poll(() => rows('alert.acted').first().innerText())
      .toMatch(
        /Action sur une alerte\s+agent\.dupont\s+Gare — Consigne\s+Qualification: alerte avérée → close\s+« Sac récupéré par son propriétaire »/,
      );
    await dpo.getByLabel('Action').selectOption('analytics.paused');
    await expect.poll(() => rows('analytics.paused').innerText()).toContain('Motif : Essai du bouton d’arrêt');
    await dpo.getByLabel('Action').selectOption('playback.viewed');
    await expect
      .poll(() => rows('playback.viewed').first().innerText())
      .toContain('Motif : Levée de doute objet abandonné');
    await dpo.getByLabel('Action').selectOption('export.created');
    await expect.poll(() => rows('export.created').innerText()).toContain('Motif : Réquisition OPJ n° 2026/118');
    await dpo.getByLabel('Action').selectOption('live.started');
    await expect.poll(() => rows('live.started').count()).toBeGreaterThanOrEqual(4);
    await dpo.getByLabel('Action').selectOption('alert.acted');
    await dpo.screenshot({ path: join(shots, 'console-audit-alert-fr.png') });
    await dpo.context().close();
  });

  it('keeps the audit chain intact after all of it', async () => {
    const dpo = await sessionOf('dpo.martin');
    await dpo.getByRole('link', { name: 'Journal d’audit' }).click();
    await dpo.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await expect.poll(() => dpo.locator('.verification').innerText()).toMatch(/^✔?\s*Chaîne intacte : \d+ entrée/);
    await dpo.screenshot({ path: join(shots, 'console-audit-fr.png') });
    await dpo.context().close();
  });

  it('ran all of it under the security headers without a Content-Security-Policy refusal', async () => {
    const response = await page.request.get(server.url);
    expect(response.headers()).toMatchObject({
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'") as string,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
    });
    // The live tiles (WebSocket + MSE blob:), hls.js playback, the map and the alert snapshots all loaded.
    expect(streams.length).toBeGreaterThan(0);
    expect(refusedByPolicy).toEqual([]);
  });
});
