import { generateKeyPairSync, createPublicKey, sign } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '@vigie/cli';
import { evidenceFiles, readZipEntries, type EvidenceManifest } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe } from '../../media/test/support/probe.js';
import { renderLongGopClip, seedRecordedCamera } from '../../server/test/evidence.fixture.js';
import { openTestApp, tokenAs, type TestApp } from '../../server/test/support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-verify-'));
const clip = await renderLongGopClip(dir);
afterAll(() => rm(dir, { recursive: true, force: true }));

function io(): CliIo & { text(): string } {
  const lines: string[] = [];
  return {
    env: {},
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    readStdin: () => Promise.resolve(''),
    text: () => lines.join('\n'),
  };
}

async function verify(args: string[]): Promise<{ code: number; text: string }> {
  const out = io();
  const code = await runCli(['verify', ...args, '--lang', 'en'], out);
  return { code, text: out.text() };
}

/** Unzips a package with the same reader the verifier uses, into a folder. */
async function unzipTo(zip: Uint8Array, target: string): Promise<void> {
  await mkdir(target, { recursive: true });
  const entries = await readZipEntries({ size: zip.length, read: async (at, n) => zip.subarray(at, at + n) });
  for (const e of entries) await writeFile(join(target, e.name), zip.subarray(e.offset, e.offset + e.size));
}

describe.each(testEngines)('a signed evidence package, checked by `vigie verify`, on $name', (engine) => {
  let app: TestApp;
  let supervisor: Record<string, string>;
  let cameraId: string;
  let startedAt: Date;
  const at = (seconds: number): string => new Date(startedAt.getTime() + seconds * 1000).toISOString();

  beforeAll(async () => {
    app = await openTestApp(engine);
    ({ cameraId, startedAt, supervisor } = await seedRecordedCamera(app, clip));
  });
  afterAll(() => app?.close());

  it('states the range the file really covers, signs it, and verifies; any tampering is rejected with its reason', async () => {
    const exported = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/exports`,
      headers: supervisor,
      payload: {
        from: at(12),
        to: at(18),
        purpose: 'public_space_safety',
        reason: 'Theft of a suitcase at the left-luggage office',
        requisition: 'PV 2026/1234',
      },
    });
    expect(exported.statusCode, exported.body).toBe(201);
    const manifest = exported.json<EvidenceManifest>();
    expect(manifest.requested).toEqual({ from: at(12), to: at(18) });
    // Stream copy starts on the keyframe at 10 s, and the last frame ends at 18.2 s (B-frame order).
    expect(manifest.covered.from).toBe(at(10));
    expect(Date.parse(manifest.covered.to) - Date.parse(at(18))).toBeLessThanOrEqual(300);
    expect(manifest).toMatchObject({ requisition: 'PV 2026/1234', installation: { keyId: app.installationKey.keyId } });
    const trail = (
      await app.http.inject({
        method: 'GET',
        url: '/api/audit?action=export.created',
        headers: await tokenAs(app, ['dpo']),
      })
    ).json<{ hash: string }[]>();
    expect(trail.map((e) => e.hash)).toContain(manifest.auditEntryHash);

    const download = await app.http.inject({
      method: 'GET',
      url: `/api/exports/${manifest.id}/package.zip`,
      headers: supervisor,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    const zip = new Uint8Array(download.rawPayload);
    const zipPath = join(dir, `${engine.name}.zip`);
    await writeFile(zipPath, zip);
    const folder = join(dir, `${engine.name}-unzipped`);
    await unzipTo(zip, folder);
    // What ffmpeg itself says the file lasts is the range the manifest states.
    const { duration } = await probe(join(folder, evidenceFiles.video));
    expect(
      Math.abs(duration - (Date.parse(manifest.covered.to) - Date.parse(manifest.covered.from)) / 1000),
    ).toBeLessThan(0.05);

    const fingerprint = app.installationKey.keyId;
    const good = await verify([zipPath, '--fingerprint', fingerprint]);
    expect(good.code, good.text).toBe(0);
    expect(good.text).toContain('VERIFIED.');
    expect((await verify([folder, '--fingerprint', fingerprint])).code).toBe(0);
    const unconfirmed = await verify([zipPath]);
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.text).toContain(`--fingerprint ${fingerprint}`);

    const entries = await readZipEntries({ size: zip.length, read: async (o, n) => zip.subarray(o, o + n) });
    const video = entries.find((e) => e.name === evidenceFiles.video)!;
    const flipped = zip.slice();
    flipped[video.offset + Math.floor(video.size / 2)]! ^= 0x10;
    await writeFile(join(dir, 'flipped.zip'), flipped);
    const byte = await verify([join(dir, 'flipped.zip'), '--fingerprint', fingerprint]);
    expect(byte.code).toBe(2);
    expect(byte.text).toMatch(/✗ video\.mp4 was altered: SHA-256 [0-9a-f]{64}/);

    const text = new TextDecoder().decode(zip);
    const reasonAt = text.indexOf('left-luggage office');
    const edited = zip.slice();
    edited.set(new TextEncoder().encode('left-luggage OFFICE'), reasonAt);
    await writeFile(join(dir, 'edited.zip'), edited);
    const editedReport = await verify([join(dir, 'edited.zip'), '--fingerprint', fingerprint]);
    expect(editedReport.code).toBe(2);
    expect(editedReport.text).toContain('The signature does not match the manifest');

    const forger = generateKeyPairSync('ed25519').privateKey;
    const forgedDir = join(dir, `${engine.name}-forged`);
    await unzipTo(zip, forgedDir);
    const forgedManifest = await readFile(join(forgedDir, evidenceFiles.manifest));
    await writeFile(join(forgedDir, evidenceFiles.signature), sign(null, forgedManifest, forger).toString('base64'));
    await writeFile(
      join(forgedDir, evidenceFiles.publicKey),
      createPublicKey(forger).export({ type: 'spki', format: 'pem' }).toString(),
    );
    const forged = await verify([forgedDir, '--fingerprint', fingerprint]);
    expect(forged.code).toBe(2);
    expect(forged.text).toMatch(/Signed by key [0-9a-f]{16}, which is not the installation's/);

    // A manifest that keeps the requested range, as exports did before: signed, yet it misstates the file.
    const misstatedDir = join(dir, `${engine.name}-misstated`);
    await unzipTo(zip, misstatedDir);
    const misstated = `${JSON.stringify({ ...manifest, covered: { ...manifest.requested, cut: 'keyframe' } }, null, 2)}\n`;
    await writeFile(join(misstatedDir, evidenceFiles.manifest), misstated);
    await writeFile(join(misstatedDir, evidenceFiles.signature), app.installationKey.sign(misstated));
    const range = await verify([misstatedDir, '--key', join(folder, evidenceFiles.publicKey)]);
    expect(range.code).toBe(2);
    expect(range.text).toMatch(/The video plays 8\.\d\d s but the manifest states 6\.00 s/);
  });

  it('publishes the key that signs packages, without login', async () => {
    const published = await app.http.inject({ method: 'GET', url: '/api/evidence/key' });
    expect(published.json()).toEqual({
      algorithm: 'Ed25519',
      keyId: app.installationKey.keyId,
      publicKeyPem: app.installationKey.publicKeyPem,
    });
  });
});
