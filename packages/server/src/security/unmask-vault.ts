import {
  createCipheriv,
  createDecipheriv,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  createPublicKey,
  type KeyObject,
} from 'node:crypto';

/**
 * The vault of unmasked footage (issue 15 #4, docs/unmasking.md): each segment of a camera with a liftable
 * mask is encrypted with AES-256-GCM under its own random data key, bound to its camera and start time (the
 * additional data); the data key is wrapped for the installation's unmasking custody key (X25519 + HKDF +
 * AES-256-GCM), whose public half is all a recorder holds. Only the custody private key, released for an
 * approved lift, opens a segment; a changed byte, another segment's data or another key fails.
 */

/** A sealed segment: the encrypted bytes and what it takes to open them with the custody key. */
export interface SealedSegment {
  v: 1;
  /** The recorder's one-time X25519 public key (DER, base64) the data key was wrapped with. */
  ephemeralPublicKey: string;
  wrappedKey: string;
  wrapIv: string;
  wrapTag: string;
  iv: string;
  tag: string;
  ciphertext: Uint8Array;
}

const wrapInfo = Buffer.from('vigie unmask data key v1');

function wrappingKey(secret: Buffer, ephemeralPublicKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, ephemeralPublicKey, wrapInfo, 32));
}

function gcm(key: Buffer, plain: Uint8Array, aad: Buffer): { iv: string; tag: string; data: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data };
}

function ungcm(key: Buffer, box: { iv: string; tag: string; data: Uint8Array }, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64')).setAAD(aad);
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(box.data), decipher.final()]);
}

/** A new custody key pair (X25519): the public half goes to recorders, the private half into custody. */
export function createCustodyKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('x25519');
}

/** What binds a segment's ciphertext to its place: camera and start time (a swapped file fails to open). */
export function segmentAad(cameraId: string, startedAt: string): Buffer {
  return Buffer.from(`${cameraId}|${startedAt}`);
}

/** Encrypts one unmasked segment for the custody key. */
export function sealSegment(input: { plain: Uint8Array; aad: Buffer; custody: KeyObject }): SealedSegment {
  const dataKey = randomBytes(32);
  const body = gcm(dataKey, input.plain, input.aad);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: input.custody });
  const wrapped = gcm(wrappingKey(secret, ephemeralDer), dataKey, input.aad);
  dataKey.fill(0);
  return {
    v: 1,
    ephemeralPublicKey: ephemeralDer.toString('base64'),
    wrappedKey: wrapped.data.toString('base64'),
    wrapIv: wrapped.iv,
    wrapTag: wrapped.tag,
    iv: body.iv,
    tag: body.tag,
    ciphertext: body.data,
  };
}

/** Decrypts a sealed segment with the custody private key; throws when anything was changed or swapped. */
export function openSegment(sealed: SealedSegment, input: { aad: Buffer; custody: KeyObject }): Buffer {
  const ephemeralDer = Buffer.from(sealed.ephemeralPublicKey, 'base64');
  const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
  const secret = diffieHellman({ privateKey: input.custody, publicKey: ephemeral });
  const dataKey = ungcm(
    wrappingKey(secret, ephemeralDer),
    { iv: sealed.wrapIv, tag: sealed.wrapTag, data: Buffer.from(sealed.wrappedKey, 'base64') },
    input.aad,
  );
  try {
    return ungcm(dataKey, { iv: sealed.iv, tag: sealed.tag, data: sealed.ciphertext }, input.aad);
  } finally {
    dataKey.fill(0);
  }
}

/** First bytes of a sealed segment file: what it is, so that nothing mistakes it for a playable MP4. */
const sealedMagic = Buffer.from('VIGIE-SEALED-1\n');

/** A sealed segment as stored: magic, header length, JSON header (keys, nonces, tags), ciphertext. */
export function encodeSealedFile(sealed: SealedSegment): Buffer {
  const { ciphertext, ...header } = sealed;
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([sealedMagic, length, json, ciphertext]);
}

/** Reads a stored sealed segment; throws on a file that is not one. */
export function decodeSealedFile(bytes: Buffer): SealedSegment {
  if (!bytes.subarray(0, sealedMagic.length).equals(sealedMagic)) throw new Error('not a sealed segment');
  const length = bytes.readUInt32BE(sealedMagic.length);
  const start = sealedMagic.length + 4;
  const header = JSON.parse(bytes.subarray(start, start + length).toString('utf8')) as Omit<
    SealedSegment,
    'ciphertext'
  >;
  return { ...header, ciphertext: bytes.subarray(start + length) };
}

/** Whether stored bytes are a sealed segment (ciphertext), not a picture. */
export function isSealedFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, sealedMagic.length)).equals(sealedMagic);
}
