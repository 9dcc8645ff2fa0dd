import { testEngines } from '@vigie/db/testing';
import { totpCode } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; reason: string }[] };
}

interface User {
  id: string;
  username: string;
  roles: string[];
  cameraIds: string[];
}

describe.each(testEngines)('account administration API on $name', (engine) => {
  let app: TestApp;
  let admin: SessionHeaders;
  let dpo: SessionHeaders;
  let cameraIds: string[];
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    app = await openTestApp(engine);
    admin = await loginAs(app, ['admin']);
    dpo = await loginAs(app, ['dpo']);
    const supervisor = await loginAs(app, ['supervisor']);
    cameraIds = [];
    for (const name of ['Nord', 'Sud', 'Est']) {
      const response = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: supervisor,
        payload: cameraBody({ name }),
      });
      cameraIds.push(response.json<{ id: string }>().id);
    }
  });
  afterAll(() => app?.close());

  const createUser = (payload: Record<string, unknown>) =>
    app.http.inject({ method: 'POST', url: '/api/users', headers: admin, payload });

  it('creates an operator, shows the one-time-code key once, and the account can log in with it', async () => {
    const response = await createUser({
      username: 'agent.leroy',
      displayName: 'Agent Leroy',
      roles: ['operator'],
      password,
    });
    expect(response.statusCode).toBe(201);
    const { user, totp } = response.json<{ user: User; totp?: { secret: string; uri: string } }>();
    expect(user).toMatchObject({ username: 'agent.leroy', roles: ['operator'], cameraIds: [] });
    expect(totp?.uri).toMatch(/^otpauth:\/\/totp\//);
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent.leroy', password, totp: totpCode(totp?.secret ?? '', new Date()) },
    });
    expect(login.statusCode).toBe(200);
    const list = (await app.http.inject({ method: 'GET', url: '/api/users', headers: admin })).json<User[]>();
    expect(list.find((u) => u.username === 'agent.leroy')).toMatchObject({ roles: ['operator'] });
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|totpSecret|\$argon2/);
  });

  it('gives no one-time-code key to a role that views no image (DPO)', async () => {
    const response = await createUser({ username: 'dpo.martin', displayName: 'M. Martin', roles: ['dpo'], password });
    expect(response.statusCode).toBe(201);
    expect(response.json()).not.toHaveProperty('totp');
  });

  it.each([
    ['an unknown role', { roles: ['superuser'] }, '/roles/0'],
    ['a short password', { password: 'short' }, '/password'],
    ['an uppercase username', { username: 'Agent' }, '/username'],
    ['an unknown field', { isAdmin: true }, '/isAdmin'],
  ])('refuses %s with 400 naming the field', async (_label, overrides, path) => {
    const response = await createUser({
      username: 'x.y',
      displayName: 'X',
      roles: ['operator'],
      password,
      ...overrides,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorBody>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d) => d.path)).toContain(path);
  });

  it('refuses a taken username with 409', async () => {
    const body = { username: 'twice', displayName: 'Twice', roles: ['dpo'], password };
    expect((await createUser(body)).statusCode).toBe(201);
    const again = await createUser(body);
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('USERNAME_TAKEN');
  });

  it('assigns cameras to an operator, who then sees only those; replacing the set is audited', async () => {
    const { user, totp } = (
      await createUser({ username: 'agent.roux', displayName: 'Agent Roux', roles: ['operator'], password })
    ).json<{ user: User; totp: { secret: string } }>();
    const assign = (ids: string[]) =>
      app.http.inject({
        method: 'PUT',
        url: `/api/users/${user.id}/cameras`,
        headers: admin,
        payload: { cameraIds: ids },
      });

    const first = await assign([cameraIds[0]!, cameraIds[1]!]);
    expect(first.statusCode).toBe(200);
    expect(first.json<User>().cameraIds).toEqual([cameraIds[0], cameraIds[1]].sort());
    expect((await assign([cameraIds[2]!])).json<User>().cameraIds).toEqual([cameraIds[2]]);

    const login = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent.roux', password, totp: totpCode(totp.secret, new Date()) },
    });
    const cookie = `vigie_session=${login.cookies.find((c) => c.name === 'vigie_session')?.value ?? ''}`;
    const seen = (await app.http.inject({ method: 'GET', url: '/api/cameras', headers: { cookie } })).json<
      { name: string }[]
    >();
    expect(seen.map((c) => c.name)).toEqual(['Est']);

    const listed = (await app.http.inject({ method: 'GET', url: '/api/users', headers: admin })).json<User[]>();
    expect(listed.find((u) => u.id === user.id)?.cameraIds).toEqual([cameraIds[2]]);

    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=user.cameras_assigned', headers: dpo })
    ).json<{ actorName: string; details: { username: string; from: string[]; to: string[] } }[]>();
    expect(trail[0]).toMatchObject({
      actorName: expect.stringMatching(/^admin-/) as string,
      details: { username: 'agent.roux', from: [cameraIds[0], cameraIds[1]].sort(), to: [cameraIds[2]] },
    });
    const verify = await app.http.inject({ method: 'GET', url: '/api/audit/verify', headers: dpo });
    expect(verify.json()).toMatchObject({ valid: true });
  });

  it('refuses an unknown camera (naming it) and an unknown account', async () => {
    const { user } = (
      await createUser({ username: 'agent.blanc', displayName: 'Agent Blanc', roles: ['operator'], password })
    ).json<{ user: User }>();
    const missing = '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90';
    const unknownCamera = await app.http.inject({
      method: 'PUT',
      url: `/api/users/${user.id}/cameras`,
      headers: admin,
      payload: { cameraIds: [cameraIds[0], missing] },
    });
    expect(unknownCamera.statusCode).toBe(400);
    expect(unknownCamera.json<ErrorBody>().error.details).toEqual([
      { path: '/cameraIds/1', reason: `no camera has id ${missing}` },
    ]);
    const unknownUser = await app.http.inject({
      method: 'PUT',
      url: `/api/users/${missing}/cameras`,
      headers: admin,
      payload: { cameraIds: [] },
    });
    expect(unknownUser.statusCode).toBe(404);
    expect(unknownUser.json<ErrorBody>().error.code).toBe('USER_NOT_FOUND');
  });
});
