import { verifyEvidence, type EvidenceReport, type EvidenceSource, type EvidenceTools } from '@vigie/core/evidence';
import { readZipEntries } from '@vigie/core/zip';

function hex(buffer: ArrayBuffer): string {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a dropped ZIP in place: each entry is a slice of the File, never uploaded anywhere. */
async function zipSource(file: Blob): Promise<EvidenceSource & { blob(name: string): Blob }> {
  const entries = await readZipEntries({
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const blob = (name: string): Blob => {
    const entry = byName.get(name);
    return entry === undefined ? new Blob([]) : file.slice(entry.offset, entry.offset + entry.size, 'video/mp4');
  };
  return {
    names: [...byName.keys()],
    size: (name) => byName.get(name)?.size ?? 0,
    read: async (name) => new Uint8Array(await blob(name).arrayBuffer()),
    sha256: async (name) => hex(await crypto.subtle.digest('SHA-256', await blob(name).arrayBuffer())),
    blob,
  };
}

/** How long the browser plays the video for, once its first frame is decoded; undefined if it cannot. */
function playedSeconds(video: Blob): Promise<number | undefined> {
  return new Promise((resolve) => {
    const element = document.createElement('video');
    const url = URL.createObjectURL(video);
    const done = (value: number | undefined) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      element.removeAttribute('src');
      resolve(value);
    };
    const timer = setTimeout(() => done(undefined), 20_000);
    element.muted = true;
    element.preload = 'auto';
    element.onloadeddata = () => done(Number.isFinite(element.duration) ? element.duration : undefined);
    element.onerror = () => done(undefined);
    element.src = url;
  });
}

function browserTools(blob: (name: string) => Blob): EvidenceTools {
  return {
    sha256: async (data) => hex(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)),
    verifyEd25519: async ({ publicKeyDer, signature, data }) => {
      const key = await crypto.subtle.importKey(
        'spki',
        publicKeyDer as Uint8Array<ArrayBuffer>,
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      return crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as Uint8Array<ArrayBuffer>,
        data as Uint8Array<ArrayBuffer>,
      );
    },
    playedSeconds: (name) => playedSeconds(blob(name)),
  };
}

/** Verifies a dropped evidence package in the browser (WebCrypto, a <video> element), nothing uploaded. */
export async function verifyInBrowser(file: Blob, trustedKeyIds: readonly string[]): Promise<EvidenceReport> {
  const source = await zipSource(file);
  return verifyEvidence(
    source,
    browserTools((name) => source.blob(name)),
    { trustedKeyIds },
  );
}
