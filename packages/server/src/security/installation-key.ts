import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The installation's Ed25519 signing key. It lives in a file outside the database (readable by the service
 * only), so that whoever can rewrite the database cannot also forge what the key signed: audit checkpoints
 * and exported evidence. The public key is published (transparency page, exports) for anyone to check.
 */
export interface InstallationKey {
  /** The public key, SPKI PEM, as published. */
  publicKeyPem: string;
  /** Short fingerprint of the public key: SHA-256 of its DER encoding, hex, first 16 characters. */
  keyId: string;
  /** Ed25519 signature of the bytes, base64. */
  sign(data: Uint8Array | string): string;
}

/** Fingerprint of a public key given as SPKI PEM, as `InstallationKey.keyId` gives it. */
export function publicKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function fromPrivateKey(privateKey: KeyObject): InstallationKey {
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem,
    keyId: publicKeyId(publicKeyPem),
    sign: (data) =>
      sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64'),
  };
}

/** Reads the key file (PKCS#8 PEM), or creates it with mode 0600 on first start. */
export async function loadOrCreateInstallationKey(path: string): Promise<InstallationKey> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`The installation key ${path} cannot be read (${String(error)}): give the service read access.`);
    }
    await mkdir(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // 'wx' never overwrites a key another process created meanwhile: a lost key would orphan every signature.
    await writeFile(path, pem, { mode: 0o600, flag: 'wx' }).catch(async (writeError: unknown) => {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      pem = await readFile(path, 'utf8');
    });
    await chmod(path, 0o600);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(
      `The installation key ${path} is not a PEM private key (${String(error)}): restore it from backup.`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The installation key ${path} is ${String(privateKey.asymmetricKeyType)}, not Ed25519.`);
  }
  return fromPrivateKey(privateKey);
}

/** The public key (SPKI PEM) in a PEM file holding either the installation's private key or a published public key. */
export async function readPublicKeyPem(path: string): Promise<string> {
  const pem = await readFile(path, 'utf8');
  try {
    return createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  } catch (error) {
    throw new Error(`${path} holds no PEM key (${String(error)}).`);
  }
}
