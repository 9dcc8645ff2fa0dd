import { verify } from '@node-rs/argon2';
import { rolesNeedSecondFactor, VigieError, type Clock } from '@vigie/core';
import type { Principal, UnitOfWork } from '@vigie/db';
import { hashPassword, passwordHashCost, type PasswordHashCost } from '../auth/password-hashing.js';
import { randomToken, secretHash, totpStep } from '../auth/secrets.js';
import { RateLimiter } from '../rate-limiter.js';
import type { CoalescedAudit } from '../security/coalesced-audit.js';

/** How long sessions last, and how failed logins are limited. */
export interface AuthPolicy {
  sessionHours: number;
  /** Automatic session lock after this long without a request (R10). */
  idleMinutes: number;
  /** Failed logins from one address within `lockMinutes` before that address is refused (429) for the rest of the window. */
  maxFailedLoginsPerAddress: number;
  /** Failed logins on one account, from any addresses, before it locks for `lockMinutes`: a distributed guess stops too. */
  maxFailedLogins: number;
  lockMinutes: number;
}

/**
 * The default policy: 12 h sessions, 30 min idle lock; 5 failures from one address refuse it for 15 min;
 * 20 failures on one account (so from 4 addresses at least) lock it 15 min.
 */
export const defaultAuthPolicy: AuthPolicy = {
  sessionHours: 12,
  idleMinutes: 30,
  maxFailedLoginsPerAddress: 5,
  maxFailedLogins: 20,
  lockMinutes: 15,
};

/**
 * A session's last request is written back at most this often: a player's several segment requests a second
 * cost one read each, not a write, and the idle lock (minutes) moves by these few seconds at most.
 */
const touchEveryMs = 15_000;

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

/** One login attempt as the route receives it; `source` is the caller's address. */
export interface LoginAttempt {
  username: string;
  password: string;
  totp?: string | undefined;
  source: string;
}

const minute = 60_000;

/** The one answer to every wrong login: it says nothing of which part was wrong, or whether the account exists. */
function invalidCredentials(): VigieError {
  return new VigieError(
    'INVALID_CREDENTIALS',
    'Unknown username, wrong password, or a missing or wrong one-time code (roles that view images need one).',
  );
}

/** Login, logout, and identifying callers from a session cookie or an API token. */
export class AuthService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #policy: AuthPolicy;
  readonly #failuresByAddress: RateLimiter;
  readonly #passwordCost: PasswordHashCost;
  readonly #refusals: CoalescedAudit;
  #dummyHash: Promise<string> | undefined;

  /**
   * `refusals` audits failures of unknown users, coalesced per address. `passwordCost` (tests only) must be
   * the cost accounts are hashed with, so that unknown users cost as much.
   */
  constructor(options: {
    work: UnitOfWork;
    clock: Clock;
    refusals: CoalescedAudit;
    policy?: AuthPolicy;
    passwordCost?: PasswordHashCost;
  }) {
    this.#work = options.work;
    this.#refusals = options.refusals;
    this.#clock = options.clock;
    this.#policy = options.policy ?? defaultAuthPolicy;
    this.#passwordCost = options.passwordCost ?? passwordHashCost;
    this.#failuresByAddress = new RateLimiter({
      max: this.#policy.maxFailedLoginsPerAddress,
      windowMs: this.#policy.lockMinutes * minute,
      clock: options.clock,
      what: 'failed logins',
    });
  }

  /**
   * Checks password and second factor, opens a session; all audited. Every wrong attempt gets the same
   * answer after the same work (an unknown user is checked against a dummy hash); ACCOUNT_LOCKED is told
   * only to whoever proved password and code. Failures are limited per address and per account.
   */
  async login(attempt: LoginAttempt): Promise<LoginResult> {
    this.#failuresByAddress.refuseIfOver(attempt.source);
    const now = this.#clock.now();
    const dummyHash = await this.#dummy();
    const outcome = await this.#work(async ({ auth, audit }) => {
      const account = await auth.credentials(attempt.username);
      const passwordOk = await verify(account?.passwordHash ?? dummyHash, attempt.password);
      // Audited after this transaction, coalesced per address: anyone can send unknown names.
      if (account === undefined) return { error: invalidCredentials(), unknownUser: true };
      const step =
        account.totpSecret === undefined
          ? undefined
          : totpStep({ secret: account.totpSecret, code: attempt.totp ?? '', now });
      const needsCode = rolesNeedSecondFactor(account.roles);
      // A code is spent only by a proven password, and only once (the step is stored atomically).
      const codeOk = !needsCode || (passwordOk && step !== undefined && (await auth.useTotpStep(account.id, step)));
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
          details: {
            why: !passwordOk ? 'wrong password' : step === undefined ? 'wrong one-time code' : 'one-time code reused',
            failures,
          },
        });
        return { error: invalidCredentials() };
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
    if ('error' in outcome) {
      if (outcome.error.code === 'INVALID_CREDENTIALS') this.#failuresByAddress.count(attempt.source);
      if ('unknownUser' in outcome)
        await this.#refusals.record(
          {
            action: 'auth.login_failed',
            actorName: 'anonymous',
            source: attempt.source,
            details: { why: 'unknown user', username: attempt.username },
          },
          'username',
        );
      throw outcome.error;
    }
    return outcome.result;
  }

  /** A hash of a random password at the accounts' cost, made once: what an unknown user's password is checked against. */
  #dummy(): Promise<string> {
    this.#dummyHash ??= hashPassword(randomToken(), this.#passwordCost);
    return this.#dummyHash;
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
      if (now.getTime() - session.lastSeenAt.getTime() >= touchEveryMs) await auth.touchSession(id, now);
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
