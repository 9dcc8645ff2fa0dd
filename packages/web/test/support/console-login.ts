import type { Role } from '@vigie/core';
import type { VigieApp } from '@vigie/server';
import type { Page } from 'playwright-core';
import { habilitate } from '../../../server/test/support.js';
import { unusedTotpCode } from './unused-totp.js';

/** What the console's login form asks: a user name, a password, and the secret behind one-time codes if the account has one. */
export interface ConsoleLogin {
  username: string;
  password: string;
  totpSecret?: string;
}

/** The password every test account is created with. */
export const testPassword = 'correct horse battery staple';

/**
 * Creates a console account with these roles and the habilitation they need to see images (LEGAL R8); returns how it
 * signs in (accounts with image roles get one-time codes).
 */
export async function createConsoleAccount(
  app: VigieApp,
  username: string,
  roles: Role[],
  displayName = username,
): Promise<ConsoleLogin> {
  const created = await app.users.create(
    { username, displayName, roles, password: testPassword },
    { now: new Date(), actor: { actorName: 'e2e setup' } },
  );
  await habilitate(app, username, roles);
  return {
    username,
    password: testPassword,
    ...(created.totp === undefined ? {} : { totpSecret: created.totp.secret }),
  };
}

/** Fills and sends the console's login form (in French, as the tests' browsers are), then waits for the navigation. */
export async function signIn(page: Page, url: string, login: ConsoleLogin): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Identifiant').fill(login.username);
  await page.getByLabel('Mot de passe').fill(login.password);
  if (login.totpSecret !== undefined)
    await page.getByLabel(/Code à usage unique/).fill(await unusedTotpCode(login.totpSecret));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('nav.nav').waitFor();
}
