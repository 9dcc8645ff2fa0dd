import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  evidenceFiles,
  evidenceFormat,
  verifyEvidence,
  type EvidenceManifest,
  type EvidenceSource,
  type EvidenceTools,
} from './evidence.js';
import { crc32, readZipEntries, zipDirectory, zipLocalHeader, type ZipEntryHeader } from './zip.js';

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

function keyPair(): { privateKey: KeyObject; pem: string; keyId: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: sha256(der).slice(0, 16),
  };
}

const installation = keyPair();
const video = new Uint8Array(5000).map((_, i) => (i * 7) % 251);

function manifestFor(keyId: string, overrides: Partial<EvidenceManifest> = {}): EvidenceManifest {
  return {
    format: evidenceFormat,
    id: '4a3c1a36-5f0e-4bd1-9c5b-8f7e8c2f2a10',
    installation: { keyId },
    camera: { id: 'cam-1', name: 'Gare — Consigne' },
    requested: { from: '2026-11-30T10:00:25.000Z', to: '2026-11-30T10:00:45.000Z' },
    covered: { from: '2026-11-30T10:00:10.000Z', to: '2026-11-30T10:00:46.000Z', cut: 'keyframe' },
    purpose: 'public_space_safety',
    reason: 'Réquisition judiciaire',
    exportedBy: 'supervisor',
    exportedAt: '2026-11-30T10:05:00.000Z',
    software: { name: 'vigie', version: '0.1.0' },
    auditEntryHash: 'a'.repeat(64),
    segments: [],
    files: [{ name: evidenceFiles.video, bytes: video.length, sha256: sha256(video) }],
    ...overrides,
  };
}

/** A package as the server writes it: ZIP bytes of the manifest, signature, key and video. */
function zipOf(files: Record<string, Uint8Array>): Uint8Array {
  const modified = new Date('2026-11-30T10:05:00Z');
  const parts: Uint8Array[] = [];
  const headers: (ZipEntryHeader & { headerOffset: number })[] = [];
  let offset = 0;
  for (const [name, bytes] of Object.entries(files)) {
    const header = { name, size: bytes.length, crc32: crc32(bytes) };
    const local = zipLocalHeader(header, modified);
    headers.push({ ...header, headerOffset: offset });
    parts.push(local, bytes);
    offset += local.length + bytes.length;
  }
  parts.push(zipDirectory(headers, modified));
  return new Uint8Array(Buffer.concat(parts));
}

function signedPackage(manifest: EvidenceManifest, signer = installation): Record<string, Uint8Array> {
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  return {
    [evidenceFiles.manifest]: manifestBytes,
    [evidenceFiles.signature]: new TextEncoder().encode(
      sign(null, manifestBytes, signer.privateKey).toString('base64'),
    ),
    [evidenceFiles.publicKey]: new TextEncoder().encode(signer.pem),
    [evidenceFiles.video]: video,
  };
}

async function sourceOf(archive: Uint8Array): Promise<EvidenceSource> {
  const file = { size: archive.length, read: async (at: number, n: number) => archive.subarray(at, at + n) };
  const entries = new Map((await readZipEntries(file)).map((e) => [e.name, e]));
  const bytes = (name: string): Uint8Array => {
    const entry = entries.get(name);
    if (entry === undefined) throw new Error(`no ${name}`);
    return archive.subarray(entry.offset, entry.offset + entry.size);
  };
  return {
    names: [...entries.keys()],
    size: (name) => entries.get(name)?.size ?? 0,
    read: async (name) => bytes(name),
    sha256: async (name) => sha256(bytes(name)),
  };
}

