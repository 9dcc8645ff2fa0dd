import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { openConfiguredDatabase } from './database.js';

/** `vigie migrate`: applies pending database migrations. */
export function migrateCommand(io: CliIo): Command {
  return new Command('migrate').description('apply pending database migrations').action(async () => {
    const { migrateToLatest } = await import('@vigie/db');
    const database = await openConfiguredDatabase(io);
    try {
      const result = await migrateToLatest(database.db);
      const applied = result.results ?? [];
      io.out(
        applied.length === 0 ? 'Database is up to date.' : applied.map((r) => `applied ${r.migrationName}`).join('\n'),
      );
    } finally {
      await database.close();
    }
  });
}
