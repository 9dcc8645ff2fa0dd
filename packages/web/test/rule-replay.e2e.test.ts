import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { frenchProfile, zonedLocal } from '@vigie/core';
import { LocalDiskStorage, locateFfmpeg } from '@vigie/media';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleApp, renderLongGopClip, seedRecordedCamera } from '../../server/test/evidence.fixture.js';
import { storeTestSegment, type TestApp } from '../../server/test/support.js';
import { createConsoleAccount } from './support/console-login.js';
import { openConsolePage } from './support/console-page.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const webDist = fileURLToPath(new URL('../dist', import.meta.url));
const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));
const run = promisify(execFile);

/** Types an instant into a date-time field as a person would: the day first, then the time (the city's wall clock). */
async function fillMoment(form: Locator, label: string, at: Date): Promise<void> {
  const [day = '', time = ''] = zonedLocal(at, frenchProfile.timeZone).split('T');
  const field = form.getByRole('group', { name: label, exact: true });
  await field.getByLabel('Jour').fill(day.split('-').reverse().join('/'));
  await field.getByLabel('Heure').fill(time.slice(0, 5));
}

describe('replaying recordings through a rule from the review console', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let startedAt: Date;

  beforeAll(async () => {
    dir = await consoleTempDir('vigie-e2e-replay-');
    await mkdir(shots, { recursive: true });
    app = await openConsoleApp(webDist);
    // 30 s of picture an hour ago, then 8 s with the lens covered.
    const seeded = await seedRecordedCamera(app, await renderLongGopClip(dir));
    startedAt = seeded.startedAt;
    const covered = join(dir, 'covered.mp4');
    await run(locateFfmpeg().path, [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:size=320x240:rate=10', '-t', '8'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', covered],
    ]);
    const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    await storeTestSegment(
      { app, storage, scratch: dir },
      seeded.cameraId,
      covered,
      new Date(startedAt.getTime() + 38_000),
      8,
    );
    const login = await createConsoleAccount(app, 'chef.martin', ['supervisor'], 'Chef Martin');
    const url = await app.http.listen({ host: '127.0.0.1', port: 0 });
    ({ browser, page } = await openConsolePage(url, login, { timeout: 8000 }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('replays an hour of recordings with a shorter tamper delay and lists the event it would have raised', async () => {
    await page.getByRole('link', { name: 'Règles en observation' }).click();
    const form = page.locator('.replay-form');
    await form.getByLabel('Caméra du rejeu', { exact: true }).selectOption({ label: 'Gare — Consigne' });
    await form.getByLabel('Règle à rejouer', { exact: true }).selectOption({ label: 'Caméra masquée ou déplacée' });
    const delay = form.getByLabel('Délai avant alerte (s)', { exact: true });
    // The camera's own setting (the default) is offered first.
    await expect.poll(() => delay.inputValue()).toBe('3');
    await delay.fill('2');
    await fillMoment(form, 'Du', new Date(startedAt.getTime() - 300_000));
    await fillMoment(form, 'Au', new Date(startedAt.getTime() + 600_000));
    await form.getByRole('button', { name: 'Rejouer' }).click();
    const result = page.locator('.replay-result');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    expect(await result.innerText()).toContain('1 événement(s) : vrais 0, faux 0, sans objet 0, non étiquetés 1');
    expect(await result.innerText()).toContain('aucun événement ne recoupe une alerte étiquetée');
    expect(await page.locator('.replay-events tbody tr').count()).toBe(1);
    await page.screenshot({ path: join(shots, 'rule-replay-fr.png'), fullPage: true });
  }, 120_000);
});
