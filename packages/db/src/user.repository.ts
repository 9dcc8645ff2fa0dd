import type { Role } from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { Tables, UserTable } from './tables.js';

/** A user account without its password hash. */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  createdAt: string;
}

function toAccount(row: Selectable<UserTable>): UserAccount {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as Role[],
    createdAt: row.created_at.toISOString(),
  };
}

/** Accounts of the supervision centre. */
export class UserRepository {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.#db = db;
  }

  /** Creates an account; returns undefined if the username is taken. */
  async create(
    user: {
      username: string;
      displayName: string;
      roles: Role[];
      passwordHash: string;
    },
    now: Date,
  ): Promise<UserAccount | undefined> {
    const row = await this.#db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        roles: JSON.stringify(user.roles),
        password_hash: user.passwordHash,
        created_at: now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : toAccount(row);
  }

  /** One account by id. */
  async get(id: string): Promise<UserAccount | undefined> {
    const row = await this.#db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toAccount(row);
  }

  /** Every account, by username. */
  async list(): Promise<UserAccount[]> {
    const rows = await this.#db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toAccount);
  }
}
