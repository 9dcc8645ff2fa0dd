import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  pemToDer,
  readZipEntries,
  verifyEvidence,
  ZipFormatError,
  type EvidenceReport,
  type EvidenceSource,
  type EvidenceTools,
} from '@vigie/core';
import { locateFfmpeg, playedRange } from '@vigie/media';
import { CliError, type CliIo } from '../io.js';

/** The options of `vigie verify`. */
export interface VerifyCommandOptions {
  fingerprint?: string;
  key?: string;
  json?: boolean;
  lang: string;
}

async function sha256Stream(stream: AsyncIterable<unknown>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A package as an unzipped folder. */
async function folderSource(dir: string): Promise<EvidenceSource & { pathOf(name: string): Promise<string> }> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const sizes = new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(dir, n))).size] as const)));
  return {
    names,
    size: (name) => sizes.get(name) ?? 0,
    read: async (name) => readFile(join(dir, name)),
    sha256: (name) => sha256Stream(createReadStream(join(dir, name))),
    pathOf: async (name) => join(dir, name),
  };
}

/** A package as a ZIP, read in place; the video is copied out only for ffmpeg to decode it. */
async function zipSource(
  path: string,
  scratch: string,
): Promise<EvidenceSource & { pathOf(name: string): Promise<string> }> {
  const handle = await open(path);
  try {
    const size = (await handle.stat()).size;
    const entries = await readZipEntries({
      size,
      read: async (offset, length) => {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      },
    });
    const byName = new Map(entries.map((e) => [e.name, e]));
    const range = (name: string): { start: number; end: number } => {
      const entry = byName.get(name);
      if (entry === undefined) throw new CliError(`${name} is not in ${path}.`);
      return { start: entry.offset, end: entry.offset + entry.size - 1 };
    };
    const stream = (name: string): AsyncIterable<unknown> => {
      const bytes = range(name);
      return bytes.end < bytes.start ? Readable.from([]) : createReadStream(path, bytes);
    };
    const read = async (name: string): Promise<Uint8Array> => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    return {
      names: [...byName.keys()],
      size: (name) => byName.get(name)?.size ?? 0,
      read,
      sha256: (name) => sha256Stream(stream(name)),
      pathOf: async (name) => {
        const out = join(scratch, name.replace(/[^\w.-]/g, '_'));
        await writeFile(out, await read(name));
        return out;
      },
    };
  } finally {
    await handle.close();
  }
}

function nodeTools(pathOf: (name: string) => Promise<string>): EvidenceTools {
  return {
    sha256: async (data) => createHash('sha256').update(data).digest('hex'),
    verifyEd25519: async ({ publicKeyDer, signature, data }) =>
      verify(null, data, createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' }), signature),
    playedSeconds: async (name) => {
      const played = await playedRange(locateFfmpeg().path, await pathOf(name));
      return played === undefined ? undefined : played.end - played.first;
    },
  };
}

async function trustedKeyIds(options: VerifyCommandOptions): Promise<string[]> {
  const ids: string[] = [];
  if (options.fingerprint !== undefined) {
    if (!/^[0-9a-f]{16}$/.test(options.fingerprint)) {
      throw new CliError('--fingerprint takes the 16 hexadecimal characters shown on the transparency page.');
    }
    ids.push(options.fingerprint);
  }
  if (options.key !== undefined) {
    const der = pemToDer(
      await readFile(options.key, 'utf8').catch(() => {
        throw new CliError(`Cannot read the public key ${options.key ?? ''}.`);
      }),
    );
    ids.push(createHash('sha256').update(der).digest('hex').slice(0, 16));
  }
  return ids;
}

function print(io: CliIo, report: EvidenceReport, english: boolean): void {
  const mark = { pass: '✓', warn: '!', fail: '✗' } as const;
  for (const check of report.checks) io.out(`${mark[check.status]} ${english ? check.en : check.fr}`);
  const m = report.manifest;
  if (m !== undefined) {
    io.out(
      english
        ? `Camera "${m.camera.name}", covered ${m.covered.from} → ${m.covered.to} (asked ${m.requested.from} → ${m.requested.to}), exported by ${m.exportedBy} on ${m.exportedAt}: ${m.purpose}, "${m.reason}"${m.requisition === undefined ? '' : `, requisition ${m.requisition}`}.`
        : `Caméra « ${m.camera.name} », couvre ${m.covered.from} → ${m.covered.to} (demandé ${m.requested.from} → ${m.requested.to}), exporté par ${m.exportedBy} le ${m.exportedAt} : ${m.purpose}, « ${m.reason} »${m.requisition === undefined ? '' : `, réquisition ${m.requisition}`}.`,
    );
  }
}

/** Verifies the package and reports; throws a CliError (exit 2 or 3) unless it is verified. */
export async function runVerify(io: CliIo, target: string, options: VerifyCommandOptions): Promise<void> {
  const english = options.lang === 'en';
  const trusted = await trustedKeyIds(options);
  const isDir = (
    await stat(target).catch(() => {
      throw new CliError(`${target} does not exist.`);
    })
  ).isDirectory();
  const scratch = await mkdtemp(join(tmpdir(), 'vigie-verify-'));
  try {
    const source = isDir
      ? await folderSource(target)
      : await zipSource(target, scratch).catch((error: unknown) => {
          if (error instanceof ZipFormatError) throw new CliError(error.message, 2);
          throw error;
        });
    const report = await verifyEvidence(
      source,
      nodeTools((name) => source.pathOf(name)),
      { trustedKeyIds: trusted },
    );
    if (options.json === true) io.out(JSON.stringify(report, null, 2));
    else print(io, report, english);
    if (report.verdict === 'rejected') {
      throw new CliError(
        english
          ? 'REJECTED: this package is not what was exported.'
          : 'REJETÉ : ce paquet n’est pas celui qui a été exporté.',
        2,
      );
    }
    if (report.verdict === 'unconfirmed_key') {
      throw new CliError(
        english
          ? `Intact, but confirm the key: pass --fingerprint ${report.keyId ?? ''} once you have compared it with the published one.`
          : `Intact, mais confirmez la clé : ajoutez --fingerprint ${report.keyId ?? ''} après l’avoir comparée à celle publiée.`,
        3,
      );
    }
    io.out(english ? 'VERIFIED.' : 'VÉRIFIÉ.');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
