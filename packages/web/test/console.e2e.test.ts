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
    return created.totp?.secret ?? '';
  }

  /** A fresh browser session (own cookies) logged in as the given account. */
  async function sessionOf(username: string, secret?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const fresh = await context.newPage();
    await fresh.goto(server.url);
    await fresh.getByLabel('Identifiant').fill(username);
    await fresh.getByLabel('Mot de passe').fill(password);
    if (secret !== undefined) await fresh.getByLabel(/Code à usage unique/).fill(totpCode(secret, new Date()));
    await fresh.getByRole('button', { name: 'Se connecter' }).click();
    await fresh.locator('nav.nav').waitFor();
    return fresh;
  }

  const navLinks = (p: Page) => p.locator('nav.nav a').allInnerTexts();

  async function cameraByName(name: string) {
    const cameras = await server.app.cameras.list();
    const camera = cameras.find((c) => c.name === name);
    if (camera === undefined) throw new Error(`no camera ${name}`);
    return camera;
  }

  beforeAll(async () => {
    if (!existsSync(webDist))
      throw new Error('The console is not built: run "npm run build" (npm test does it first).');
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-e2e-'));
    await mkdir(shots, { recursive: true });
    server = await startServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
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
    await page.getByLabel(/Code à usage unique/).fill(totpCode(supervisorSecret, new Date()));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('.user .who').textContent()).toBe('agent.dupont');
  });

  it('shows a supervisor the supervision screens and the camera administration, not accounts or audit', async () => {
    await expect
      .poll(() => navLinks(page))
      .toEqual(['Mur d’images', 'Alertes', 'Carte', 'Relecture', 'Statistiques', 'Caméras', 'Registre légal']);
    expect(page.url()).toMatch(/\/wall$/);
  });

  it('places the demo cameras on the map with their field of view, offline, each opening its live view', async () => {
    await page.getByRole('link', { name: 'Carte', exact: true }).click();
    await expect.poll(() => page.locator('.camera-map path.camera-dot').count()).toBe(4);
    await expect.poll(() => page.locator('.camera-map .camera-label').allInnerTexts()).toContain('Gare — Parvis');
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
    await expect.poll(() => page.locator('table.cameras tbody tr').count()).toBe(4);
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
    // No snapshot route yet: the editor falls back to a neutral grid.
    await expect.poll(() => page.locator('.canvas-frame .placeholder').count()).toBe(1);
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

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'vigie_session')?.value ?? '';
    const hall = await cameraByName('Hôtel de Ville — Entrée');
    const response = await fetch(`${server.url}/api/cameras/${hall.id}`, {
      headers: { cookie: `vigie_session=${session}` },
    });
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
    await expect.poll(() => page.locator('main h2').innerText()).toMatch(/^Cameras — 5 camera/);
    expect(await page.locator('table.cameras').innerText()).toContain('Traffic regulation');
    expect(await navLinks(page)).toContain('Video wall');
    await page.screenshot({ path: join(shots, 'foundation-camera-list-en.png') });
    await page.getByLabel('Language').selectOption('fr');
  });

  it('lets the administrator create an operator, see the one-time-code key once, and assign a camera', async () => {
    const admin = await sessionOf('admin.morel');
    expect(await navLinks(admin)).toEqual(['Carte', 'Comptes', 'Registre légal']);
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
    await admin.context().close();
  });

  it('shows an operator no administration, and only the camera assigned to them', async () => {
    const operator = await sessionOf('agent.leroy', operatorSecret);
    expect(await navLinks(operator)).toEqual(['Mur d’images', 'Alertes', 'Carte', 'Relecture', 'Statistiques']);
    expect(await operator.locator('nav.nav h2').allTextContents()).toEqual(['Supervision']);
    // The wall opens first, with one tile per camera assigned to the operator.
    await expect.poll(() => operator.locator('.live-tile figcaption .name').allInnerTexts()).toEqual(['Gare — Parvis']);
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
    expect(await navLinks(dpo)).toEqual(['Carte', 'Journal d’audit', 'Registre légal', 'Demandes d’accès']);
    await dpo.getByRole('link', { name: 'Journal d’audit' }).click();
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
    await dpo.getByLabel('Action').selectOption('');
    await dpo.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await expect.poll(() => dpo.locator('.verification').innerText()).toMatch(/^✔?\s*Chaîne intacte : \d+ entrée/);
    await dpo.screenshot({ path: join(shots, 'console-audit-fr.png') });
    await dpo.context().close();
  });
});
