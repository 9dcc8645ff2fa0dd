import { describe, expect, it } from 'vitest';
import { createCustodyKeyPair, openSegment, sealSegment, segmentAad } from './unmask-vault.js';

const camera = '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90';
const plain = new TextEncoder().encode('unmasked fMP4 bytes of one segment');

describe('the unmasked-footage vault', () => {
  const custody = createCustodyKeyPair();
  const aad = segmentAad(camera, '2026-11-30T13:00:00.000Z');
  const sealed = sealSegment({ plain, aad, custody: custody.publicKey });

  it('opens a sealed segment with the custody private key only', () => {
    expect(Buffer.from(sealed.ciphertext).includes(Buffer.from('unmasked'))).toBe(false);
    expect(openSegment(sealed, { aad, custody: custody.privateKey }).toString()).toBe(
      'unmasked fMP4 bytes of one segment',
    );
    const other = createCustodyKeyPair();
    expect(() => openSegment(sealed, { aad, custody: other.privateKey })).toThrow();
  });

  it('refuses a changed byte, a swapped segment and a tampered wrapped key', () => {
    const flipped = Uint8Array.from(sealed.ciphertext);
    flipped[3] = (flipped[3] ?? 0) ^ 1;
    expect(() => openSegment({ ...sealed, ciphertext: flipped }, { aad, custody: custody.privateKey })).toThrow();
    const elsewhere = segmentAad(camera, '2026-11-30T13:00:04.000Z');
    expect(() => openSegment(sealed, { aad: elsewhere, custody: custody.privateKey })).toThrow();
    const key = Buffer.from(sealed.wrappedKey, 'base64');
    key[0] = (key[0] ?? 0) ^ 1;
    expect(() =>
      openSegment({ ...sealed, wrappedKey: key.toString('base64') }, { aad, custody: custody.privateKey }),
    ).toThrow();
  });

  it('uses a fresh data key and nonce per segment', () => {
    const again = sealSegment({ plain, aad, custody: custody.publicKey });
    expect(again.wrappedKey).not.toBe(sealed.wrappedKey);
    expect(again.iv).not.toBe(sealed.iv);
    expect(Buffer.from(again.ciphertext).equals(Buffer.from(sealed.ciphertext))).toBe(false);
  });
});
