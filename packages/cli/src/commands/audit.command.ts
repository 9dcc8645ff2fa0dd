import { Command } from 'commander';
import type { AuditTrailVerification } from '@vigie/core';
import { CliError, type CliIo } from '../io.js';
import { openConfiguredDatabase } from './database.js';

/** Exit codes of `vigie audit verify`, as documented in its help and in docs/audit.md. */
export const auditVerifyExit = { intact: 0, error: 1, tampered: 2, unanchored: 3 } as const;

function report(result: AuditTrailVerification): string[] {
  return [
    ...result.breaks.map((b) => `  entry ${b.seq}: ${b.problem.replaceAll('_', ' ')}`),
    ...result.checkpointBreaks.map(
      (b) => `  checkpoint ${b.at} (${b.entries} entries): ${b.problem.replaceAll('_', ' ')}`,
    ),
  ];
}

async function loadServer() {
  const [server, db, core] = await Promise.all([import('@vigie/server'), import('@vigie/db'), import('@vigie/core')]);
  return { ...server, ...db, systemClock: core.systemClock };
}

/** `vigie audit verify` and `vigie audit checkpoint`: the tamper-evident audit trail, checked directly in the database. */
export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description(
      'verify the hash chain and hold it to the signed checkpoints; exit 0 intact, 2 tampered, 3 intact but no checkpoint to hold it to, 1 error',
    )
    .option('--checkpoints <file>', 'checkpoint file (default: <data dir>/audit-checkpoints.jsonl)')
    .option('--public-key <file>', 'PEM key the checkpoints were signed with (default: the installation key file)')
    .action(async (options: { checkpoints?: string; publicKey?: string }) => {
      const { installationFiles, loadConfig, readPublicKeyPem, verifyAnchoredTrail, unitOfWork, systemClock } =
        await loadServer();
      const files = installationFiles(loadConfig(io.env).dataDir);
      const keyFile = options.publicKey ?? files.key;
      const publicKeyPem = await readPublicKeyPem(keyFile).catch((error: unknown) => {
        if (options.publicKey === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new CliError(`Cannot read the public key ${keyFile}: ${String(error)}`, auditVerifyExit.error);
      });
      const database = await openConfiguredDatabase(io);
      try {
        const result = await verifyAnchoredTrail({
          work: unitOfWork(database.db, systemClock),
          checkpointFile: options.checkpoints ?? files.checkpoints,
          publicKeyPem,
        }).catch((error: unknown) => {
          throw new CliError((error as Error).message, auditVerifyExit.error);
        });
        const problems = report(result);
        if (problems.length > 0) {
          throw new CliError(
            `Audit trail TAMPERED (${problems.length} problem(s), ${result.entries} entries, ${result.checkpoints} valid checkpoint(s)):\n${problems.join('\n')}`,
            auditVerifyExit.tampered,
          );
        }
        if (result.checkpoints === 0) {
          throw new CliError(
            `Audit trail chain intact: ${result.entries} entries, but NO signed checkpoint to hold it to, so a rewrite with recomputed hashes cannot be detected. A running server signs one every 10 minutes; or run \`vigie audit checkpoint\`.`,
            auditVerifyExit.unanchored,
          );
        }
        io.out(
          `Audit trail intact: ${result.entries} entries, hash chain verified, held to ${result.checkpoints} signed checkpoint(s) (the newest covers ${result.anchoredEntries} entries).`,
        );
      } finally {
        await database.close();
      }
    });
  audit
    .command('checkpoint')
    .description('sign a checkpoint of the trail head now with the installation key (database and checkpoint file)')
    .action(async () => {
      const { AuditAnchor, installationFiles, loadConfig, loadOrCreateInstallationKey, unitOfWork, systemClock } =
        await loadServer();
      const files = installationFiles(loadConfig(io.env).dataDir);
      const key = await loadOrCreateInstallationKey(files.key);
      const database = await openConfiguredDatabase(io);
      try {
        const anchor = new AuditAnchor({
          work: unitOfWork(database.db, systemClock),
          key,
          file: files.checkpoints,
          clock: systemClock,
        });
        const checkpoint = await anchor.checkpoint();
        io.out(
          `Audit checkpoint: ${checkpoint.entries} entries, head ${checkpoint.headHash}, signed ${checkpoint.at}.`,
        );
      } finally {
        await database.close();
      }
    });
  return audit;
}
