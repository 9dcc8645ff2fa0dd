import { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { openConfiguredDatabase } from './database.js';

/** `vigie audit verify`: checks the audit trail's hash chain directly in the database. */
export function auditCommand(io: CliIo): Command {
  const audit = new Command('audit').description('the tamper-evident audit trail');
  audit
    .command('verify')
    .description('verify the hash chain; exits 2 if any entry was modified, inserted or deleted')
    .action(async () => {
      const [{ AuditRepository }, { systemClock }] = await Promise.all([import('@vigie/db'), import('@vigie/core')]);
      const database = await openConfiguredDatabase(io);
      try {
        const result = await new AuditRepository(database.db, systemClock).verify();
        if (result.valid) {
          io.out(`Audit trail intact: ${result.entries} entries, hash chain verified.`);
          return;
        }
        const lines = result.breaks.map((b) => `  entry ${b.seq}: ${b.problem.replaceAll('_', ' ')}`);
        throw new CliError(
          `Audit trail TAMPERED (${result.breaks.length} break(s) in ${result.entries} entries):\n${lines.join('\n')}`,
          2,
        );
      } finally {
        await database.close();
      }
    });
  return audit;
}
