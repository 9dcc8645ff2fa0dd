import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@vigie/cli';
import type { EvidenceManifest } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLongGopClip, seedRecordedCamera } from '../../server/test/evidence.fixture.js';
import { openTestApp, tokenAs, type TestApp } from '../../server/test/support.js';
import { captureIo } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-sealed-'));
const clip = await renderLongGopClip(dir);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(testEngines)(
  'an export sealed for its recipient (LEGAL R12), opened with `vigie sealed` on $name',
  (engine) => {
    let app: TestApp;
    let supervisor: Record<string, string>;
    let manifest: EvidenceManifest;
    let plainPackage: Buffer;

    beforeAll(async () => {
      app = await openTestApp(engine);
      const seeded = await seedRecordedCamera(app, clip);
      supervisor = seeded.supervisor;
      const at = (s: number) => new Date(seeded.startedAt.getTime() + s * 1000).toISOString();
      const exported = await app.http.inject({
        method: 'POST',
        url: `/api/cameras/${seeded.cameraId}/exports`,
        headers: supervisor,
        payload: { from: at(12), to: at(18), purpose: 'public_space_safety', reason: 'Vol d’une valise à la consigne' },
      });
      expect(exported.statusCode, exported.body).toBe(201);
      manifest = exported.json<EvidenceManifest>();
      const download = await app.http.inject({
        method: 'GET',
        url: `/api/exports/${manifest.id}/package.zip`,
        headers: supervisor,
      });
      plainPackage = download.rawPayload;
    });
    afterAll(() => app?.close());

    it('is encrypted for the recipient’s key, decrypts with their private key only, and verifies', async () => {
      const keygen = captureIo({});
      const keyFile = join(dir, `${engine.name}-parquet.pem`);
      expect(await runCli(['sealed', 'keygen', '--out', keyFile], keygen)).toBe(0);
      const recipient = keygen.stdout.at(-1) ?? '';
      expect(recipient).toMatch(/^vigie-x25519:/);

      const sealed = await app.http.inject({
        method: 'POST',
        url: `/api/exports/${manifest.id}/sealed`,
        headers: supervisor,
        payload: { recipientName: 'Parquet de Valenciennes', recipient },
      });
      expect(sealed.statusCode, sealed.body).toBe(200);
      expect(sealed.rawPayload.subarray(0, 15).toString()).toBe('VIGIE-SEALED-1\n');
      // Nothing of the package is readable without the key: not the manifest, not the video.
      expect(sealed.rawPayload.includes(Buffer.from(manifest.id))).toBe(false);
      const sealedFile = join(dir, `${engine.name}.zip.vigie-sealed`);
      await writeFile(sealedFile, sealed.rawPayload);

      const other = join(dir, `${engine.name}-other.pem`);
      await runCli(['sealed', 'keygen', '--out', other], captureIo({}));
      const refused = captureIo({});
      const wrongOut = join(dir, `${engine.name}-wrong.zip`);
      expect(await runCli(['sealed', 'open', sealedFile, '--identity', other, '--out', wrongOut], refused)).toBe(2);
      expect(refused.stderr.join('\n')).toMatch(/wrong key or passphrase/);

      const opened = join(dir, `${engine.name}-opened.zip`);
      expect(await runCli(['sealed', 'open', sealedFile, '--identity', keyFile, '--out', opened], captureIo({}))).toBe(
        0,
      );
      expect((await readFile(opened)).equals(plainPackage)).toBe(true);
      const keyPem = join(dir, `${engine.name}-installation.pem`);
      await writeFile(keyPem, app.installationKey.publicKeyPem);
      expect(await runCli(['verify', opened, '--key', keyPem, '--lang', 'en'], captureIo({}))).toBe(0);

      // The transmission is in the register: who, to whom, which export, under which key.
      const trail = await app.http.inject({
        method: 'GET',
        url: '/api/audit?action=export.transmitted',
        headers: await tokenAs(app, ['dpo']),
      });
      expect(trail.json<{ details: Record<string, unknown> }[]>().map((e) => e.details)).toEqual([
        expect.objectContaining({
          export: manifest.id,
          recipient: 'Parquet de Valenciennes',
          encryption: 'recipient key',
          keyFingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
        }),
      ]);
    });

    it('is encrypted under a passphrase told by another channel', async () => {
      const sealed = await app.http.inject({
        method: 'POST',
        url: `/api/exports/${manifest.id}/sealed`,
        headers: supervisor,
        payload: { recipientName: 'Gendarmerie — BR Valenciennes', passphrase: 'trois chats gris sur le quai' },
      });
      expect(sealed.statusCode).toBe(200);
      const sealedFile = join(dir, `${engine.name}-pass.vigie-sealed`);
      await writeFile(sealedFile, sealed.rawPayload);
      const opened = join(dir, `${engine.name}-pass.zip`);
      const io = captureIo({}, 'trois chats gris sur le quai\n');
      expect(await runCli(['sealed', 'open', sealedFile, '--passphrase-stdin', '--out', opened], io)).toBe(0);
      expect((await readFile(opened)).equals(plainPackage)).toBe(true);

      const short = await app.http.inject({
        method: 'POST',
        url: `/api/exports/${manifest.id}/sealed`,
        headers: supervisor,
        payload: { recipientName: 'Gendarmerie', passphrase: 'court' },
      });
      expect(short.statusCode).toBe(400);
    });
  },
);
