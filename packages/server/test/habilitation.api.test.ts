import { frenchProfile } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise, cameraBody, openTestApp, tokenAs, validHabilitation, type TestApp } from './support.js';

const day = 86_400_000;

/** The recordings route of a camera over the last minute (an image route: playback). */
function recordingsUrl(camera: string): string {
  const now = Date.now();
  const query = new URLSearchParams({ from: new Date(now - 60_000).toISOString(), to: new Date(now).toISOString() });
  return `/api/cameras/${camera}/recordings?${query.toString()}`;
}

/** The error code of a response, or its status when it succeeded. */
function outcome(response: { statusCode: number; json: () => unknown }): string | number {
  return response.statusCode < 400 ? response.statusCode : (response.json() as { error: { code: string } }).error.code;
}

describe.each(testEngines)('habilitations and workstations (LEGAL R8–R10) on $name', (engine) => {
  let app: TestApp;
  let current = Date.now();
  const clock = { now: () => new Date(current) };
  let admin: Record<string, string>;
  let dpo: Record<string, string>;
  let cameraId: string;
  let otherCameraId: string;

  beforeAll(async () => {
    app = await openTestApp(engine, clock, {
      profile: frenchProfile,
    });
    admin = await tokenAs(app, ['admin']);
    dpo = await tokenAs(app, ['dpo']);
    cameraId = (await app.cameras.create(cameraBody() as never, { actorName: 'test setup' })).id;
    otherCameraId = (await app.cameras.create(cameraBody({ name: 'Parvis' }) as never, { actorName: 'test setup' })).id;
    await authorise(app, cameraId);
    await authorise(app, otherCameraId);
  });
  afterAll(() => app.close());

  /** What an operator gets from the image routes of a camera: listing recordings, opening live, exporting. */
  async function imageAccess(headers: Record<string, string>, camera = cameraId): Promise<(string | number)[]> {
    const now = new Date(current);
    const range = { from: new Date(now.getTime() - 60_000).toISOString(), to: now.toISOString() };
    return [
      outcome(await app.http.inject({ method: 'GET', url: recordingsUrl(camera), headers })),
      outcome(await app.http.inject({ method: 'POST', url: `/api/cameras/${camera}/live`, headers })),
      outcome(
        await app.http.inject({
          method: 'POST',
          url: `/api/cameras/${camera}/exports`,
          headers,
          payload: { ...range, purpose: 'public_space_safety', reason: 'Réquisition judiciaire n° 42' },
        }),
      ),
    ];
  }

  it('refuses images to an account without a designation, and to one whose training expired; audited', async () => {
    const supervisor = await tokenAs(app, ['supervisor']);
    expect((await imageAccess(supervisor)).some((o) => typeof o === 'string' && o.startsWith('HABILITATION'))).toBe(
      false,
    );

    // An account created without a habilitation record: images refused, other routes still answer.
    await app.users.create(
      {
        username: 'nouvel.agent',
        displayName: 'Nouvel agent',
        roles: ['supervisor'],
        password: 'correct horse battery',
      },
      { now: new Date(current), actor: { actorName: 'test setup' } },
    );
    const newcomer = {
      authorization: `Bearer ${await app.users.createToken({ username: 'nouvel.agent', name: 't', now: new Date(current), actor: { actorName: 'test setup' } })}`,
    };
    expect(await imageAccess(newcomer)).toEqual([
      'HABILITATION_MISSING',
      'HABILITATION_MISSING',
      'HABILITATION_MISSING',
    ]);
    expect((await app.http.inject({ method: 'GET', url: '/api/cameras', headers: newcomer })).statusCode).toBe(200);

    // The administrator records a designation whose data-protection training lapses in ten days.
    const lapsing = await app.http.inject({
      method: 'PUT',
      url: '/api/users/nouvel.agent/habilitation',
      headers: admin,
      payload: {
        ...validHabilitation(new Date(current)),
        dataProtectionTrainingExpiresOn: new Date(current + 10 * day).toISOString().slice(0, 10),
      },
    });
    expect(lapsing.statusCode).toBe(200);
    expect((await imageAccess(newcomer)).filter((o) => typeof o === 'string' && o.startsWith('HABILITATION'))).toEqual(
      [],
    );

    // Twelve days later the training has expired: live, playback and export are refused with the reason.
    current += 12 * day;
    expect(await imageAccess(newcomer)).toEqual([
      'HABILITATION_EXPIRED',
      'HABILITATION_EXPIRED',
      'HABILITATION_EXPIRED',
    ]);
    const refused = await app.http.inject({
      method: 'GET',
      url: recordingsUrl(cameraId),
      headers: newcomer,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/data-protection training expired/);
    const trail = await app.http.inject({ method: 'GET', url: '/api/audit?action=access.denied', headers: dpo });
    const denied = trail.json<{ actorName: string; details: { code: string } }[]>();
    expect(denied.filter((e) => e.actorName === 'nouvel.agent').map((e) => e.details.code)).toContain(
      'HABILITATION_EXPIRED',
    );
    const recorded = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=habilitation.recorded',
      headers: dpo,
    });
    const forNewcomer = recorded
      .json<{ details: { username: string } }[]>()
      .filter((e) => e.details.username === 'nouvel.agent');
    expect(forNewcomer).toHaveLength(1);
  });

  it('limits images to the cameras the designation act names', async () => {
    await app.users.create(
      { username: 'agent.gare', displayName: 'Agent gare', roles: ['supervisor'], password: 'correct horse battery' },
      { now: new Date(current), actor: { actorName: 'test setup' } },
    );
    const response = await app.http.inject({
      method: 'PUT',
      url: '/api/users/agent.gare/habilitation',
      headers: admin,
      payload: { ...validHabilitation(new Date(current)), cameraScope: [otherCameraId] },
    });
    expect(response.statusCode).toBe(200);
    const token = await app.users.createToken({
      username: 'agent.gare',
      name: 't',
      now: new Date(current),
      actor: { actorName: 'test setup' },
    });
    const headers = { authorization: `Bearer ${token}` };
    const recordings = (camera: string) => app.http.inject({ method: 'GET', url: recordingsUrl(camera), headers });
    expect(outcome(await recordings(cameraId))).toBe('HABILITATION_OUT_OF_SCOPE');
    expect(outcome(await recordings(otherCameraId))).toBe(200);
  });

  it('refuses an inconsistent record', async () => {
    const response = await app.http.inject({
      method: 'PUT',
      url: '/api/users/agent.gare/habilitation',
      headers: admin,
      payload: {
        ...validHabilitation(new Date(current)),
        aiLiteracyTrainingOn: undefined,
        aiLiteracyTrainingExpiresOn: undefined,
      },
    });
    expect(outcome(response)).toBe('HABILITATION_INVALID');
  });
});

