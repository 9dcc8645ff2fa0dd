import { Readable } from 'node:stream';
import {
  crc32,
  evidenceFiles,
  zipDirectory,
  zipLocalHeader,
  type EvidenceManifest,
  type ZipEntryHeader,
} from '@vigie/core';
import type { InstallationKey } from '../security/installation-key.js';

/** A manifest as signed: its exact bytes (what the signature covers) and the base64 signature. */
export interface SignedManifest {
  manifest: string;
  signature: string;
}

/** Serialises a manifest once and signs those exact bytes with the installation key. */
export function signManifest(manifest: EvidenceManifest, key: InstallationKey): SignedManifest {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  return { manifest: text, signature: key.sign(text) };
}

/** The instructions inside every package, for whoever receives it (French first, then English). */
export function readmeText(keyId: string): string {
  return `PAQUET DE PREUVE VIGIE — comment le vérifier
============================================
video.mp4       l'enregistrement exporté
manifest.json   ce qu'il contient : caméra, période réellement couverte, empreintes SHA-256, qui, quand, pourquoi
manifest.sig    la signature Ed25519 de manifest.json par la clé de l'installation (base64)
public-key.pem  la clé publique de l'installation, empreinte ${keyId}

1. Comparez l'empreinte ${keyId} à celle publiée sur la page de transparence de l'installation (/transparence).
2. Vérifiez, au choix :
   - dans un navigateur, sans rien envoyer : page /verifier de la console, déposez ce fichier ZIP ;
   - en ligne de commande : vigie verify <ce-fichier.zip> --fingerprint ${keyId}
   - sans Vigie (OpenSSL 3) :
       base64 -d manifest.sig > manifest.sig.bin
       openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig.bin
       sha256sum video.mp4     (à comparer à "files" dans manifest.json)
Un seul octet modifié dans un fichier fait échouer la vérification.

VIGIE EVIDENCE PACKAGE — how to verify it
=========================================
Compare the key fingerprint ${keyId} with the one on the installation's transparency page, then verify in a
browser (/verifier page of the console, nothing is uploaded), with "vigie verify <this.zip> --fingerprint ${keyId}",
or with OpenSSL 3 and sha256sum as shown above. One changed byte in any file makes verification fail.
`;
}

async function crcOf(bytes: AsyncIterable<Uint8Array>): Promise<number> {
  let crc = 0;
  for await (const chunk of bytes) crc = crc32(chunk, crc);
  return crc;
}

/**
 * The package as a ZIP stream (stored entries, so each file can be hashed in place): readme, signed
 * manifest, signature, public key and the video, read from disk as it is sent.
 */
export async function evidencePackage(input: {
  signed: SignedManifest;
  publicKeyPem: string;
  /** The exported video: its size and its bytes (read twice: once for the checksum, once to send). */
  video: { bytes: number; read: () => AsyncIterable<Uint8Array> };
  modified: Date;
}): Promise<{ stream: Readable; bytes: number }> {
  const small = [
    [evidenceFiles.readme, readmeText(publicKeyFingerprint(input.signed))],
    [evidenceFiles.manifest, input.signed.manifest],
    [evidenceFiles.signature, `${input.signed.signature}\n`],
    [evidenceFiles.publicKey, input.publicKeyPem],
  ].map(([name, text]) => ({ name: name ?? '', bytes: Buffer.from(text ?? '', 'utf8') }));
  const headers: (ZipEntryHeader & { headerOffset: number; local: Uint8Array })[] = [];
  let offset = 0;
  for (const entry of [
    ...small.map((s) => ({ name: s.name, size: s.bytes.length, crc32: crc32(s.bytes) })),
    { name: evidenceFiles.video, size: input.video.bytes, crc32: await crcOf(input.video.read()) },
  ]) {
    const local = zipLocalHeader(entry, input.modified);
    headers.push({ ...entry, headerOffset: offset, local });
    offset += local.length + entry.size;
  }
  const directory = zipDirectory(headers, input.modified);
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const [i, header] of headers.entries()) {
      yield header.local;
      const inMemory = small[i];
      if (inMemory !== undefined) yield inMemory.bytes;
      else yield* input.video.read();
    }
    yield directory;
  }
  return { stream: Readable.from(parts()), bytes: offset + directory.length };
}

function publicKeyFingerprint(signed: SignedManifest): string {
  return (JSON.parse(signed.manifest) as EvidenceManifest).installation.keyId;
}
