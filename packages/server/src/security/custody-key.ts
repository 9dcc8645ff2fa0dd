import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createCustodyKeyPair } from './unmask-vault.js';

/**
 * The unmasking custody key (docs/unmasking.md): recorders seal with its public half; its private half is
 * kept in a file only encrypted (AES-256-GCM under a key derived by scrypt from VIGIE_UNMASK_SECRET, which
 * is not on the disk), and decrypted in memory only for one approved view.
 */
export interface CustodyKey {
  /** What recorders seal for. */
  publicKey: KeyObject;
  /** The private half, decrypted now for one use; throws when the secret does not open it. */
  open(): KeyObject;
}

interface CustodyFile {
  v: 1;
  publicKey: string;
  salt: string;
  iv: string;
  tag: string;
  privateKey: string;
}

function derive(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

function sealPrivateKey(privateKey: KeyObject, secret: string): CustodyFile {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, salt), iv);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final()]);
  der.fill(0);
  return {
    v: 1,
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    privateKey: sealed.toString('base64'),
  };
}

function openPrivateKey(file: CustodyFile, secret: string): KeyObject {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derive(secret, Buffer.from(file.salt, 'base64')),
    Buffer.from(file.iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
  const der = Buffer.concat([decipher.update(Buffer.from(file.privateKey, 'base64')), decipher.final()]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

/** Reads the custody key file, or creates it (mode 0600) on first start; checks that the secret opens it. */
export async function loadOrCreateCustodyKey(path: string, secret: string): Promise<CustodyKey> {
  let file: CustodyFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as CustodyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`The unmasking custody key ${path} cannot be read (${String(error)}).`);
    }
    await mkdir(dirname(path), { recursive: true });
    file = sealPrivateKey(createCustodyKeyPair().privateKey, secret);
    // 'wx': a key another process created meanwhile is kept, or every sealed segment would be lost.
    await writeFile(path, JSON.stringify(file), { mode: 0o600, flag: 'wx' }).catch(async (writeError: unknown) => {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      file = JSON.parse(await readFile(path, 'utf8')) as CustodyFile;
    });
    await chmod(path, 0o600);
  }
  try {
    openPrivateKey(file, secret);
  } catch {
    throw new Error(`VIGIE_UNMASK_SECRET does not open the unmasking custody key ${path}.`);
  }
  return { publicKey: createPublicKey(file.publicKey), open: () => openPrivateKey(file, secret) };
}
