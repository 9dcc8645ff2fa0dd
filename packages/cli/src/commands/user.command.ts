import { userInfo } from 'node:os';
import { roles } from '@vigie/core/permissions';
import type { VigieDatabase } from '@vigie/db';
import type { UserService } from '@vigie/server';
import { Command } from 'commander';
import { CliError, type CliIo } from '../io.js';
import { collectRepeated } from './repeatable-option.js';
import { openConfiguredDatabase } from './database.js';

/** The operating-system account running the CLI, for the audit trail. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Migrates the database and builds the account service on it (modules loaded on use: the CLI starts fast). */
async function userService(database: VigieDatabase): Promise<UserService> {
  const [{ systemClock }, { migrateToLatest, unitOfWork }, { UserService: Service }] = await Promise.all([
    import('@vigie/core'),
    import('@vigie/db'),
    import('@vigie/server'),
  ]);
  await migrateToLatest(database.db);
  return new Service(unitOfWork(database.db, systemClock));
}

/** `vigie user add`: creates an account directly in the database (bootstrap of the first admin). */
export function userCommand(io: CliIo): Command {
  const user = new Command('user').description('manage user accounts (run while the embedded server is stopped)');
  user
    .command('add')
    .description('create a user account; the password is read from standard input')
    .argument('<username>', 'login name')
    .requiredOption('--role <role>', `role (repeat for several): ${roles.join(', ')}`, collectRepeated, [])
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
        const created = await (
          await userService(database)
        ).create(
          { username, displayName: options.name ?? username, roles: options.role, password },
          { now: new Date(), actor: { actorName: `cli (${osUser()})`, source: 'local' } },
        );
        io.out(`User "${created.account.username}" created with roles ${created.account.roles.join(', ')}.`);
        if (created.totp !== undefined) {
          io.out(
            'This role views images: a one-time code is required at login. Add this account to an authenticator app:',
          );
          io.out(`  ${created.totp.uri}`);
          io.out(`  (secret ${created.totp.secret}; shown once)`);
        }
      } finally {
        await database.close();
      }
    });
  user
    .command('token')
    .description('issue an API token for a machine acting as this account (shown once)')
    .argument('<username>', 'account the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "analysis worker 2"')
    .action(async (username: string, options: { name: string }) => {
      const database = await openConfiguredDatabase(io);
      try {
        const token = await (
          await userService(database)
        ).createToken({
          username,
          name: options.name,
          now: new Date(),
          actor: { actorName: `cli (${osUser()})`, source: 'local' },
        });
        io.out(token);
      } finally {
        await database.close();
      }
    });
  return user;
}