describe.each(testEngines)('enrolled workstations (LEGAL R10) on $name', (engine) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await openTestApp(engine, undefined, {
      habilitation: { habilitationRequired: true, workstationsRequired: true },
    });
  });
  afterAll(() => app.close());

  it('shows images only on an enrolled, unrevoked workstation', async () => {
    const admin = await tokenAs(app, ['admin']);
    const supervisor = await tokenAs(app, ['supervisor']);
    const cameraId = (await app.cameras.create(cameraBody() as never, { actorName: 'test setup' })).id;
    await authorise(app, cameraId);
    const recordings = (headers: Record<string, string>) =>
      app.http.inject({ method: 'GET', url: recordingsUrl(cameraId), headers });

    expect(outcome(await recordings(supervisor))).toBe('WORKSTATION_NOT_ENROLLED');
    const enrolled = await app.http.inject({
      method: 'POST',
      url: '/api/workstations',
      headers: admin,
      payload: { name: 'CSU — poste 1' },
    });
    expect(enrolled.statusCode).toBe(201);
    const { key, workstation } = enrolled.json<{ key: string; workstation: { id: string } }>();

    // The workstation's browser keeps its key in an HttpOnly cookie; an API client sends it as a header.
    const claim = await app.http.inject({ method: 'POST', url: '/api/workstation/claim', payload: { key } });
    expect(claim.statusCode).toBe(200);
    const cookie = claim.cookies.find((c) => c.name === 'vigie_workstation');
    expect(cookie?.httpOnly).toBe(true);
    expect(outcome(await recordings({ ...supervisor, cookie: `vigie_workstation=${cookie?.value ?? ''}` }))).toBe(200);
    expect(outcome(await recordings({ ...supervisor, 'x-vigie-workstation': key }))).toBe(200);
    expect(outcome(await recordings({ ...supervisor, 'x-vigie-workstation': `${key}x` }))).toBe(
      'WORKSTATION_NOT_ENROLLED',
    );
    expect(
      outcome(await app.http.inject({ method: 'POST', url: '/api/workstation/claim', payload: { key: `${key}x` } })),
    ).toBe('WORKSTATION_NOT_ENROLLED');

    const revoke = await app.http.inject({
      method: 'POST',
      url: `/api/workstations/${workstation.id}/revoke`,
      headers: admin,
    });
    expect(revoke.statusCode).toBe(204);
    expect(outcome(await recordings({ ...supervisor, 'x-vigie-workstation': key }))).toBe('WORKSTATION_NOT_ENROLLED');
  });
});
