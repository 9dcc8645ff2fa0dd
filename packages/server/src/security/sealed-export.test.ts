import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { createRecipientKeyPair, openSealed, parseRecipient, sealStream } from './sealed-export.js';

const plain = Buffer.concat([Buffer.from('PK\u0003\u0004 evidence package '), Buffer.alloc(200_000, 7)]);

function seal(sealFor: Parameters<typeof sealStream>[1]): Promise<Buffer> {
  // Several chunks, as a package streams from disk.
  return buffer(sealStream(Readable.from([plain.subarray(0, 1000), plain.subarray(1000)]), sealFor));
}

describe('sealed exports (LEGAL R12)', () => {
  it('opens for the recipient’s private key only, and hides the package', async () => {
    const recipient = createRecipientKeyPair();
    const sealed = await seal({ recipient: recipient.recipient });
    expect(sealed.subarray(0, 15).toString()).toBe('VIGIE-SEALED-1\n');
    expect(sealed.includes(Buffer.from('evidence package'))).toBe(false);
    expect(openSealed(sealed, { privateKeyPem: recipient.privateKeyPem }).equals(plain)).toBe(true);
    const stranger = createRecipientKeyPair();
    expect(() => openSealed(sealed, { privateKeyPem: stranger.privateKeyPem })).toThrow(/wrong key or passphrase/);
  });

  it('opens with the passphrase only', async () => {
    const sealed = await seal({ passphrase: 'correct horse battery staple' });
    expect(openSealed(sealed, { passphrase: 'correct horse battery staple' }).equals(plain)).toBe(true);
    expect(() => openSealed(sealed, { passphrase: 'correct horse battery stapler' })).toThrow(/wrong key/);
  });

  it('fails to open when one byte of the body or of the header changed', async () => {
    const recipient = createRecipientKeyPair();
    const sealed = await seal({ recipient: recipient.recipient });
    const body = Buffer.from(sealed);
    body[body.length - 100] = (body[body.length - 100] ?? 0) ^ 1;
    expect(() => openSealed(body, { privateKeyPem: recipient.privateKeyPem })).toThrow(/changed/);
    const header = Buffer.from(sealed);
    const at = header.indexOf(Buffer.from('"iv"')) - 2;
    header[at] = (header[at] ?? 0) ^ 1;
    expect(() => openSealed(header, { privateKeyPem: recipient.privateKeyPem })).toThrow();
  });

  it('refuses a short passphrase and a malformed recipient key', () => {
    expect(() => sealStream(Readable.from([plain]), { passphrase: 'short' })).toThrow(/at least 12 characters/);
    expect(() => parseRecipient('age1qqqq')).toThrow(/not a vigie-x25519/);
    expect(() => parseRecipient('vigie-x25519:AAAA')).toThrow(/not a vigie-x25519/);
  });
});
