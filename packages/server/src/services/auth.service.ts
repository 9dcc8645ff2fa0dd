import { verify } from '@node-rs/argon2';
import { rolesNeedSecondFactor, VigieError, type Clock } from '@vigie/core';
import type { Principal, UnitOfWork } from '@vigie/db';
import { randomToken, secretHash, totpValid } from '../auth/secrets.js';

/** How long sessions and lockouts last. */
export interface AuthPolicy {
  sessionHours: number;
  /** Automatic session lock after this long without a request (R10). */
  idleMinutes: number;
  maxFailedLogins: number;
  lockMinutes: number;
}

/** The default policy: 12 h sessions, 30 min idle lock, 5 failures lock the account 15 min. */
export const defaultAuthPolicy: AuthPolicy = { sessionHours: 12, idleMinutes: 30, maxFailedLogins: 5, lockMinutes: 15 };

/** A caller, as the access-control hook sees it. */
export interface Caller extends Principal {
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

/** The result of a successful login: the cookie value to set and the CSRF token to echo. */
export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  caller: Caller;
  expiresAt: Date;
}

const minute = 60_000;

/** Login, logout, and identifying callers from a session cookie or an API token. */
export class AuthService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #policy: AuthPolicy;

  constructor(options: { work: UnitOfWork; clock: Clock; policy?: AuthPolicy }) {
    this.#work = options.work;
    this.#clock = options.clock;
    this.#policy = options.policy ?? defaultAuthPolicy;
  }

  /** Checks password and second factor, locks after repeated failures, opens a session; all audited. */
  async login(attempt: {
    username: string;
    password: string;
    totp?: string | undefined;
    source: string;
  }): Promise<LoginResult> {
    const now = this.#clock.now();
    const outcome = await this.#work(async ({ auth, audit }) => {
      const account = await auth.credentials(attempt.username);
      const invalid = new VigieError('INVALID_CREDENTIALS', 'Unknown username, wrong password or wrong one-time code.');
      if (account === undefined) {
        await audit.append({
          action: 'auth.login_failed',
          actorName: attempt.username,
          source: attempt.source,
          details: { why: 'unknown user' },
        });
        return { error: invalid };
      }
      if (account.lockedUntil !== undefined && account.lockedUntil > now) {
        await audit.append({
          action: 'auth.login_failed',
          actorId: account.id,
          actorName: account.username,
          source: attempt.source,
          details: { why: 'locked' },
        });
        return {
          error: new VigieError(
            'ACCOUNT_LOCKED',
            `This account is locked until ${account.lockedUntil.toISOString()} after repeated failed logins.`,
          ),
        };
      }
      const passwordOk = await verify(account.passwordHash, attempt.password);
      const needsCode = rolesNeedSecondFactor(account.roles);
      if (passwordOk && needsCode && (attempt.totp === undefined || attempt.totp === '')) {
        return {
          error: new VigieError('TOTP_REQUIRED', 'This account views images: a one-time code is required.', [
            { path: '/totp', reason: 'is required for your role' },
          ]),
        };
      }
      const codeOk =
        !needsCode ||
        (account.totpSecret !== undefined && totpValid({ secret: account.totpSecret, code: attempt.totp ?? '', now }));
      if (!passwordOk || !codeOk) {
        const failures = account.failedLogins + 1;
        const lock =
          failures >= this.#policy.maxFailedLogins
            ? new Date(now.getTime() + this.#policy.lockMinutes * minute)
            : undefined;
        await auth.recordFailure(account.id, lock);
        await audit.append({
          action: lock === undefined ? 'auth.login_failed' : 'auth.locked',
          actorId: account.id,
          actorName: account.username,
          source: attempt.source,
          details: { why: passwordOk ? 'wrong one-time code' : 'wrong password', failures },
        });
        return { error: invalid };
      }
      await auth.recordSuccess(account.id);
      const sessionToken = randomToken();
      const csrfToken = randomToken();
      const expiresAt = new Date(now.getTime() + this.#policy.sessionHours * 60 * minute);
      await auth.createSession({
        id: secretHash(sessionToken),
        userId: account.id,
        csrfToken,
        now,
        expiresAt,
        source: attempt.source,
      });
      await audit.append({
        action: 'auth.login',
        actorId: account.id,
        actorName: account.username,
        source: attempt.source,
      });
      const caller: Caller = {
        userId: account.id,
        username: account.username,
        displayName: account.displayName,
        roles: account.roles,
        via: 'session',
        sessionId: secretHash(sessionToken),
        csrfToken,
      };
      return { result: { sessionToken, csrfToken, caller, expiresAt } };
    });
    // Failures are committed (counter, lock, audit) before the error is raised.
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }

  /** Ends a session. */
  async logout(caller: Caller, source: string): Promise<void> {
    await this.#work(async ({ auth, audit }) => {
      if (caller.sessionId !== undefined) await auth.deleteSession(caller.sessionId);
      await audit.append({ action: 'auth.logout', actorId: caller.userId, actorName: caller.username, source });
    });
  }

  /** The caller behind a session cookie, if the session is valid and not idle too long. */
  async fromSession(sessionToken: string): Promise<Caller | undefined> {
    const now = this.#clock.now();
    return this.#work(async ({ auth }) => {
      const id = secretHash(sessionToken);
      const session = await auth.session(id);
      if (session === undefined) return undefined;
      const idle = now.getTime() - session.lastSeenAt.getTime() > this.#policy.idleMinutes * minute;
      if (session.expiresAt <= now || idle) {
        await auth.deleteSession(id);
        return undefined;
      }
      await auth.touchSession(id, now);
      const { sessionId, csrfToken, userId, username, displayName, roles } = session;
      return { userId, username, displayName, roles, via: 'session', sessionId, csrfToken };
    });
  }

  /** The caller behind an API token, if valid. */
  async fromToken(token: string): Promise<Caller | undefined> {
    const principal = await this.#work(({ auth }) => auth.tokenPrincipal(secretHash(token), this.#clock.now()));
    return principal === undefined ? undefined : { ...principal, via: 'token' };
  }
}
