import { hash, type Algorithm } from '@node-rs/argon2';
import { roles as knownRoles, VigieError, type Role } from '@vigie/core';
import type { UserAccount, UserRepository } from '@vigie/db';

/** What an administrator gives to create an account. */
export interface NewUser {
  username: string;
  displayName: string;
  roles: string[];
  password: string;
}

const minPasswordLength = 12;
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see the comment where it is used
const argon2id = 2 as Algorithm;
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Account administration: validates, hashes passwords with argon2id, stores. */
export class UserService {
  readonly #users: UserRepository;

  constructor(users: UserRepository) {
    this.#users = users;
  }

  /** Creates an account; throws VALIDATION_FAILED listing each problem, or USERNAME_TAKEN. */
  async create(user: NewUser, now: Date): Promise<UserAccount> {
    const problems = [];
    if (!usernamePattern.test(user.username)) {
      problems.push({ path: '/username', reason: 'use 2–63 lowercase letters, digits, dots, dashes or underscores' });
    }
    if (user.roles.length === 0) problems.push({ path: '/roles', reason: 'give at least one role' });
    user.roles.forEach((role, index) => {
      if (!(knownRoles as readonly string[]).includes(role)) {
        problems.push({ path: `/roles/${index}`, reason: `"${role}" is not one of ${knownRoles.join(', ')}` });
      }
    });
    if (user.password.length < minPasswordLength) {
      problems.push({ path: '/password', reason: `must have at least ${minPasswordLength} characters` });
    }
    if (problems.length > 0) {
      throw new VigieError('VALIDATION_FAILED', `Cannot create user "${user.username}".`, problems);
    }
    // Argon2id (the library's const enum value 2, unusable under isolatedModules), default costs.
    const passwordHash = await hash(user.password, { algorithm: argon2id });
    const created = await this.#users.create(
      { username: user.username, displayName: user.displayName, roles: user.roles as Role[], passwordHash },
      now,
    );
    if (created === undefined) {
      throw new VigieError('USERNAME_TAKEN', `A user named "${user.username}" already exists.`, [
        { path: '/username', reason: 'is already taken' },
      ]);
    }
    return created;
  }
}
