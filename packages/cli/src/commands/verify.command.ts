import { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { VerifyCommandOptions } from './verify.run.js';

/**
 * `vigie verify`: checks an evidence package offline (no server, no database): signature, key, every
 * file's hash, that the video plays for the range its manifest states. Exit 0 verified, 2 rejected,
 * 3 intact but signed by a key the reader did not confirm.
 */
export function verifyCommand(io: CliIo): Command {
  return new Command('verify')
    .description(
      'verify an evidence package (ZIP or unzipped folder) offline; exits 0 verified, 2 rejected, 3 key to confirm',
    )
    .argument('<package>', 'the exported .zip, or the folder it was unzipped to')
    .option('--fingerprint <keyId>', "the installation key's fingerprint, as published on its transparency page")
    .option('--key <public-key.pem>', "the installation's public key, obtained from the installation itself")
    .option('--json', 'print the full report as JSON')
    .option('--lang <fr|en>', 'language of the report', 'fr')
    .action(async (target: string, options: VerifyCommandOptions) => {
      const { runVerify } = await import('./verify.run.js');
      await runVerify(io, target, options);
    });
}
