import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { VigieError } from '@vigie/core';

/**
 * Sealed exports (LEGAL R12): an evidence package leaving the system is encrypted for its recipient,
 * either for their X25519 public key or under a passphrase told to them by another channel. The file is
 * `VIGIE-SEALED-1\n`, one JSON header line, the AES-256-GCM ciphertext of the package, then the 16-byte tag;
 * the header is the additional data, so a changed header or byte fails to open. The content key comes from
 * X25519 (a one-time key with the recipient's) through HKDF-SHA256, or from scrypt over the passphrase.
 */

const magic = 'VIGIE-SEALED-1\n';
const recipientPrefix = 'vigie-x25519:';
const info = Buffer.from('vigie sealed export v1');
/** scrypt cost: 2^17 × 8 × 128 B = 128 MiB, about a second: slows a passphrase guess as much. */
const scryptCost = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
const minPassphrase = 12;
const tagBytes = 16;

/** How a sealed file's content key is derived, as written in its header. */
type SealedHeader =
  | { alg: 'x25519-hkdf-sha256/aes-256-gcm'; recipient: string; ephemeral: string; iv: string }
  | { alg: 'scrypt/aes-256-gcm'; salt: string; N: number; r: number; p: number; iv: string };

/** Who a package is sealed for: a recipient's public key (`vigie-x25519:…`) or a passphrase. */
export type SealFor = { recipient: string } | { passphrase: string };

function rawPublicKey(key: KeyObject): Buffer {
  // The last 32 bytes of an X25519 SPKI DER are the raw key.
  return key.export({ type: 'spki', format: 'der' }).subarray(-32);
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  const prefix = Buffer.from('302a300506032b656e032100', 'hex');
  return createPublicKey({ key: Buffer.concat([prefix, raw]), format: 'der', type: 'spki' });
}

/** A recipient key as text (`vigie-x25519:` and the raw key in base64url). */
export function formatRecipient(publicKey: KeyObject): string {
  return `${recipientPrefix}${rawPublicKey(publicKey).toString('base64url')}`;
}

/** The public key of a recipient string; throws EXPORT_RECIPIENT_KEY_INVALID otherwise. */
export function parseRecipient(text: string): KeyObject {
  const raw = text.startsWith(recipientPrefix) ? Buffer.from(text.slice(recipientPrefix.length), 'base64url') : null;
  if (raw?.length !== 32) {
    throw new VigieError('EXPORT_RECIPIENT_KEY_INVALID', `"${text.slice(0, 40)}" is not a vigie-x25519: key.`);
  }
  return publicKeyFromRaw(raw);
}

/** A short fingerprint of a recipient key, for the audit trail and the register. */
export function recipientFingerprint(recipient: string): string {
  return createHash('sha256').update(recipient).digest('hex').slice(0, 16);
}

/** A new recipient key pair: the private key as PKCS#8 PEM (kept by the recipient), the public as text. */
export function createRecipientKeyPair(): { privateKeyPem: string; recipient: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    recipient: formatRecipient(publicKey),
  };
}

function hkdfKey(secret: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.concat([ephemeral, recipient]), info, 32));
}

function newHeader(sealFor: SealFor): { header: SealedHeader; key: Buffer } {
  const iv = randomBytes(12).toString('base64');
  if ('recipient' in sealFor) {
    const recipient = parseRecipient(sealFor.recipient);
    const ephemeral = generateKeyPairSync('x25519');
    const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
    const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
    const recipientRaw = rawPublicKey(recipient);
    return {
      header: {
        alg: 'x25519-hkdf-sha256/aes-256-gcm',
        recipient: sealFor.recipient,
        ephemeral: ephemeralRaw.toString('base64url'),
        iv,
      },
      key: hkdfKey(secret, ephemeralRaw, recipientRaw),
    };
  }
  if (sealFor.passphrase.length < minPassphrase) {
    throw new VigieError('EXPORT_RECIPIENT_KEY_INVALID', `A passphrase needs at least ${minPassphrase} characters.`);
  }
  const salt = randomBytes(16);
  const key = scryptSync(sealFor.passphrase, salt, 32, scryptCost);
  const { N, r, p } = scryptCost;
  return { header: { alg: 'scrypt/aes-256-gcm', salt: salt.toString('base64'), N, r, p, iv }, key };
}

/** Seals a stream (an evidence package) for its recipient: the sealed bytes come out as they are encrypted. */
export function sealStream(plain: Readable, sealFor: SealFor): Readable {
  const { header, key } = newHeader(sealFor);
  const head = Buffer.from(`${magic}${JSON.stringify(header)}\n`);
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64')).setAAD(head);
  key.fill(0);
  let started = false;
  const sealer = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!started) {
        started = true;
        this.push(head);
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(head);
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
  plain.on('error', (error) => sealer.destroy(error));
  return plain.pipe(sealer);
}

/** What opens a sealed file: the recipient's private key (PEM) or the passphrase. */
export type OpenWith = { privateKeyPem: string } | { passphrase: string };

/** Opens a sealed file; throws when the key or passphrase is wrong or a byte was changed. */
export function openSealed(sealed: Buffer, openWith: OpenWith): Buffer {
  const headerEnd = sealed.indexOf(0x0a, magic.length);
  if (sealed.subarray(0, magic.length).toString() !== magic || headerEnd < 0) {
    throw new Error('Not a Vigie sealed file (it should start with VIGIE-SEALED-1).');
  }
  const head = sealed.subarray(0, headerEnd + 1);
  const header = JSON.parse(sealed.subarray(magic.length, headerEnd).toString()) as SealedHeader;
  let key: Buffer;
  if (header.alg === 'scrypt/aes-256-gcm') {
    if (!('passphrase' in openWith)) throw new Error('This file was sealed with a passphrase: give the passphrase.');
    const { N, r, p } = header;
    key = scryptSync(openWith.passphrase, Buffer.from(header.salt, 'base64'), 32, {
      N,
      r,
      p,
      maxmem: 256 * 1024 * 1024,
    });
  } else {
    if (!('privateKeyPem' in openWith)) throw new Error('This file was sealed for a key: give its private key file.');
    const privateKey = createPrivateKey(openWith.privateKeyPem);
    const ephemeralRaw = Buffer.from(header.ephemeral, 'base64url');
    const secret = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(ephemeralRaw) });
    key = hkdfKey(secret, ephemeralRaw, rawPublicKey(createPublicKey(privateKey)));
  }
  const body = sealed.subarray(headerEnd + 1, sealed.length - tagBytes);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64')).setAAD(head);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  key.fill(0);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new Error('Cannot open this file: wrong key or passphrase, or the file was changed.');
  }
}
