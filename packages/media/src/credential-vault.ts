import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { analysisSourceOf, withSourcePassword, type Camera, type SealedStreamPasswords } from '@vigie/core';

const version = 'v1';

/**
 * Seals device credentials (ONVIF passwords) with AES-256-GCM under a key kept in a file outside the database,
 * readable by the service only: a copy of the database alone reveals no camera password. Each value gets its
 * own random 96-bit nonce; the GCM tag makes a tampered value fail to open rather than decrypt to garbage.
 */
export class CredentialVault {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The credential key must be 32 bytes (AES-256).');
    this.#key = key;
  }

  /** `v1.<nonce>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [version, nonce, cipher.getAuthTag(), ciphertext]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  /** The plain value; throws if the value was sealed under another key or altered. */
  open(sealed: string): string {
    const [tag, nonce, authTag, ciphertext] = sealed.split('.');
    if (tag !== version || nonce === undefined || authTag === undefined || ciphertext === undefined) {
      throw new Error('Not a sealed credential.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** Where an installation keeps its credential key: `<dataDir>/keys/credentials-aes256.key` (servers and workers). */
export function credentialKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'credentials-aes256.key');
}

/** The key file's vault, or undefined when there is none (a worker never creates the key: the server does). */
export async function openCredentialVault(path: string): Promise<CredentialVault | undefined> {
  try {
    return new CredentialVault(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The credential key ${path} cannot be read (${String(error)}): give the service read access.`);
  }
}

/**
 * The URLs ffmpeg opens for a camera's recording and analysis: its stored URLs with their stream passwords
 * unsealed and put back. Called only when ffmpeg starts, so a clear password lives no longer than its argument list.
 */
export function unsealedSources(
  camera: Pick<Camera, 'sourceUrl' | 'subStreamUrl'>,
  sealed: SealedStreamPasswords,
  vault: CredentialVault | undefined,
): { record: string; analysis: string } {
  const open = (value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    if (vault === undefined) {
      throw new Error(
        'the stream password is sealed and this process has no credential key (keys/credentials-aes256.key)',
      );
    }
    return vault.open(value);
  };
  const analysisRole = camera.subStreamUrl === undefined ? 'main' : 'sub';
  return {
    record: withSourcePassword(camera.sourceUrl, open(sealed.main)),
    analysis: withSourcePassword(analysisSourceOf(camera), open(sealed[analysisRole])),
  };
}

/** Reads the 32-byte key file (base64), or creates it with mode 0600 on first start. */
export async function loadOrCreateCredentialVault(path: string): Promise<CredentialVault> {
  const existing = await openCredentialVault(path);
  if (existing !== undefined) return existing;
  await mkdir(dirname(path), { recursive: true });
  // 'wx' never overwrites a key another process created meanwhile: a lost key would orphan every sealed password.
  await writeFile(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  await chmod(path, 0o600);
  return new CredentialVault(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64'));
}
