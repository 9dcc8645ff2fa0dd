import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type RunningServer } from '@vigie/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definedOnly } from '@vigie/core/defined-only';
import { startSeededServer, testPasswordCost } from '../../server/test/support.js';
import { connectBrowser } from './browser.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

/** The demo DPO's password, from `<dataDir>/demo-accounts.txt` (the DPO sees no image: no one-time code). */
async function dpoPassword(dataDir: string): Promise<string> {
  const found = /^dpo\tpassword: (\S+)/m.exec(await readFile(join(dataDir, 'demo-accounts.txt'), 'utf8'));
  if (found === null) throw new Error('the demo has no "dpo" account');
  return found[1]!;
}

describe('the compliance screen in a real browser (LEGAL R29: the demo passes; a failure is named)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let token: string;

  /** The checklist row of a requirement. */
  const row = (requirement: string) => page.locator(`table.compliance tr[data-requirement="${requirement}"]`);

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-e2e-compliance-');
    await mkdir(shots, { recursive: true });
    server = await startSeededServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    const actor = { actorName: 'test setup' };
    token = await server.app.users.createToken({ username: 'dpo', name: 'e2e', now: new Date(), actor });
    browser = await connectBrowser();
    page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(server.url);
    await page.getByLabel('Identifiant').fill('dpo');
    await page.getByLabel('Mot de passe').fill(await dpoPassword(dataDir));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('nav.nav').waitFor();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the DPO every checkable requirement of the demo met, and those a person checks', async () => {
    await page.getByRole('link', { name: 'Conformité' }).click();
    await expect
      .poll(() => page.locator('.compliance-summary').innerText())
      .toMatch(/^\d+ conforme\(s\), 0 non conforme\(s\), 2 à vérifier/);
    expect(await row('R1').locator('.badge').innerText()).toBe('conforme');
    expect(await row('R14').locator('.badge').innerText()).toBe('conforme');
    expect(await row('R13').locator('.badge').innerText()).toBe('à vérifier');
    expect(await row('R1').innerText()).toContain(
      'Chaque caméra qui enregistre dispose d’une autorisation préfectorale en cours de validité',
    );
    expect(await row('R13').innerText()).toContain(
      'Vérifiez que le répertoire de données se trouve sur un volume chiffré',
    );
    expect(await page.locator('table.compliance .compliance-fail').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'compliance-demo-passes.png'), fullPage: true });
  });

  it('names the camera that lost its sign, and what to do, once checked again, in the console’s language', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const cameras = (await (await fetch(`${server.url}/api/cameras`, { headers })).json()) as {
      id: string;
      name: string;
      enabled: boolean;
    }[];
    const camera = cameras.find((c) => c.enabled);
    if (camera === undefined) throw new Error('the demo has no enabled camera');
    const path = `${server.url}/api/cameras/${camera.id}/registry`;
    const entry = (await (await fetch(path, { headers })).json()) as {
      authorisation: { reference: string; issuedOn: string; expiresOn: string };
      facing: string;
      dpia?: unknown;
    };
    const { reference, issuedOn, expiresOn } = entry.authorisation;
    const put = await fetch(path, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        authorisation: { reference, issuedOn, expiresOn },
        signage: { status: 'missing' },
        facing: entry.facing,
        // Kept: dropping the camera's impact assessment would fail R27 as well.
        ...definedOnly({ dpia: entry.dpia }),
      }),
    });
    expect(put.status, await put.text()).toBe(200);

    await page.getByRole('button', { name: 'Vérifier de nouveau' }).click();
    await expect.poll(() => row('R14').locator('.badge').innerText()).toBe('non conforme');
    const failed = await row('R14').innerText();
    expect(failed).toContain(`${camera.name} : aucun panneau n’informe le public de cette caméra.`);
    expect(failed).toContain('Installez le panneau et enregistrez-le');
    expect(await page.locator('.compliance-summary').innerText()).toMatch(/, 1 non conforme\(s\),/);
    expect(await row('R1').locator('.badge').innerText()).toBe('conforme');
    await row('R14').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'compliance-sign-missing.png'), fullPage: true });

    // Switching the console to English fetches the checklist again, written in English.
    await page.getByLabel('Langue').selectOption('en');
    await expect
      .poll(() => row('R14').innerText())
      .toContain(`${camera.name}: No sign informs the public of this camera.`);
    expect(await row('R14').innerText()).toContain('Install the sign and record it');
    await page.getByLabel('Language').selectOption('fr');
  });
});
