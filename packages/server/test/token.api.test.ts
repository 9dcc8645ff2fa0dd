import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, tokenAs, type TestApp } from './support.js';

interface TokenView {
  id: string;
  name: string;
  username: string;
  expiresAt?: string;
  revokedAt?: string;
}

// Finding 10 of issue 10: API tokens never expired and could not be revoked.
describe.each(testEngines)('API token expiry and revocation on $name', (engine) => {
  let now = new Date('2026-11-23T10:00:00Z');
  const clock: Clock = { now: () => now };
  let app: TestApp;
  let admin: Record<string, string>;
  const actor = { actorName: 'test setup' };

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    admin = await tokenAs(app, ['admin']);
    await app.users.create(
      { username: 'robot', displayName: 'Robot', roles: ['dpo'], password: 'correct horse battery staple' },
      { now, actor },
    );
  });
  afterAll(() => app?.close());

  const me = (token: string) =>
    app.http.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

  it('refuses a token from its expiry on', async () => {
    const token = await app.users.createToken({
      username: 'robot',
      name: 'one day',
      now,
      actor,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    expect((await me(token)).statusCode).toBe(200);
    now = new Date(now.getTime() + 86_400_000);
    expect((await me(token)).statusCode).toBe(401);
    await expect(
      app.users.createToken({ username: 'robot', name: 'past', now, actor, expiresAt: now }),
    ).rejects.toThrow(/expire in the future/);
  });

  it('lets the administrator list and revoke a token: refused at once, audited, never shown', async () => {
    const token = await app.users.createToken({ username: 'robot', name: 'worker 2', now, actor });
    const list = await app.http.inject({ method: 'GET', url: '/api/tokens', headers: admin });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    const listed = list.json<TokenView[]>().find((t) => t.name === 'worker 2');
    expect(listed).toMatchObject({ username: 'robot' });
    expect(listed).not.toHaveProperty('expiresAt');

    const revoked = await app.http.inject({
      method: 'POST',
      url: `/api/tokens/${listed?.id ?? ''}/revoke`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<TokenView>().revokedAt).toBe(now.toISOString());
    expect((await me(token)).statusCode).toBe(401);
    // Twice changes nothing, and audits once.
    expect(
      (await app.http.inject({ method: 'POST', url: `/api/tokens/${listed?.id ?? ''}/revoke`, headers: admin }))
        .statusCode,
    ).toBe(200);
    const trail = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'token.revoked')
      .execute();
    expect(trail).toHaveLength(1);
    expect(JSON.stringify(trail[0]?.details)).toContain('worker 2');
  });

  it('answers 404 TOKEN_NOT_FOUND for an unknown id, and keeps the routes to the administrator', async () => {
    const unknown = await app.http.inject({
      method: 'POST',
      url: '/api/tokens/6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90/revoke',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ error: { code: string } }>().error.code).toBe('TOKEN_NOT_FOUND');
    const dpo = await tokenAs(app, ['dpo']);
    expect((await app.http.inject({ method: 'GET', url: '/api/tokens', headers: dpo })).statusCode).toBe(403);
  });
});
