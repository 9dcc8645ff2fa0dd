import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crc32,
  evidenceFiles,
  readZipEntries,
  zipDirectory,
  zipLocalHeader,
  type EvidenceManifest,
  type ZipEntryHeader,
} from '@vigie/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsoleApp, renderLongGopClip, seedRecordedCamera } from '../../server/test/evidence.fixture.js';
import type { TestApp } from '../../server/test/support.js';
import { connectBrowser } from './browser.js';
import { consoleTempDir } from './support/console-temp-dir.js';

const webDist = fileURLToPath(new URL('../dist', import.meta.url));
const shots = fileURLToPath(new URL('../../../test-output/screenshots/', import.meta.url));

function filesOf(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  return readZipEntries({ size: zip.length, read: async (at, n) => zip.subarray(at, at + n) }).then(
    (entries) => new Map(entries.map((e) => [e.name, zip.slice(e.offset, e.offset + e.size)])),
  );
}

function zipOf(files: Map<string, Uint8Array>): Uint8Array {
  const modified = new Date();
  const parts: Uint8Array[] = [];
  const headers: (ZipEntryHeader & { headerOffset: number })[] = [];
  let offset = 0;
  for (const [name, bytes] of files) {
    const header = { name, size: bytes.length, crc32: crc32(bytes) };
    const local = zipLocalHeader(header, modified);
    headers.push({ ...header, headerOffset: offset });
    parts.push(local, bytes);
    offset += local.length + bytes.length;
  }
  parts.push(zipDirectory(headers, modified));
  return new Uint8Array(Buffer.concat(parts));
}

describe('the /verifier page checks an evidence package in the browser, uploading nothing', () => {
  let app: TestApp;
  let url: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let zip: Uint8Array;
  let manifest: EvidenceManifest;
  const uploads: string[] = [];

  async function check(name: string, bytes: Uint8Array): Promise<{ verdict: string; problems: string[] }> {
    const path = join(dir, name);
    await writeFile(path, bytes);
    await page.locator('input[type=file]').setInputFiles(path);
    const report = page.locator('.evidence-report');
    await expect.poll(() => report.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => report.locator('h2').innerText(), { timeout: 30_000 }).toMatch(/^(VÉRIFIÉ|REJETÉ|Intact)/);
    return {
      verdict: await report.locator('h2').innerText(),
      problems: await Promise.all(
        (await report.locator('li[data-problem]').all()).map(
          async (item) => (await item.getAttribute('data-problem')) ?? '',
        ),
      ),
    };
  }

  beforeAll(async () => {
    dir = await consoleTempDir('vigie-e2e-verifier-');
    await mkdir(shots, { recursive: true });
    const clip = await renderLongGopClip(dir);
    app = await openConsoleApp(webDist);
    const { cameraId, startedAt, supervisor } = await seedRecordedCamera(app, clip);
    const at = (s: number) => new Date(startedAt.getTime() + s * 1000).toISOString();
    const exported = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/exports`,
      headers: supervisor,
      payload: { from: at(12), to: at(18), purpose: 'public_space_safety', reason: 'Vol de bagage à la consigne' },
    });
    manifest = exported.json<EvidenceManifest>();
    const download = await app.http.inject({
      method: 'GET',
      url: `/api/exports/${manifest.id}/package.zip`,
      headers: supervisor,
    });
    zip = new Uint8Array(download.rawPayload);
    url = await app.http.listen({ host: '127.0.0.1', port: 0 });
    browser = await connectBrowser();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (request) => {
      if (request.method() !== 'GET') uploads.push(`${request.method()} ${request.url()}`);
    });
    await page.goto(`${url}/verifier`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('takes the published fingerprint and verifies an intact package', async () => {
    await expect.poll(() => page.getByLabel(/Empreinte de la clé/).inputValue()).toBe(app.installationKey.keyId);
    const intact = await check('intact.zip', zip);
    expect(intact.verdict).toBe('VÉRIFIÉ : ce paquet est celui que l’installation a exporté.');
    const text = await page.locator('.evidence-report').innerText();
    expect(text).toContain('Signature Ed25519 valide');
    expect(text).toMatch(/La vidéo se lit et dure 8\.\d\d s/);
    expect(text).toContain('Gare — Consigne');
    await page.screenshot({ path: join(shots, 'evidence-verifier-verified-fr.png'), fullPage: true });
  });

  it('rejects a changed byte, an edited manifest, a foreign key and a misstated range, saying which', async () => {
    const files = await filesOf(zip);
    const video = new Uint8Array(files.get(evidenceFiles.video)!);
    video[Math.floor(video.length / 2)]! ^= 0x01;
    const byte = await check('byte.zip', zipOf(new Map([...files, [evidenceFiles.video, video]])));
    expect(byte.verdict).toMatch(/^REJETÉ/);
    expect(byte.problems).toContain('FILE_ALTERED');
    await page.screenshot({ path: join(shots, 'evidence-verifier-rejected-fr.png'), fullPage: true });

    const text = new TextDecoder().decode(files.get(evidenceFiles.manifest));
    const edited = new TextEncoder().encode(text.replace('Vol de bagage', 'Vol de valise'));
    const manifestEdited = await check('edited.zip', zipOf(new Map([...files, [evidenceFiles.manifest, edited]])));
    expect(manifestEdited.problems).toContain('SIGNATURE_INVALID');

    const forger = generateKeyPairSync('ed25519').privateKey;
    const manifestBytes = files.get(evidenceFiles.manifest)!;
    const forged = new Map([
      ...files,
      [evidenceFiles.signature, new TextEncoder().encode(sign(null, manifestBytes, forger).toString('base64'))],
      [
        evidenceFiles.publicKey,
        new TextEncoder().encode(createPublicKey(forger).export({ type: 'spki', format: 'pem' }).toString()),
      ],
    ]);
    const foreign = await check('foreign.zip', zipOf(forged));
    expect(foreign.problems).toContain('KEY_NOT_TRUSTED');

    const misstated = `${JSON.stringify({ ...manifest, covered: { ...manifest.requested, cut: 'keyframe' } }, null, 2)}\n`;
    const range = await check(
      'range.zip',
      zipOf(
        new Map([
          ...files,
          [evidenceFiles.manifest, new TextEncoder().encode(misstated)],
          [evidenceFiles.signature, new TextEncoder().encode(app.installationKey.sign(misstated))],
        ]),
      ),
    );
    expect(range.problems).toEqual(['RANGE_MISSTATED']);
    expect(await page.locator('li[data-problem=RANGE_MISSTATED]').innerText()).toMatch(
      /La vidéo dure 8\.\d\d s mais le manifeste annonce 6\.00 s/,
    );
    expect(uploads).toEqual([]);
  });
});
