import { createPublicKey, verify } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  auditCheckpointText,
  parseAuditCheckpoint,
  type AuditCheckpoint,
  type AuditCheckpointBreak,
  type AuditTrailVerification,
  type Clock,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { publicKeyId, type InstallationKey } from './installation-key.js';

/** The files of an installation that live outside its database, under its data directory. */
export function installationFiles(dataDir: string): { key: string; checkpoints: string } {
  return {
    key: join(dataDir, 'keys', 'installation-ed25519.pem'),
    checkpoints: join(dataDir, 'audit-checkpoints.jsonl'),
  };
}

/** The checkpoints of a checkpoint file (one JSON object a line), and the lines that are not one. */
export async function readCheckpointFile(
  path: string,
): Promise<{ checkpoints: AuditCheckpoint[]; unreadable: AuditCheckpointBreak[] }> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  });
  const checkpoints: AuditCheckpoint[] = [];
  const unreadable: AuditCheckpointBreak[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const checkpoint = parseAuditCheckpoint(line);
    if (checkpoint === undefined) unreadable.push({ at: `line ${index + 1}`, entries: 0, problem: 'unreadable' });
    else checkpoints.push(checkpoint);
  }
  return { checkpoints, unreadable };
}

/** Whether a checkpoint was signed by the key whose public half is given (SPKI PEM). */
export function checkpointSignedBy(publicKeyPem: string): (checkpoint: AuditCheckpoint) => boolean {
  const publicKey = createPublicKey(publicKeyPem);
  const keyId = publicKeyId(publicKeyPem);
  return (checkpoint) => {
    if (checkpoint.keyId !== keyId) return false;
    const { signature, ...signed } = checkpoint;
    return verify(null, Buffer.from(auditCheckpointText(signed), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  };
}

/**
 * Verifies the audit trail against every checkpoint found in the database and in the file outside it
 * (the file's are the ones a database rewrite cannot reach); each is counted once. Without a public key
 * there must be no checkpoint to check.
 */
export async function verifyAnchoredTrail(options: {
  work: UnitOfWork;
  checkpointFile: string;
  publicKeyPem: string | undefined;
}): Promise<AuditTrailVerification> {
  const fromFile = await readCheckpointFile(options.checkpointFile);
  const { publicKeyPem } = options;
  const result = await options.work(async ({ audit }) => {
    const all = [...fromFile.checkpoints, ...(await audit.checkpoints())];
    const unique = [
      ...new Map(all.map((c) => [`${c.entries}|${c.headHash}|${c.at}|${c.keyId}|${c.signature}`, c])).values(),
    ];
    if (publicKeyPem === undefined && unique.length > 0)
      throw new Error(
        `${unique.length} audit checkpoint(s) found but no public key to check their signatures: pass the installation's published key.`,
      );
    return audit.verify({
      checkpoints: unique,
      verifySignature: publicKeyPem === undefined ? () => false : checkpointSignedBy(publicKeyPem),
    });
  });
  const checkpointBreaks = [...fromFile.unreadable, ...result.checkpointBreaks];
  return { ...result, valid: result.valid && checkpointBreaks.length === 0, checkpointBreaks };
}

/** How often the audit trail's head is signed (a rewrite after the last checkpoint is only chain-checked). */
export const auditCheckpointIntervalMs = 10 * 60_000;

/**
 * Signs checkpoints of the audit trail's head with the installation key and keeps each twice: in the
 * database (listed for the DPO) and appended to a file outside it (`audit-checkpoints.jsonl` in the data
 * directory, what `vigie audit verify` holds the trail to). The newest is published on the transparency page.
 */
export class AuditAnchor {
  readonly #options: { work: UnitOfWork; key: InstallationKey; file: string; clock: Clock };
  #latest: AuditCheckpoint | undefined;

  constructor(options: { work: UnitOfWork; key: InstallationKey; file: string; clock: Clock }) {
    this.#options = options;
  }

  /** Signs and keeps a checkpoint of the current head, unless the newest one already says the same. */
  async checkpoint(): Promise<AuditCheckpoint> {
    const { work, key, file, clock } = this.#options;
    const latest = await this.latest();
    const head = await work(({ audit }) => audit.head());
    if (latest !== undefined && latest.entries === head.seq && latest.headHash === head.hash) return latest;
    const unsigned = { entries: head.seq, headHash: head.hash, at: clock.now().toISOString(), keyId: key.keyId };
    const checkpoint: AuditCheckpoint = { ...unsigned, signature: key.sign(auditCheckpointText(unsigned)) };
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(`${JSON.stringify(checkpoint)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await work(({ audit }) => audit.addCheckpoint(checkpoint));
    this.#latest = checkpoint;
    return checkpoint;
  }

  /** The newest checkpoint, as published. */
  async latest(): Promise<AuditCheckpoint | undefined> {
    this.#latest ??= (await this.#options.work(({ audit }) => audit.checkpoints())).at(-1);
    return this.#latest;
  }

  /** Verifies the trail against the checkpoints (database and file). */
  verify(): Promise<AuditTrailVerification> {
    const { work, key, file } = this.#options;
    return verifyAnchoredTrail({ work, checkpointFile: file, publicKeyPem: key.publicKeyPem });
  }
}