/** Node's crypto; the video "plays" for the given seconds (real decoding is tested by the CLI's tests). */
function tools(played: number | 'unplayable' = 36): EvidenceTools {
  return {
    sha256: async (data) => sha256(data),
    verifyEd25519: async ({ publicKeyDer, signature, data }) =>
      verify(null, data, createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' }), signature),
    playedSeconds: async () => (played === 'unplayable' ? undefined : played),
  };
}

const trusted = { trustedKeyIds: [installation.keyId] };

describe('evidence packages', () => {
  it('verifies an intact package signed by the trusted key, and warns when no key is trusted yet', async () => {
    const archive = zipOf(signedPackage(manifestFor(installation.keyId)));
    const report = await verifyEvidence(await sourceOf(archive), tools(), trusted);
    expect(report.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.manifest?.camera.name).toBe('Gare — Consigne');
    const unconfirmed = await verifyEvidence(await sourceOf(archive), tools(), { trustedKeyIds: [] });
    expect(unconfirmed.verdict).toBe('unconfirmed_key');
    expect(unconfirmed.checks.find((c) => c.status === 'warn')?.en).toContain(installation.keyId);
  });

  it('rejects one changed byte anywhere in the video, the manifest, the signature or the key', async () => {
    const archive = zipOf(signedPackage(manifestFor(installation.keyId)));
    const entries = await readZipEntries({ size: archive.length, read: async (a, n) => archive.subarray(a, a + n) });
    for (const entry of entries) {
      for (const at of [entry.offset, entry.offset + Math.floor(entry.size / 2), entry.offset + entry.size - 2]) {
        const tampered = archive.slice();
        tampered[at] = (tampered[at] ?? 0) ^ 0x01;
        const report = await verifyEvidence(await sourceOf(tampered), tools(), trusted);
        expect(report.verdict, `${entry.name} byte ${at - entry.offset}`).toBe('rejected');
        const expected =
          entry.name === evidenceFiles.video ? ['FILE_ALTERED'] : ['SIGNATURE_INVALID', 'KEY_NOT_TRUSTED'];
        expect(
          report.checks.some((c) => expected.includes(c.problem ?? '')),
          entry.name,
        ).toBe(true);
      }
    }
  });

  it('says which file differs, and rejects a re-signed manifest, a foreign key and a misstated range', async () => {
    const files = signedPackage(manifestFor(installation.keyId));
    const swapped = await verifyEvidence(
      await sourceOf(zipOf({ ...files, [evidenceFiles.video]: video.map((b) => b ^ 1) })),
      tools(),
      trusted,
    );
    expect(swapped.checks.find((c) => c.problem === 'FILE_ALTERED')?.en).toMatch(/^video\.mp4 was altered: SHA-256/);

    const edited = {
      ...files,
      [evidenceFiles.manifest]: new TextEncoder().encode(
        new TextDecoder().decode(files[evidenceFiles.manifest]).replace('Réquisition judiciaire', 'Autre motif'),
      ),
    };
    const editedReport = await verifyEvidence(await sourceOf(zipOf(edited)), tools(), trusted);
    expect(editedReport.checks.map((c) => c.problem)).toContain('SIGNATURE_INVALID');

    const forger = keyPair();
    const forged = await verifyEvidence(
      await sourceOf(zipOf(signedPackage(manifestFor(forger.keyId), forger))),
      tools(),
      trusted,
    );
    expect(forged.verdict).toBe('rejected');
    expect(forged.checks.find((c) => c.problem === 'KEY_NOT_TRUSTED')?.en).toContain(forger.keyId);

    const misstated = manifestFor(installation.keyId, {
      covered: { from: '2026-11-30T10:00:25.000Z', to: '2026-11-30T10:00:45.000Z', cut: 'keyframe' },
    });
    const rangeReport = await verifyEvidence(await sourceOf(zipOf(signedPackage(misstated))), tools(36), trusted);
    expect(rangeReport.verdict).toBe('rejected');
    expect(rangeReport.checks.find((c) => c.problem === 'RANGE_MISSTATED')?.en).toBe(
      'The video plays 36.00 s but the manifest states 20.00 s (2026-11-30T10:00:25.000Z → 2026-11-30T10:00:45.000Z).',
    );

    const added = await verifyEvidence(await sourceOf(zipOf({ ...files, 'extra.mp4': video })), tools(), trusted);
    expect(added.checks.map((c) => c.problem)).toContain('FILE_UNLISTED');
    const unplayable = await verifyEvidence(await sourceOf(zipOf(files)), tools('unplayable'), trusted);
    expect(unplayable.checks.map((c) => c.problem)).toContain('VIDEO_UNPLAYABLE');
    const { [evidenceFiles.signature]: _dropped, ...unsigned } = files;
    const incomplete = await verifyEvidence(await sourceOf(zipOf(unsigned)), tools(), trusted);
    expect(incomplete.checks.map((c) => c.problem)).toEqual(['PACKAGE_INCOMPLETE']);
  });

  it('reads back the ZIP archives it writes, with the standard CRC-32', async () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const archive = zipOf({ 'a.txt': new TextEncoder().encode('hello'), 'é.bin': video });
    const entries = await readZipEntries({ size: archive.length, read: async (a, n) => archive.subarray(a, a + n) });
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['a.txt', 5],
      ['é.bin', video.length],
    ]);
  });
});
