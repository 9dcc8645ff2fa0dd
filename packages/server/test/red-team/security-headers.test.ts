import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definedOnly } from '@vigie/core';
import { loginAs, openTestApp, type TestApp } from '../support.js';

// Issue 10 #9: the console could be framed and had no CSP, nosniff nor Referrer-Policy.
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data: blob: https://tiles.city.example",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

const expected = {
  'content-security-policy': csp,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': expect.stringContaining('camera=(), microphone=(), geolocation=()') as string,
};

const engine = testEngines[0];
if (engine === undefined) throw new Error('no test database engine');

describe('security headers on every response', () => {
  let app: TestApp;
  let proxied: TestApp;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'vigie-console-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><script type="module" src="/assets/a.js"></script>');
    await writeFile(join(webRoot, 'assets', 'a-1234abcd.js'), 'export {};');
    const console = { mapTileUrl: 'https://tiles.city.example/{z}/{x}/{y}.png' };
    app = await openTestApp(engine, undefined, { webRoot, console });
    proxied = await openTestApp(engine, undefined, { webRoot, console, trustedProxies: ['127.0.0.0/8'] });
  });
  afterAll(async () => {
    await app?.close();
    await proxied?.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it('sends CSP, nosniff, Referrer-Policy, frame refusal and Permissions-Policy on pages, assets, API, errors', async () => {
    const session = await loginAs(app, ['operator']);
    const requests = [
      { url: '/', status: 200 },
      { url: '/transparence', status: 200 },
      { url: '/assets/a-1234abcd.js', status: 200 },
      { url: '/api/health', status: 200 },
      { url: '/api/cameras', status: 200, headers: session },
      { url: '/api/cameras', status: 401 },
      { url: '/api/nowhere', status: 404 },
      { url: '/api/cameras', method: 'POST', status: 403, headers: session, payload: { name: 1 } },
      { url: '/api/auth/login', method: 'POST', status: 400, payload: { username: 1 } },
    ];
    const lines: string[] = [];
    for (const { url, status, method, headers, payload } of requests) {
      const response = await app.http.inject({
        method: (method ?? 'GET') as 'GET',
        url,
        ...definedOnly({ headers, payload }),
      });
      expect(response.statusCode, url).toBe(status);
      expect(response.headers, `${method ?? 'GET'} ${url}`).toMatchObject(expected);
      // Over plain HTTP, no HSTS: a browser would pin a TLS the server does not offer.
      expect(response.headers['strict-transport-security']).toBeUndefined();
      lines.push(`${method ?? 'GET'} ${url} → ${response.statusCode}`);
    }
    console.log(`security headers on ${lines.length} responses: ${lines.join(', ')}`);
    console.log(`Content-Security-Policy: ${csp}`);
  });

  it('adds HSTS when the request came over TLS through a trusted proxy, and only then', async () => {
    const viaTls = await proxied.http.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(viaTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect((await proxied.http.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBe(
      undefined,
    );
    // A client that is not a trusted proxy cannot claim TLS.
    const claimed = await app.http.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });

  it('keeps the stricter policy of generated pages, and clears the session cookie with SameSite=Strict', async () => {
    const dpo = await loginAs(app, ['dpo']);
    const page = await app.http.inject({
      method: 'GET',
      url: '/api/compliance/record-of-processing.html',
      headers: dpo,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const logout = await app.http.inject({ method: 'POST', url: '/api/auth/logout', headers: dpo });
    expect(logout.statusCode).toBe(204);
    const cleared = String(logout.headers['set-cookie']);
    expect(cleared).toMatch(/^vigie_session=;/);
    expect(cleared).toContain('HttpOnly');
    expect(cleared).toContain('SameSite=Strict');
    expect(cleared).not.toContain('Lax');
  });
});
