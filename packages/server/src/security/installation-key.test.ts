import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateInstallationKey, publicKeyId } from './installation-key.js';

describe('installation key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a key readable by the service only, then reads the same key back', async () => {
    const path = join(dir, 'keys', 'installation.pem');
    const first = await loadOrCreateInstallationKey(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateInstallationKey(path);
    expect(again.publicKeyPem).toBe(first.publicKeyPem);
    expect(again.keyId).toBe(publicKeyId(first.publicKeyPem));
  });

  it('signs so that the published public key verifies, and a changed byte does not', async () => {
    const key = await loadOrCreateInstallationKey(join(dir, 'k.pem'));
    const signature = Buffer.from(key.sign('head 42 abcd'), 'base64');
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(verify(null, Buffer.from('head 42 abcd'), publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from('head 42 abce'), publicKey, signature)).toBe(false);
  });

  it('refuses a file that is not a private key, saying what to do', async () => {
    const path = join(dir, 'broken.pem');
    await writeFile(path, 'not a key');
    await expect(loadOrCreateInstallationKey(path)).rejects.toThrow(/restore it from backup/);
    expect(await readFile(path, 'utf8')).toBe('not a key');
  });
});
