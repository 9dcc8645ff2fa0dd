import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AlertRecord } from '@vigie/core';
import type { RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { createConsoleAccount, type ConsoleLogin } from './support/console-login.js';
import { signedInPage } from './support/console-page.js';
import { seedCamera } from './support/seed-cameras.js';
import { startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
const types = ['intrusion', 'person_on_ground', 'abandoned_object', 'fire_smoke'] as const;
const severities = ['high', 'medium', 'low'] as const;

describe('alarm handling in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const cameras: { id: string; name: string }[] = [];
  const raised: AlertRecord[] = [];

  const sessionOf = (login: ConsoleLogin, viewport = { width: 1920, height: 1080 }) =>
    signedInPage(browser, server.url, login, { viewport, timeout: 8000 });

  const raise = async (index: number) => {
    const camera = cameras[index % cameras.length]!;
    const openedAt = new Date(Date.now() - (20 - index) * 60_000);
    const alert = await server.app.alerts.raise({
      cameraId: camera.id,
      type: types[index % types.length]!,
      severity: severities[index % severities.length]!,
      message: `alerte ${index}`,
      openedAt,
      clip: { from: new Date(openedAt.getTime() - 5000), to: new Date(openedAt.getTime() + 5000) },
    });
    raised.push(alert);
    return alert;
  };

  let first: Page;
  let colleague: Page;
  let firstLogin: ConsoleLogin;
  let operatorLogin: ConsoleLogin;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-alarm-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startTestServer(dataDir);
    for (const name of ['Gare — Parvis', 'Marché couvert', 'Mairie', 'Pont Jacquemart'])
      cameras.push(await seedCamera(server, { name, sourceUrl: 'rtsp://192.0.2.1:554/none', enabled: false }));
    firstLogin = await createConsoleAccount(server.app, 'agent.roux', ['supervisor']);
    const colleagueLogin = await createConsoleAccount(server.app, 'agent.blanc', ['supervisor']);
    operatorLogin = await createConsoleAccount(server.app, 'agent.neuf', ['operator']);
    for (let i = 0; i < 14; i++) await raise(i);
    browser = await connectBrowser();
    first = await sessionOf(firstLogin);
    colleague = await sessionOf(colleagueLogin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the alerts nobody acknowledged on every screen', async () => {
    const badge = first.locator('nav.nav .nav-count');
    await expect.poll(() => badge.getAttribute('data-count')).toBe('14');
    await first.getByRole('link', { name: /Carte/ }).click();
    expect(await first.getByRole('link', { name: 'Alertes', exact: true }).getAttribute('aria-describedby')).toBe(
      'nav-alert-count',
    );
    expect(await first.locator('#nav-alert-count').innerText()).toBe('14 alerte(s) non prise(s) en compte');
    await raise(14);
    await expect.poll(() => badge.getAttribute('data-count')).toBe('15');
  });

  it('lists compact cards, most severe then newest, at least ten on a 1080p screen, with a detail pane', async () => {
    await first.getByRole('link', { name: /Alertes/ }).click();
    const cards = first.locator('.alert-card');
    await expect.poll(() => cards.count()).toBe(15);
    const visible = await cards.evaluateAll(
      (items: { getBoundingClientRect: () => { bottom: number } }[], height: number) =>
        items.filter((item) => item.getBoundingClientRect().bottom <= height).length,
      1080,
    );
    expect(visible).toBeGreaterThanOrEqual(10);
    const order = await cards.evaluateAll((items: { getAttribute: (name: string) => string | null }[]) =>
      items.map((item) => item.getAttribute('data-alert-id')),
    );
    const expected = [...raised]
      .sort(
        (a, b) =>
          severities.indexOf(a.severity as never) - severities.indexOf(b.severity as never) ||
          b.openedAt.localeCompare(a.openedAt),
      )
      .map((a) => a.id);
    expect(order).toEqual(expected);
    await expect.poll(() => first.locator('.alert-detail').getAttribute('data-alert-id')).toBe(expected[0]);
    await first.screenshot({ path: join(shots, 'alarm-queue-1080p-fr.png') });
  });

  it('handles alerts from the keyboard and shows a colleague who claimed one, without reloading', async () => {
    await colleague.getByRole('link', { name: /Alertes/ }).click();
    const detail = first.locator('.alert-detail');
    await first.keyboard.press('j');
    const second = await first.locator('.alert-card').nth(1).getAttribute('data-alert-id');
    await expect.poll(() => detail.getAttribute('data-alert-id')).toBe(second);
    await first.keyboard.press('k');
    const top = await first.locator('.alert-card').nth(0).getAttribute('data-alert-id');
    await expect.poll(() => detail.getAttribute('data-alert-id')).toBe(top);

    await first.keyboard.press('m');
    await expect.poll(() => detail.locator('.claim').innerText()).toMatch(/^Vous vous en occupez/);
    const seen = colleague.locator(`.alert-card[data-alert-id="${top}"] .claim`);
    await expect.poll(() => seen.getAttribute('title')).toBe('Pris en charge par agent.roux');
    expect(await seen.innerText()).toBe('✋ agent.roux');
    await expect.poll(() => first.locator('nav.nav .nav-count').getAttribute('data-count')).toBe('14');

    await first.keyboard.press('?');
    const help = first.getByRole('dialog', { name: 'Raccourcis clavier' });
    await help.waitFor();
    expect(await help.innerText()).toContain('Verdict : fausse alerte');
    await first.screenshot({ path: join(shots, 'alarm-shortcuts-help-fr.png') });
    await first.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);

    await first.keyboard.press('2'); // false alarm: closes it
    await expect.poll(() => first.locator(`.alert-card[data-alert-id="${top}"]`).count()).toBe(0);
    await expect.poll(() => colleague.locator(`.alert-card[data-alert-id="${top}"]`).count()).toBe(0);
    await first.keyboard.press('a');
    await expect.poll(() => detail.locator('.alert-head .badge').nth(1).innerText()).toBe('prise en compte');
    await first.keyboard.press('1');
    await first.keyboard.press('c');
    await expect.poll(() => first.url()).toMatch(/\/playback\/[0-9a-f-]+\?from=/);
  });

  it('keeps closed alerts in a history searched by camera, type, date and verdict, after a reload', async () => {
    await first.goto(`${server.url}/alerts?tab=history`);
    const total = first.locator('.alert-history .count');
    await expect.poll(() => total.innerText()).toBe('2 alerte(s) close(s)');
    const filters = first.locator('.alert-history .filters');
    await filters.getByLabel('Verdict').selectOption({ label: 'fausse alerte' });
    await filters.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => total.innerText()).toBe('1 alerte(s) close(s)');
    const closedId = await first.locator('.alert-history .alert-card').first().getAttribute('data-alert-id');
    const closed = raised.find((a) => a.id === closedId);
    const cameraName = cameras.find((c) => c.id === closed?.cameraId)?.name ?? '';
    await filters.getByRole('combobox', { name: /^Caméra/ }).selectOption({ label: cameraName });
    await filters.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => total.innerText()).toBe('1 alerte(s) close(s)');
    await filters.getByRole('combobox', { name: /^Caméra/ }).selectOption({ label: 'Toutes' });
    await filters.getByLabel('Du', { exact: true }).fill('01/01/2020');
    await filters.getByLabel('Au', { exact: true }).fill('02/01/2020');
    await filters.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => total.innerText()).toBe('0 alerte(s) close(s)');
    // The site's days (Paris): the alerts were opened up to 20 minutes ago, on the day before just after midnight.
    const day = (at: Date) =>
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(at);
    const earliest = new Date(Math.min(...raised.map((alert) => Date.parse(alert.openedAt))));
    await filters.getByLabel('Du', { exact: true }).fill(day(earliest));
    await filters.getByLabel('Au', { exact: true }).fill(day(new Date()));
    await filters.getByLabel('Verdict').selectOption({ label: 'Toutes' });
    await filters.getByRole('button', { name: 'Rechercher' }).click();
    await expect.poll(() => total.innerText()).toBe('2 alerte(s) close(s)');
    await first.locator('.alert-history .alert-card').first().click();
    await first.locator('.alert-history .alert-detail').waitFor();
    await first.screenshot({ path: join(shots, 'alarm-history-1080p-fr.png') });
  });

  it('rings until alerts are acknowledged, and remembers each user’s choice to mute it', async () => {
    const toggle = colleague.locator('.sound-toggle');
    await expect.poll(() => toggle.getAttribute('data-sounding')).toMatch(/^1046x3#\d+$/);
    await toggle.click();
    expect(await toggle.innerText()).toBe('Son des alertes : coupé');
    expect(await toggle.getAttribute('data-sounding')).toBe('');
    await colleague.reload();
    await expect.poll(() => colleague.locator('.sound-toggle').getAttribute('aria-pressed')).toBe('false');
    // Another user on the same browser keeps the sound on.
    expect(await first.locator('.sound-toggle').getAttribute('aria-pressed')).toBe('true');
  });

  it('opens the alert of a camera from its tile on the wall', async () => {
    // Shown on the wall once enabled (no picture here: their source does not answer).
    for (const camera of cameras)
      await server.app.cameras.update(camera.id, { patch: { enabled: true } }, { actorName: 'e2e setup' });
    await first.goto(`${server.url}/wall`);
    const alerting = first.locator('.live-tile.alerting').first();
    await alerting.waitFor();
    const cameraId = await alerting.getAttribute('data-camera-id');
    await first.screenshot({ path: join(shots, 'alarm-wall-1080p-fr.png') });
    // Located by camera: a promotion may reorder the tiles meanwhile.
    await first.locator(`.live-tile[data-camera-id="${cameraId}"]`).click();
    await expect.poll(() => first.url()).toMatch(/\/alerts\?alert=/);
    const opened = new URL(first.url()).searchParams.get('alert');
    expect(raised.find((a) => a.id === opened)?.cameraId).toBe(cameraId);
    await expect.poll(() => first.locator('.alert-detail').getAttribute('data-alert-id')).toBe(opened);
  });

  it('tells an operator with no camera what to do, and fits the queue on a 1366×768 screen', async () => {
    const operator = await sessionOf(operatorLogin, { width: 1366, height: 768 });
    await operator.goto(`${server.url}/wall`);
    await expect
      .poll(() => operator.locator('.empty-state').innerText())
      .toContain('Aucune caméra ne vous est attribuée');
    await operator.screenshot({ path: join(shots, 'alarm-operator-no-camera-1366-fr.png') });
    await first.setViewportSize({ width: 1366, height: 768 });
    await first.goto(`${server.url}/alerts`);
    await first.locator('.alert-detail').waitFor();
    const overflow = await first.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await first.screenshot({ path: join(shots, 'alarm-queue-1366-fr.png') });
  });
});
