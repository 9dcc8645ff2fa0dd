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

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who acts, for the audit trail: the operating-system account behind the CLI. */
function cliActor() {
  return { actorName: `cli (${osUser()})`, source: 'local' };
}

/** The expiry of `--expires-in-days` (a positive whole number), or undefined without the option. */
function expiryOf(days: string | undefined, now: Date): Date | undefined {
  if (days === undefined) return undefined;
  if (!/^[1-9][0-9]{0,4}$/.test(days))
    throw new CliError(`--expires-in-days takes a whole number of days, not "${days}".`);
  return new Date(now.getTime() + Number(days) * 86_400_000);
}

/** Runs `use` with the account service over the configured database, closed afterwards. */
async function withUsers(io: CliIo, use: (users: UserService) => Promise<void>): Promise<void> {
  const database = await openConfiguredDatabase(io);
  try {
    await use(await userService(database));
  } finally {
    await database.close();
  }
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
    .option('--expires-in-days <days>', 'refuse the token after this many days (default: valid until revoked)')
    .action(async (username: string, options: { name: string; expiresInDays?: string }) => {
      const now = new Date();
      const expiresAt = expiryOf(options.expiresInDays, now);
      await withUsers(io, async (users) => {
        const token = await users.createToken({ username, name: options.name, now, actor: cliActor(), expiresAt });
        io.out(token);
      });
    });
  user
    .command('tokens')
    .description('list API tokens: id, account, name, expiry, revocation (never the tokens themselves)')
    .action(async () => {
      await withUsers(io, async (users) => {
        for (const token of await users.tokens()) {
          const state =
            token.revokedAt !== undefined
              ? `revoked ${token.revokedAt.toISOString()}`
              : `expires ${token.expiresAt?.toISOString() ?? 'never'}`;
          io.out(`${token.id}  ${token.username}  "${token.name}"  ${state}`);
        }
      });
    });
  user
    .command('revoke-token')
    .description('revoke an API token (id from `vigie user tokens`): refused from now on; audited')
    .argument('<id>', 'the token id')
    .action(async (id: string) => {
      if (!uuidPattern.test(id)) throw new CliError(`"${id}" is not a token id; list them with: vigie user tokens`);
      await withUsers(io, async (users) => {
        const token = await users.revokeToken({ id, now: new Date(), actor: cliActor() });
        io.out(`Token "${token.name}" of ${token.username} revoked; it is refused from now on.`);
      });
    });
  return user;
}
