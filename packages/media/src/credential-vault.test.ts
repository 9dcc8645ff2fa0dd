import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CredentialVault, loadOrCreateCredentialVault, unsealedSources } from './credential-vault.js';

describe('credential vault', () => {
  it('seals a password so that the stored value does not contain it, and opens it again', () => {
    const vault = new CredentialVault(randomBytes(32));
    const sealed = vault.seal('camera-password-42');
    expect(sealed).not.toContain('camera-password-42');
    expect(sealed).not.toBe(vault.seal('camera-password-42'));
    expect(vault.open(sealed)).toBe('camera-password-42');
  });

  it('refuses a value sealed under another key or altered', () => {
    const sealed = new CredentialVault(randomBytes(32)).seal('secret');
    expect(() => new CredentialVault(randomBytes(32)).open(sealed)).toThrow();
    const vault = new CredentialVault(randomBytes(32));
    const parts = vault.seal('secret').split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => vault.open(parts.join('.'))).toThrow();
  });

  it('creates its key file readable by the service only, and reads the same key back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vigie-vault-'));
    try {
      const path = join(dir, 'keys', 'credentials.key');
      const sealed = (await loadOrCreateCredentialVault(path)).seal('pw');
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(Buffer.from(await readFile(path, 'utf8'), 'base64')).toHaveLength(32);
      expect((await loadOrCreateCredentialVault(path)).open(sealed)).toBe('pw');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('stream URLs for ffmpeg', () => {
  it('puts each stream’s unsealed password back into its URL, and refuses without the key', () => {
    const vault = new CredentialVault(randomBytes(32));
    const camera = { sourceUrl: 'rtsp://vigie@cam/main', subStreamUrl: 'rtsp://vigie@cam/sub' };
    const sealed = { main: vault.seal('m@in'), sub: vault.seal('sub') };
    expect(unsealedSources(camera, sealed, vault)).toEqual({
      record: 'rtsp://vigie:m%40in@cam/main',
      analysis: 'rtsp://vigie:sub@cam/sub',
    });
    expect(unsealedSources({ sourceUrl: 'rtsp://cam/x' }, {}, undefined)).toEqual({
      record: 'rtsp://cam/x',
      analysis: 'rtsp://cam/x',
    });
    expect(() => unsealedSources(camera, sealed, undefined)).toThrow(/no credential key/);
  });
});
