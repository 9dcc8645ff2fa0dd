import type { Browser, Page } from 'playwright-core';
import { connectBrowser } from '../browser.js';
import { signIn, type ConsoleLogin } from './console-login.js';

/** How a test's console page looks and waits: its window size, its language and Playwright's action timeout. */
export interface ConsolePageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language; French (the console's default) unless a test says otherwise. */
  locale?: string;
  /** How long a Playwright action waits, in ms (10 s unless given). */
  timeout?: number;
}

/** A browser a test drives (its own connection to the tier's shared Chromium) and its first page, signed in to the console. */
export interface ConsolePage {
  browser: Browser;
  page: Page;
}

/** Opens a page in a fresh browser context (own cookies) of `browser`, signed in to the console at `url` as `login`. */
export async function signedInPage(
  browser: Browser,
  url: string,
  login: ConsoleLogin,
  { viewport = { width: 1600, height: 1000 }, locale = 'fr-FR', timeout = 10_000 }: ConsolePageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, url, login);
  return page;
}

/**
 * Connects to the tier's shared Chromium, opens the console at `url` and signs in as `login`: the set-up of most
 * browser tests. The test closes `browser` (its connection, contexts and pages) after its tests.
 */
export async function openConsolePage(
  url: string,
  login: ConsoleLogin,
  options: ConsolePageOptions = {},
): Promise<ConsolePage> {
  const browser = await connectBrowser();
  try {
    return { browser, page: await signedInPage(browser, url, login, options) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
