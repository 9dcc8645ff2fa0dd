import { roles as knownRoles, rolesNeedSecondFactor, VigieError, type FieldProblem, type Role } from '@vigie/core';
import type { ApiTokenSummary, UnitOfWork, UserAccount } from '@vigie/db';
import { hashPassword, passwordHashCost, type PasswordHashCost } from '../auth/password-hashing.js';
import { newTotpSecret, randomToken, secretHash } from '../auth/secrets.js';
import type { AuditAuthor } from '../auth/requester.js';

/** What an administrator gives to create an account. */
export interface NewUser {
  username: string;
  displayName: string;
  roles: string[];
  password: string;
}

/** An account with the cameras assigned to it (they limit what an operator sees). */
export interface UserSummary extends UserAccount {
  cameraIds: string[];
}

/** A created account, with its second-factor enrolment shown once (roles that view images). */
export interface CreatedUser {
  account: UserAccount;
  totp?: { secret: string; uri: string };
}

const minPasswordLength = 12;
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,62}$/;

function problemsWith(user: NewUser): FieldProblem[] {
  const problems: FieldProblem[] = [];
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
  return problems;
}

/** Account administration: validates, hashes passwords with Argon2id, enrols a second factor; audited. */
export class UserService {
  readonly #work: UnitOfWork;
  readonly #passwordCost: PasswordHashCost;

  /** `passwordCost` is for tests only (default: the production cost, `passwordHashCost`). */
  constructor(work: UnitOfWork, options: { passwordCost?: PasswordHashCost } = {}) {
    this.#work = work;
    this.#passwordCost = options.passwordCost ?? passwordHashCost;
  }

  /** Every account, by username, with its assigned cameras. */
  async list(): Promise<UserSummary[]> {
    return this.#work(async ({ users, auth }) => {
      const assignments = await auth.allAssignments();
      return (await users.list()).map((account) => ({ ...account, cameraIds: assignments.get(account.id) ?? [] }));
    });
  }

  /** Creates an account; throws VALIDATION_FAILED listing each problem, or USERNAME_TAKEN. */
  async create(user: NewUser, options: { now: Date; actor: AuditAuthor }): Promise<CreatedUser> {
    const problems = problemsWith(user);
    if (problems.length > 0)
      throw new VigieError('VALIDATION_FAILED', `Cannot create user "${user.username}".`, problems);
    const roles = user.roles as Role[];
    const passwordHash = await hashPassword(user.password, this.#passwordCost);
    const totp = rolesNeedSecondFactor(roles) ? newTotpSecret(user.username) : undefined;
    return this.#work(async ({ users, auth, audit }) => {
      const account = await users.create(
        { username: user.username, displayName: user.displayName, roles, passwordHash },
        options.now,
      );
      if (account === undefined) {
        throw new VigieError('USERNAME_TAKEN', `A user named "${user.username}" already exists.`, [
          { path: '/username', reason: 'is already taken' },
        ]);
      }
      if (totp !== undefined) await auth.setTotpSecret(account.id, totp.secret);
      await audit.append({ action: 'user.created', ...options.actor, details: { username: account.username, roles } });
      return totp === undefined ? { account } : { account, totp };
    });
  }

  /**
   * Issues an API token for a machine acting as an account; the token is shown once, only its hash is
   * kept. With `expiresAt` it is refused from that instant on; without, until revoked.
   */
  async createToken(request: {
    username: string;
    name: string;
    now: Date;
    actor: AuditAuthor;
    expiresAt?: Date | undefined;
  }): Promise<string> {
    if (request.expiresAt !== undefined && request.expiresAt <= request.now) {
      throw new VigieError('VALIDATION_FAILED', 'A token must expire in the future.', [
        { path: '/expiresAt', reason: 'is not in the future' },
      ]);
    }
    const token = randomToken('vgt_');
    await this.#work(async ({ auth, audit }) => {
      const account = await auth.credentials(request.username);
      if (account === undefined) {
        throw new VigieError('VALIDATION_FAILED', `No user named "${request.username}".`, [
          { path: '/username', reason: 'does not exist' },
        ]);
      }
      await auth.createToken({
        hash: secretHash(token),
        name: request.name,
        userId: account.id,
        now: request.now,
        expiresAt: request.expiresAt,
      });
      await audit.append({
        action: 'token.created',
        ...request.actor,
        details: {
          username: account.username,
          name: request.name,
          expiresAt: request.expiresAt?.toISOString() ?? 'never',
        },
      });
    });
    return token;
  }

  /** Every API token (never its value), newest first. */
  async tokens(): Promise<ApiTokenSummary[]> {
    return this.#work(({ auth }) => auth.tokens());
  }

  /** Revokes a token: refused from now on; audited. Idempotent; throws TOKEN_NOT_FOUND for an unknown id. */
  async revokeToken(request: { id: string; now: Date; actor: AuditAuthor }): Promise<ApiTokenSummary> {
    return this.#work(async ({ auth, audit }) => {
      const [token] = await auth.tokens(request.id);
      if (token === undefined) throw new VigieError('TOKEN_NOT_FOUND', `No API token has id ${request.id}.`);
      if (token.revokedAt !== undefined) return token;
      const revoked = (await auth.revokeToken(request.id, request.now)) ?? token;
      await audit.append({
        action: 'token.revoked',
        ...request.actor,
        details: { id: token.id, username: token.username, name: token.name },
      });
      return revoked;
    });
  }

  /**
   * Sets exactly which cameras an account is assigned (replacing the previous set); audited with
   * before and after. Throws USER_NOT_FOUND, or VALIDATION_FAILED naming each unknown camera.
   */
  async setCameras(request: { userId: string; cameraIds: string[]; actor: AuditAuthor }): Promise<UserSummary> {
    const cameraIds = [...new Set(request.cameraIds)].sort();
    return this.#work(async ({ users, cameras, auth, audit }) => {
      const account = await users.get(request.userId);
      if (account === undefined) throw new VigieError('USER_NOT_FOUND', `No user has id ${request.userId}.`);
      const known = await cameras.existing(cameraIds);
      const problems = request.cameraIds
        .map((id, index) => ({ id, index }))
        .filter(({ id }) => !known.has(id))
        .map(({ id, index }) => ({ path: `/cameraIds/${index}`, reason: `no camera has id ${id}` }));
      if (problems.length > 0) {
        throw new VigieError('VALIDATION_FAILED', `Cannot assign cameras to "${account.username}".`, problems);
      }
      const before = (await auth.allAssignments()).get(account.id) ?? [];
      await auth.setAssignedCameras(account.id, cameraIds);
      await audit.append({
        action: 'user.cameras_assigned',
        ...request.actor,
        details: { username: account.username, from: before, to: cameraIds },
      });
      return { ...account, cameraIds };
    });
  }

  /** Assigns cameras to an operator. */
  async assignCameras(request: { username: string; cameraIds: string[]; actor: AuditAuthor }): Promise<void> {
    await this.#work(async ({ auth, audit }) => {
      const account = await auth.credentials(request.username);
      if (account === undefined) throw new VigieError('VALIDATION_FAILED', `No user named "${request.username}".`);
      await auth.assignCameras(account.id, request.cameraIds);
      await audit.append({
        action: 'setting.changed',
        ...request.actor,
        details: { assigned: request.cameraIds, to: account.username },
      });
    });
  }
}
