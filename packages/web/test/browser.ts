import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';
import { inject } from 'vitest';

const flags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Which Chromium the tests drive, and the shared libraries it needs beside the system's. */
export interface ChromiumBuild {
  path: string;
  /** Directory of libraries the build brings (NSS, NSPR, expat), for machines without Debian's Chromium. */
  libraryDir?: string;
}

/**
 * Unpacks the NSS/NSPR/expat libraries that @sparticuz/chromium ships (for Amazon Linux, where it
 * only unpacks them itself): a fresh Debian machine has none of them, and its Chromium will not start
 * without them. Unpacked once into the temp directory, atomically (test files launch in parallel).
 */
async function sparticuzLibraries(): Promise<string> {
  const target = join(tmpdir(), 'vigie-chromium-libs');
  if (existsSync(join(target, 'lib', 'libnss3.so'))) return join(target, 'lib');
  const packageDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..');
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-chromium-libs-'));
  const archive = brotliDecompressSync(await readFile(join(packageDir, 'bin', 'al2023.tar.br')));
  const tar = spawnSync('tar', ['-x', '-C', scratch], { input: archive });
  if (tar.status !== 0) throw new Error(`tar could not unpack Chromium's libraries: ${String(tar.stderr)}`);
  await rename(scratch, target).catch(() => rm(scratch, { recursive: true, force: true }));
  return join(target, 'lib');
}

/**
 * Debian's Chromium builds, lightest first: the headless shell draws no browser window, and drives the console's
 * tests with ≈ 35 % less CPU than the full browser in headless mode (docs/test-speed.md).
 */
const debianChromiums = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/**
 * Finds Chromium: CHROMIUM_PATH, Debian's headless shell (apt-get install chromium-headless-shell; what CI uses)
 * or its full Chromium (apt-get install chromium), else the headless build inside the @sparticuz/chromium npm
 * package with its own libraries, so that `npm install && npm test` needs no system browser.
 */
export async function findChromium(): Promise<ChromiumBuild> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv };
  const installed = debianChromiums.find(executable);
  if (installed !== undefined) return { path: installed };
  return npmChromium();
}

/** The headless Chromium shipped by the @sparticuz/chromium npm package, with its libraries. */
export async function npmChromium(): Promise<ChromiumBuild> {
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return { path: await sparticuz.executablePath(), libraryDir: await sparticuzLibraries() };
}

/** How Playwright starts `build` headless, with the build's own libraries where it brings them. */
function launchOptions(build: ChromiumBuild): LaunchOptions {
  const libraryPath = [build.libraryDir, process.env['LD_LIBRARY_PATH']].filter((p) => p !== undefined && p !== '');
  return {
    executablePath: build.path,
    args: flags,
    headless: true,
    ...(build.libraryDir === undefined ? {} : { env: { ...process.env, LD_LIBRARY_PATH: libraryPath.join(':') } }),
  };
}

/** Launches a headless Chromium of its own (the one `findChromium` finds, unless given), for a test that needs a given build. */
export async function launchBrowser(chosen?: ChromiumBuild): Promise<Browser> {
  return chromium.launch(launchOptions(chosen ?? (await findChromium())));
}

/**
 * Launches the headless Chromium that the e2e tier's files share (`support/chromium-server.ts`, its global
 * set-up): one launch per run instead of one per file; files connect to it through its endpoint.
 */
export async function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions(await findChromium()));
}

/**
 * The e2e tier's shared Chromium, as this file's own connection: contexts and pages opened through it are this
 * file's, and closing it in `afterAll` closes them all, leaving the browser to the next file.
 */
export async function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}
