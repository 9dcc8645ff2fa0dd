import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer } from '@vigie/server';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { createConsoleAccount, signIn, type ConsoleLogin } from './support/console-login.js';
import { seedCamera } from './support/seed-cameras.js';
import { startTestServer } from './support/test-server.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
/** Polls what the page shows: on a loaded machine a re-render can take more than vitest's default second. */
const soon = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000, interval: 200 });

describe('alerts on a phone, and the audit trail’s filters, in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;
  const logins = new Map<string, ConsoleLogin>();

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-phone-e2e-');
    await mkdir(shots, { recursive: true });
    server = await startTestServer(dataDir);
    const camera = await seedCamera(server, {
      name: 'Gare — Parvis',
      sourceUrl: 'rtsp://192.0.2.1:554/none',
      enabled: false,
    });
    for (const [username, roles] of [
      ['agent.mobile', ['supervisor']],
      ['dpo.durand', ['dpo']],
    ] as const) {
      logins.set(username, await createConsoleAccount(server.app, username, [...roles]));
    }
    for (const [index, type] of (['intrusion', 'abandoned_object'] as const).entries()) {
      const openedAt = new Date(Date.now() - (index + 1) * 60_000);
      await server.app.alerts.raise({
        cameraId: camera.id,
        type,
        severity: 'high',
        message: `alerte ${index}`,
        openedAt,
        clip: { from: new Date(openedAt.getTime() - 5000), to: new Date(openedAt.getTime() + 5000) },
      });
    }
    browser = await connectBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function login(username: string, options: BrowserContextOptions): Promise<Page> {
    const page = await (await browser.newContext(options)).newPage();
    page.setDefaultTimeout(10_000);
    const account = logins.get(username);
    if (account === undefined) throw new Error(`no test account ${username}`);
    await signIn(page, server.url, account);
    return page;
  }

  it('lists the alerts on a 390×844 phone and acknowledges one, without sideways scrolling', async () => {
    const phone = await login('agent.mobile', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
    await phone.goto(new URL('/alerts', server.url).toString());
    const cards = phone.locator('.alert-card');
    await soon(() => cards.count()).toBe(2);
    await phone.screenshot({ path: join(shots, 'phone-alerts-390-fr.png') });
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await cards.first().tap();
    const acknowledge = phone.locator('.alert-detail').getByRole('button', { name: 'Prendre en compte' });
    await acknowledge.scrollIntoViewIfNeeded();
    const box = await acknowledge.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await acknowledge.tap();
    await soon(() => phone.locator('nav.nav .nav-count').getAttribute('data-count')).toBe('1');
    await phone.screenshot({ path: join(shots, 'phone-alert-acknowledged-390-fr.png') });
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  }, 60_000);

  it('filters the audit trail by actor, by free text and by days typed as the interface language writes them', async () => {
    // The browser speaks American English; the console speaks French, and so do its date fields.
    const page = await login('dpo.durand', { viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
    await page.goto(new URL('/admin/audit', server.url).toString());
    const rows = page.locator('table.audit tbody tr');
    await soon(() => rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Auteur').fill('AGENT.mob');
    await soon(async () => [...new Set(await rows.locator('td:nth-child(4)').allInnerTexts())]).toEqual([
      'agent.mobile',
    ]);
    // Free text, in the camera's name, any case; details read as fields, never as JSON; wildcards taken literally.
    await page.getByLabel('Auteur').fill('');
    const search = page.getByLabel('Rechercher', { exact: true });
    await search.fill('PARVIS');
    const withAction = (action: string) => page.locator(`table.audit tbody tr[data-action="${action}"]`).count();
    await soon(async () => [await withAction('camera.created'), await withAction('auth.login')]).toEqual([1, 0]);
    const details = await page.locator('table.audit td.details').allInnerTexts();
    expect(details.join('\n')).toContain('Gare — Parvis');
    expect(details.filter((d) => d.includes('{"'))).toEqual([]);
    await page.screenshot({ path: join(shots, 'audit-search-fr.png') });
    await search.fill('100%_');
    await soon(() => page.locator('.audit-page .empty').count()).toBe(1);
    await search.fill('');
    const from = page.getByRole('textbox', { name: 'Du', exact: true });
    expect(await from.getAttribute('placeholder')).toBe('jj/mm/aaaa');
    const day = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' });
    const today = day.format(new Date());
    const tomorrow = day.format(new Date(Date.now() + 86_400_000));
    await from.fill(today);
    await page.getByRole('textbox', { name: 'Au (inclus)', exact: true }).fill(today);
    await soon(() => rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'audit-filters-fr.png') });
    await from.fill(tomorrow);
    await soon(() => page.locator('.audit-page .empty').count()).toBe(1);
    await page.getByLabel('Langue').selectOption('en');
    expect(await page.getByRole('textbox', { name: 'From', exact: true }).getAttribute('placeholder')).toBe(
      'dd/mm/yyyy',
    );
  }, 60_000);
});
