import { sql } from 'kysely';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePtzCamera, type FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const password = 'Onvif-Pa55word!';

/** A clock the test moves forward (the control lock expires 30 s after the last command). */
function movableClock(): { now: () => Date; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

describe.each(testEngines)('PTZ API against a test ONVIF device on $name', (engine) => {
  let app: TestApp;
  let device: FakeOnvifDevice;
  let supervisor: SessionHeaders;
  let operator: SessionHeaders;
  let otherOperator: SessionHeaders;
  let dpo: SessionHeaders;
  /** An operator not assigned the camera; logged in before the clock moves (one-time codes follow the server's clock). */
  let stranger: SessionHeaders;
  let cameraId: string;
  const clock = movableClock();

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, headers: SessionHeaders, payload?: unknown) =>
    app.http.inject({
      method,
      url: `/api/cameras/${cameraId}/ptz${path}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });

  const usernameOf = async (headers: SessionHeaders): Promise<string> =>
    (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers })).json<{ username: string }>().username;

  beforeAll(async () => {
    device = await startFakePtzCamera(password);
    app = await openTestApp(engine, clock);
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    otherOperator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
    stranger = await loginAs(app, ['operator']);
    const added = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: {
        address: device.address,
        username: 'vigie',
        password,
        name: 'Beffroi PTZ',
        enabled: false,
        location: { lat: 50.3579, lon: 3.5233 },
        purposes: ['public_space_safety'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    cameraId = added.json<{ camera: { id: string } }>().camera.id;
    for (const headers of [operator, otherOperator]) {
      await app.users.assignCameras({
        username: await usernameOf(headers),
        cameraIds: [cameraId],
        actor: { actorName: 'test setup' },
      });
    }
  });
  afterAll(async () => {
    await app?.close();
    await device?.stop();
  });

  it('steers the head over real SOAP: presets saved by a supervisor, moves, stops and preset calls', async () => {
    // The head starts at 0,0,0: a supervisor saves it as "Parvis".
    const saved = await call('POST', '/presets', supervisor, { name: 'Parvis' });
    expect(saved.statusCode, saved.body).toBe(201);
    const parvis = saved.json<{ token: string; name: string }>();
    expect(parvis).toMatchObject({ name: 'Parvis', position: { pan: 0, tilt: 0, zoom: 0 } });
    await call('DELETE', '/control', supervisor);

    const moved = await call('POST', '/move', operator, { pan: 0.5, tilt: -0.25 });
    expect(moved.statusCode, moved.body).toBe(204);
    expect(device.position()).toBeUndefined();
    expect((await call('POST', '/stop', operator)).statusCode).toBe(204);
    expect(device.actions()).toEqual(expect.arrayContaining(['SetPreset', 'ContinuousMove', 'Stop']));

    const presets = await call('GET', '/presets', operator);
    expect(presets.json()).toEqual([{ token: parvis.token, name: 'Parvis', position: { pan: 0, tilt: 0, zoom: 0 } }]);
    const gone = await call('POST', `/presets/${parvis.token}/go`, operator);
    expect(gone.statusCode, gone.body).toBe(204);
    expect(device.position()).toEqual({ pan: 0, tilt: 0, zoom: 0 });

    const audit = await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${cameraId}`, headers: dpo });
    const actions = audit.json<{ action: string; details: Record<string, unknown> }[]>();
    expect(actions.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'ptz.preset_saved',
        'ptz.control_released',
        'ptz.control_taken',
        'ptz.moved',
        'ptz.preset_recalled',
      ]),
    );
    expect(actions.find((e) => e.action === 'ptz.moved')?.details).toEqual({ pan: 0.5, tilt: -0.25, zoom: 0 });
    expect(audit.body).not.toContain(password);
  });

  it('gives the controls to one person at a time: refused to a peer, taken over by a supervisor, free after 30 s', async () => {
    await call('POST', '/move', operator, { zoom: 0.3 });
    const control = await call('GET', '/control', otherOperator);
    expect(control.json()).toMatchObject({ holder: { you: false } });
    const refused = await call('POST', '/move', otherOperator, { pan: -1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'PTZ_CONTROL_HELD' } });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(await usernameOf(operator));

    const taken = await call('POST', '/control', supervisor);
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ holder: { you: true } });
    expect((await call('POST', '/stop', operator)).statusCode).toBe(409);
    const audit = await app.http.inject({
      method: 'GET',
      url: `/api/audit?cameraId=${cameraId}&action=ptz.control_taken`,
      headers: dpo,
    });
    const operatorName = await usernameOf(operator);
    expect(audit.json<{ details: { takenFrom?: string } }[]>().map((e) => e.details.takenFrom)).toContain(operatorName);

    clock.advance(31_000);
    expect((await call('GET', '/control', operator)).json()).toEqual({});
    expect((await call('POST', '/stop', otherOperator)).statusCode).toBe(204);
  });

  it('checks roles, camera assignment, PTZ support and inputs, with errors a person can act on', async () => {
    expect((await call('POST', '/move', dpo, { pan: 0.1 })).statusCode).toBe(403);
    expect((await call('POST', '/presets', operator, { name: 'Nope' })).statusCode).toBe(403);

    const unassigned = await call('POST', '/move', stranger, { pan: 0.1 });
    expect(unassigned.statusCode).toBe(404);
    expect(unassigned.json()).toMatchObject({ error: { code: 'CAMERA_NOT_FOUND' } });

    const tooFast = await call('POST', '/move', supervisor, { pan: 3 });
    expect(tooFast.statusCode).toBe(400);
    expect(tooFast.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const markup = await call('POST', '/presets', supervisor, { name: '<Tour>' });
    expect(markup.statusCode).toBe(400);
    const unknown = await call('POST', '/presets/nowhere/go', supervisor);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'PTZ_PRESET_NOT_FOUND' } });

    const fixed = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Fixe', enabled: false }),
    });
    const notPtz = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${fixed.json<{ id: string }>().id}/ptz/move`,
      headers: supervisor,
      payload: { pan: 0.1 },
    });
    expect(notPtz.statusCode).toBe(409);
    expect(notPtz.json()).toMatchObject({ error: { code: 'PTZ_NOT_AVAILABLE' } });
  });

  it('refuses to move a camera with preset masks that no recorder here follows (fail-safe, R6)', async () => {
    // The camera is not recorded by this server (disabled; a worker's camera is the same case): nothing here could
    // mask its picture before the head turns.
    // A preset is saved where the head is known to rest: the tests before left it moving, so it goes to "Parvis".
    const [parvis] = (await call('GET', '/presets', supervisor)).json<{ token: string }[]>();
    expect((await call('POST', `/presets/${parvis!.token}/go`, supervisor)).statusCode).toBe(204);
    const saved = await call('POST', '/presets', supervisor, { name: 'Fenêtre' });
    expect(saved.statusCode, saved.body).toBe(201);
    const token = saved.json<{ token: string }>().token;
    const masked = await call('PUT', `/presets/${token}/masks`, supervisor, {
      masks: [
        {
          id: 'fenetre',
          polygon: [
            { x: 0.1, y: 0.1 },
            { x: 0.4, y: 0.1 },
            { x: 0.4, y: 0.5 },
          ],
        },
      ],
    });
    expect(masked.statusCode, masked.body).toBe(200);
    const movesBefore = device.actions().filter((a) => a === 'ContinuousMove' || a === 'GotoPreset').length;
    for (const [path, payload] of [
      ['/move', { pan: 0.3 }],
      [`/presets/${token}/go`, undefined],
    ] as const) {
      const refused = await call('POST', path, supervisor, payload);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({ error: { code: 'PTZ_MASKS_NOT_FOLLOWED' } });
    }
    expect(device.actions().filter((a) => a === 'ContinuousMove' || a === 'GotoPreset').length).toBe(movesBefore);
    await sql`delete from ptz_preset_masks where camera_id = ${cameraId}`.execute(app.database.db);
    expect((await call('POST', '/move', supervisor, { pan: 0.3 })).statusCode).toBe(204);
  });

  it('reports an unreachable device as such', async () => {
    await device.stop();
    const down = await call('POST', '/move', supervisor, { pan: 0.1 });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ error: { code: 'ONVIF_DEVICE_UNREACHABLE' } });
  });
});
