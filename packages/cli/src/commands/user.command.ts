import { roles } from '@vigie/core';
import { migrateToLatest, UserRepository } from '@vigie/db';
import { UserService } from '@vigie/server';
import { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { openConfiguredDatabase } from './database.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `vigie user add`: creates an account directly in the database (bootstrap of the first admin). */
export function userCommand(io: CliIo): Command {
  const user = new Command('user').description('manage user accounts (run while the embedded server is stopped)');
  user
    .command('add')
    .description('create a user account; the password is read from standard input')
    .argument('<username>', 'login name')
    .requiredOption('--role <role>', `role (repeat for several): ${roles.join(', ')}`, collect, [])
    .option('--name <display name>', 'name shown in the console and the audit trail')
    .action(async (username: string, options: { role: string[]; name?: string }) => {
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      if (password === '') {
        throw new CliError(
          `Give the password on standard input, e.g.: printf '%s' "$PASSWORD" | vigie user add ${username} --role ...`,
        );
      }
      const database = await openConfiguredDatabase(io);
      try {
        await migrateToLatest(database.db);
        const created = await new UserService(new UserRepository(database.db)).create(
          { username, displayName: options.name ?? username, roles: options.role, password },
          new Date(),
        );
        io.out(`User "${created.username}" created with roles ${created.roles.join(', ')}.`);
      } finally {
        await database.close();
      }
    });
  return user;
}
