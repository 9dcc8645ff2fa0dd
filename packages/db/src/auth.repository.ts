import type { Role } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** What authentication needs to know about an account. */
export interface Credentials {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  passwordHash: string;
  totpSecret: string | undefined;
  failedLogins: number;
  lockedUntil: Date | undefined;
}

/** An API token as administrators see it (never its value). */
export interface ApiTokenSummary {
  id: string;
  name: string;
  username: string;
  createdAt: Date;
  expiresAt: Date | undefined;
  revokedAt: Date | undefined;
}

/** A caller identified by a session or a token. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
}

/** A live session as looked up from its cookie. */
export interface SessionRecord extends Principal {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** Credentials, sessions and machine tokens. Secrets are stored only as hashes. */
export class AuthRepository {
  readonly #db: Kysely<Tables>;

  constructor(db: Kysely<Tables>) {
    this.#db = db;
  }

  /** An account's credentials by username. */
  async credentials(username: string): Promise<Credentials | undefined> {
    const row = await this.#db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles as Role[],
      passwordHash: row.password_hash,
      totpSecret: row.totp_secret ?? undefined,
      failedLogins: row.failed_logins,
      lockedUntil: row.locked_until ?? undefined,
    };
  }

  /** Records a failed login, locking the account until `lockUntil` when given. */
  async recordFailure(userId: string, lockUntil: Date | undefined): Promise<void> {
    await this.#db
      .updateTable('users')
      .set((eb) => ({
        failed_logins: lockUntil === undefined ? eb('failed_logins', '+', 1) : 0,
        ...definedOnly({ locked_until: lockUntil }),
      }))
      .where('id', '=', userId)
      .execute();
  }

  /** Clears failures and locks after a successful login. */
  async recordSuccess(userId: string): Promise<void> {
    await this.#db
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', userId)
      .execute();
  }

  /**
   * Marks a one-time code's time step as used, unless this or a later one already was: true when the
   * code may be accepted. One conditional update, so two logins racing with the same code cannot both win.
   */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const result = await this.#db
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Stores the second-factor secret of an account. */
  async setTotpSecret(userId: string, secret: string): Promise<void> {
    await this.#db.updateTable('users').set({ totp_secret: secret }).where('id', '=', userId).execute();
  }

  /** Opens a session. */
  async createSession(session: {
    id: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    source: string | undefined;
  }): Promise<void> {
    await this.#db
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        created_at: session.now,
        last_seen_at: session.now,
        expires_at: session.expiresAt,
        source: session.source ?? null,
      })
      .execute();
  }

  /** A session and its account, by hashed id. */
  async session(id: string): Promise<SessionRecord | undefined> {
    const row = await this.#db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at'])
      .select(['users.id as user_id', 'users.username', 'users.display_name', 'users.roles'])
      .where('sessions.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      sessionId: row.id,
      csrfToken: row.csrf_token,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles as Role[],
    };
  }

  /** Marks a session as used now (idle timeout counts from here). */
  async touchSession(id: string, now: Date): Promise<void> {
    await this.#db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  }

  /** Ends a session. */
  async deleteSession(id: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Stores a machine token (its hash) acting as the given account. */
  async createToken(token: {
    hash: string;
    name: string;
    userId: string;
    now: Date;
    expiresAt: Date | undefined;
  }): Promise<void> {
    await this.#db
      .insertInto('api_tokens')
      .values({
        token_hash: token.hash,
        name: token.name,
        user_id: token.userId,
        created_at: token.now,
        expires_at: token.expiresAt ?? null,
      })
      .execute();
  }

  /** The account a token acts as, if the token exists, has not expired and was not revoked. */
  async tokenPrincipal(hash: string, now: Date): Promise<Principal | undefined> {
    const row = await this.#db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.roles', 'api_tokens.expires_at'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined || (row.expires_at !== null && row.expires_at <= now)) return undefined;
    return { userId: row.id, username: row.username, displayName: row.display_name, roles: row.roles as Role[] };
  }

  /** Every API token (or the one with this id), newest first, with the account it acts as. */
  async tokens(id?: string): Promise<ApiTokenSummary[]> {
    let query = this.#db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select(['api_tokens.id', 'api_tokens.name', 'users.username'])
      .select(['api_tokens.created_at', 'api_tokens.expires_at', 'api_tokens.revoked_at'])
      .orderBy('api_tokens.created_at', 'desc')
      .orderBy('api_tokens.id');
    if (id !== undefined) query = query.where('api_tokens.id', '=', id);
    const rows = await query.execute();
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      username: row.username,
      createdAt: row.created_at,
      expiresAt: row.expires_at ?? undefined,
      revokedAt: row.revoked_at ?? undefined,
    }));
  }

  /** Revokes a token from now on; the token as it was, or undefined when no token has this id. */
  async revokeToken(id: string, now: Date): Promise<ApiTokenSummary | undefined> {
    await this.#db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return (await this.tokens(id))[0];
  }

  /** Cameras assigned to an operator. */
  async assignedCameras(userId: string): Promise<Set<string>> {
    const rows = await this.#db
      .selectFrom('camera_assignments')
      .select('camera_id')
      .where('user_id', '=', userId)
      .execute();
    return new Set(rows.map((r) => r.camera_id));
  }

  /** Every account's assigned cameras, by account id. */
  async allAssignments(): Promise<Map<string, string[]>> {
    const rows = await this.#db
      .selectFrom('camera_assignments')
      .select(['user_id', 'camera_id'])
      .orderBy('camera_id')
      .execute();
    const byUser = new Map<string, string[]>();
    for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.camera_id]);
    return byUser;
  }

  /** Replaces an operator's assigned cameras with exactly the given ones. */
  async setAssignedCameras(userId: string, cameraIds: readonly string[]): Promise<void> {
    await this.#db.deleteFrom('camera_assignments').where('user_id', '=', userId).execute();
    await this.assignCameras(userId, cameraIds);
  }

  /** Assigns cameras to an operator (idempotent). */
  async assignCameras(userId: string, cameraIds: readonly string[]): Promise<void> {
    if (cameraIds.length === 0) return;
    await this.#db
      .insertInto('camera_assignments')
      .values(cameraIds.map((cameraId) => ({ user_id: userId, camera_id: cameraId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
