import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { totpCode } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, type TestApp } from './support.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(testEngines)('authentication on $name', (engine) => {
  let now = new Date('2026-11-23T10:00:00Z');
  const clock: Clock = { now: () => now };
  let app: TestApp;
  let secret: string;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    const created = await app.users.create(
      { username: 'marie', displayName: 'Marie', roles: ['supervisor'], password },
      { now, actor: { actorName: 'test setup' } },
    );
    secret = created.totp?.secret ?? '';
    await app.users.create(
      { username: 'denise', displayName: 'Denise', roles: ['dpo'], password },
      { now, actor: { actorName: 'test setup' } },
    );
  });
  afterAll(() => app?.close());

  const login = (body: Record<string, unknown>, remoteAddress = '127.0.0.1') =>
    app.http.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress });

  it('requires the one-time code for roles that view images, and not for the DPO', async () => {
    const noCode = await login({ username: 'marie', password });
    expect(noCode.statusCode).toBe(401);
    // The same answer as a wrong password: a missing code does not confirm the password.
    expect(noCode.json<ErrorBody>().error.code).toBe('INVALID_CREDENTIALS');
    expect((await login({ username: 'denise', password })).statusCode).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const response = await login({ username: 'marie', password, totp: totpCode(secret, now) });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'vigie_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrfToken } = response.json<{ csrfToken: string }>();
    const headers = { cookie: `vigie_session=${cookie?.value ?? ''}` };

    const me = await app.http.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.json()).toMatchObject({ username: 'marie', roles: ['supervisor'], via: 'session' });

    const withoutCsrf = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers,
      payload: cameraBody({ name: 'Sans CSRF' }),
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json<ErrorBody>().error.code).toBe('CSRF_TOKEN_INVALID');
    const withCsrf = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: { ...headers, 'x-csrf-token': csrfToken },
      payload: cameraBody({ name: 'Avec CSRF' }),
    });
    expect(withCsrf.statusCode).toBe(201);

    // Idle for longer than 30 minutes: the session is locked and must log in again.
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await app.http.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('locks the account after twenty failures from any addresses, even for the right password, and audits it', async () => {
    for (let i = 0; i < 20; i += 1) {
      const wrong = await login({ username: 'denise', password: 'wrong password!!' }, `198.51.100.${i % 4}`);
      expect(wrong.json<ErrorBody>().error.code).toBe('INVALID_CREDENTIALS');
    }
    // Locked, but told so only to whoever proves the password: a wrong one gets the usual answer.
    expect(
      (await login({ username: 'denise', password: 'wrong password!!' }, '198.51.100.9')).json<ErrorBody>().error.code,
    ).toBe('INVALID_CREDENTIALS');
    const locked = await login({ username: 'denise', password }, '198.51.100.10');
    expect(locked.statusCode).toBe(403);
    expect(locked.json<ErrorBody>().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringContaining('locked until') as string,
    });
    now = new Date(now.getTime() + 16 * 60_000);
    const after = await login({ username: 'denise', password });
    expect(after.statusCode).toBe(200);
    const headers = { cookie: `vigie_session=${after.cookies.find((c) => c.name === 'vigie_session')?.value ?? ''}` };
    const trail = await app.http.inject({ method: 'GET', url: '/api/audit', headers });
    const actions = trail
      .json<{ action: string; actorName: string }[]>()
      .filter((e) => e.actorName === 'denise')
      .map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'auth.login_failed').length).toBeGreaterThanOrEqual(20);
  });

  it('accepts API tokens for machines without CSRF, and refuses unknown ones', async () => {
    const token = await app.users.createToken({
      username: 'marie',
      name: 'worker',
      now,
      actor: { actorName: 'test setup' },
    });
    expect(token).toMatch(/^vgt_/);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: { authorization: `Bearer ${token}` },
      payload: cameraBody({ name: 'Par jeton' }),
    });
    expect(created.statusCode).toBe(201);
    const forged = await app.http.inject({
      method: 'GET',
      url: '/api/cameras',
      headers: { authorization: 'Bearer vgt_forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('records every camera change in the audit trail with who, what and the diff, and the chain verifies', async () => {
    const token = await app.users.createToken({
      username: 'marie',
      name: 'audit check',
      now,
      actor: { actorName: 'test setup' },
    });
    const auth = { authorization: `Bearer ${token}` };
    const { id } = (
      await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: auth,
        payload: cameraBody({ name: 'Audité' }),
      })
    ).json<{ id: string }>();
    await app.http.inject({ method: 'PATCH', url: `/api/cameras/${id}`, headers: auth, payload: { retentionDays: 5 } });
    await app.http.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: auth });
    const dpo = await login({ username: 'denise', password });
    const headers = { cookie: `vigie_session=${dpo.cookies.find((c) => c.name === 'vigie_session')?.value ?? ''}` };
    const entries = (await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${id}`, headers })).json<
      { action: string; actorName: string; details: Record<string, unknown> }[]
    >();
    expect(entries.map((e) => e.action)).toEqual(['camera.deleted', 'camera.updated', 'camera.created']);
    expect(entries.every((e) => e.actorName === 'marie')).toBe(true);
    expect(entries[1]?.details).toEqual({ changes: { retentionDays: { from: 15, to: 5 } } });
    expect(JSON.stringify(entries)).not.toContain('secret@');
    const search = (q: string) =>
      app.http.inject({ method: 'GET', url: `/api/audit?q=${encodeURIComponent(q)}`, headers });
    const found = (await search('audité')).json<{ action: string; cameraId?: string }[]>();
    expect(found.map((e) => [e.action, e.cameraId])).toEqual([
      ['camera.deleted', id],
      ['camera.created', id],
    ]);
    expect((await search('')).statusCode).toBe(400);
    expect((await search('x'.repeat(201))).statusCode).toBe(400);
    const verify = await app.http.inject({ method: 'GET', url: '/api/audit/verify', headers });
    expect(verify.json()).toMatchObject({ valid: true, breaks: [] });
  });
});
