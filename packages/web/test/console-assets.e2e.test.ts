import { rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadConfig, type RunningServer } from '@vigie/server';
import { startSeededServer } from '../../server/test/support.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser } from './browser.js';
import { consoleTempDir } from './support/console-temp-dir.js';

/** Status, headers and size of a GET as a client accepting only `encoding` would see it. */
function get(url: string, encoding: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }>(
    (resolve, reject) => {
      request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('console assets as a browser receives them', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await consoleTempDir('vigie-assets-');
    server = await startSeededServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'silent' }),
    );
    browser = await connectBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends the console script Brotli-compressed and cached for good, the page always revalidated, and no source map', async () => {
    const page = await browser.newPage();
    const responses: { url: string; headers: Record<string, string> }[] = [];
    page.on('response', (response) => responses.push({ url: response.url(), headers: response.headers() }));
    await page.goto(server.url);
    await page.getByLabel('Identifiant').waitFor();
    const html = responses.find((r) => r.url === `${server.url}/`);
    expect(html?.headers['cache-control']).toBe('no-cache');
    const scripts = responses.filter((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url));
    expect(scripts).toHaveLength(1);
    const script = scripts[0]!;
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await page.close();

    // A client without Brotli gets gzip, one without either the plain file; all smaller than the build for br/gzip.
    const plain = await get(script.url, 'identity');
    const gzip = await get(script.url, 'gzip');
    const brotli = await get(script.url, 'br, gzip');
    expect([plain.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual([undefined, 'gzip']);
    expect(brotli.bytes).toBeLessThan(gzip.bytes);
    expect(gzip.bytes).toBeLessThan(plain.bytes / 3);
    // A client-side route gets the page, never cached; a source map or a missing asset is a 404, not the page.
    const route = await get(`${server.url}/wall`, 'identity');
    expect([route.status, route.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect((await get(`${script.url}.map`, 'identity')).status).toBe(404);
    expect((await get(`${server.url}/assets/missing-0000.js`, 'identity')).status).toBe(404);
  });
});
