import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';

/**
 * `vigie sealed keygen` and `vigie sealed open`: what the recipient of a sealed export (LEGAL R12) runs,
 * offline, to make their key pair and to open the package (then `vigie verify` checks it).
 */
export function sealedCommand(io: CliIo): Command {
  const sealed = new Command('sealed').description('key pairs for, and opening of, sealed exports (offline)');
  sealed
    .command('keygen')
    .description('make a recipient key pair: the private key goes to a file (mode 0600), the public one is printed')
    .requiredOption('--out <private-key.pem>', 'where to write the private key (kept by the recipient only)')
    .action(async (options: { out: string }) => {
      const { createRecipientKeyPair } = await import('@vigie/server');
      const pair = createRecipientKeyPair();
      await writeFile(options.out, pair.privateKeyPem, { mode: 0o600, flag: 'wx' }).catch((error: unknown) => {
        throw new CliError(`Cannot write ${options.out}: ${(error as Error).message}`);
      });
      io.out(`Private key written to ${options.out}; give this public key to the sender:`);
      io.out(pair.recipient);
    });
  sealed
    .command('open')
    .description('decrypt a sealed export with the private key or the passphrase (read from stdin)')
    .argument('<file>', 'the .vigie-sealed file')
    .requiredOption('--out <package.zip>', 'where to write the evidence package')
    .option('--identity <private-key.pem>', 'the recipient’s private key')
    .option('--passphrase-stdin', 'read the passphrase from standard input')
    .action(async (file: string, options: { out: string; identity?: string; passphraseStdin?: boolean }) => {
      if ((options.identity === undefined) === (options.passphraseStdin !== true)) {
        throw new CliError('Give either --identity <private-key.pem> or --passphrase-stdin.');
      }
      const openWith =
        options.identity === undefined
          ? { passphrase: (await io.readStdin()).replace(/\r?\n$/, '') }
          : { privateKeyPem: await readFile(options.identity, 'utf8') };
      const { openSealed } = await import('@vigie/server');
      let plain: Buffer;
      try {
        plain = openSealed(await readFile(file), openWith);
      } catch (error) {
        throw new CliError((error as Error).message, 2);
      }
      await writeFile(options.out, plain, { flag: 'wx' });
      io.out(`Opened: ${options.out} (${plain.length} bytes). Check it with: vigie verify ${options.out}`);
    });
  return sealed;
}
