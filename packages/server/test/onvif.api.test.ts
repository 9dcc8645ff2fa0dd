import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { CredentialVault } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOnvifDevice, type FakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';
import { loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const password = 'Onvif-Pa55word!';

function addBody(device: FakeOnvifDevice, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    address: device.address,
    urn: device.urn,
    username: 'vigie',
    password,
    name: 'Carrefour PTZ',
    location: { lat: 50.3579, lon: 3.5233 },
    purposes: ['public_space_safety'],
    ...overrides,
  };
}

describe.each(testEngines)('ONVIF cameras API on $name', (engine) => {
  let app: TestApp;
  let device: FakeOnvifDevice;
  let supervisor: SessionHeaders;
  let operator: SessionHeaders;
  let dpo: SessionHeaders;

  beforeAll(async () => {
    device = await startFakeOnvifDevice({
      username: 'vigie',
      password,
      profiles: [
        {
          token: 'main',
          name: 'Main',
          width: 1280,
          height: 720,
          fps: 10,
          gop: 20,
          streamUrl: 'rtsp://127.0.0.1:8554/main',
        },
        {
          token: 'sub',
          name: 'Sub',
          width: 640,
          height: 360,
          fps: 10,
          gop: 20,
          streamUrl: 'rtsp://127.0.0.1:8554/sub',
        },
      ],
    });
    app = await openTestApp(engine);
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
  });
  afterAll(async () => {
    await app?.close();
    await device?.stop();
  });

  it('discovers the device on the network, audited; an operator may not scan', async () => {
    const found = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/discover',
      headers: supervisor,
      payload: { timeoutMs: 1500 },
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toContainEqual({
      address: device.address,
      urn: device.urn,
      name: 'Vigie Test',
      hardware: 'PTZ-1',
    });
    const audit = await app.http.inject({ method: 'GET', url: '/api/audit?action=camera.discovery_run', headers: dpo });
    expect(audit.json<{ action: string }[]>().map((e) => e.action)).toContain('camera.discovery_run');
    const refused = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/discover',
      headers: operator,
      payload: {},
    });
    expect(refused.statusCode).toBe(403);
  });

  it('adds a camera from the device: main stream recorded, sub stream analysed, password sealed and never returned', async () => {
    const added = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: addBody(device),
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      camera: {
        name: 'Carrefour PTZ',
        // Streams are opened with the ONVIF account: its user name in the URL, its password sealed apart.
        sourceUrl: 'rtsp://vigie@127.0.0.1:8554/main',
        subStreamUrl: 'rtsp://vigie@127.0.0.1:8554/sub',
      },
      device: { manufacturer: 'Vigie Test', model: 'PTZ-1', mainProfile: 'main', subProfile: 'sub', ptz: true },
    });
    const cameraId = added.json<{ camera: { id: string } }>().camera.id;
    for (const url of ['/api/cameras', `/api/cameras/${cameraId}`]) {
      const body = (await app.http.inject({ method: 'GET', url, headers: supervisor })).body;
      expect(body, url).not.toContain(password);
    }
    const audit = await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${cameraId}`, headers: dpo });
    const created = audit
      .json<{ action: string; details: { onvif?: { model: string } } }[]>()
      .find((entry) => entry.action === 'camera.created');
    expect(created?.details.onvif?.model).toBe('PTZ-1');
    expect(audit.body).not.toContain(password);
    expect(added.body).not.toContain(password);

    const row = await app.database.db
      .selectFrom('onvif_devices')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(password);
    // Sealed under the key file outside the database, which opens it again.
    const key = Buffer.from(await readFile(join(app.mediaDir, 'keys', 'credentials-aes256.key'), 'utf8'), 'base64');
    expect(new CredentialVault(key).open(row.password_sealed)).toBe(password);
    const streams = await app.database.db
      .selectFrom('camera_stream_secrets')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .execute();
    expect(streams.map((s) => [s.role, new CredentialVault(key).open(s.password_sealed)]).sort()).toEqual([
      ['main', password],
      ['sub', password],
    ]);

    const again = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/discover',
      headers: supervisor,
      payload: { timeoutMs: 1500 },
    });
    expect(
      again.json<{ address: string; cameraId?: string }[]>().find((d) => d.address === device.address)?.cameraId,
    ).toBe(cameraId);
  });

  it('lists the profiles to choose from without their stream URLs, and adds the camera with the streams chosen', async () => {
    const listed = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif/profiles',
      headers: supervisor,
      payload: { address: device.address, username: 'vigie', password },
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toMatchObject({ model: 'PTZ-1', suggestedMain: 'main', suggestedSub: 'sub' });
    expect(
      listed.json<{ profiles: { token: string; width: number }[] }>().profiles.map((p) => [p.token, p.width]),
    ).toEqual([
      ['main', 1280],
      ['sub', 640],
    ]);
    expect(listed.body).not.toContain('rtsp://');
    const refused = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif/profiles',
      headers: operator,
      payload: { address: device.address, username: 'vigie', password },
    });
    expect(refused.statusCode).toBe(403);

    // The sub profile recorded alone, no analysis stream apart.
    const added = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: addBody(device, { name: 'Sous-flux seul', mainProfile: 'sub', subProfile: null }),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<{ camera: { sourceUrl: string; subStreamUrl?: string } }>().camera).toMatchObject({
      sourceUrl: 'rtsp://vigie@127.0.0.1:8554/sub',
    });
    expect(added.json<{ camera: { subStreamUrl?: string } }>().camera.subStreamUrl).toBeUndefined();
    const unknown = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: addBody(device, { name: 'Profil inconnu', mainProfile: 'fourth' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'ONVIF_PROFILE_NOT_FOUND' } });
  });

  it('refuses a wrong ONVIF password with a coded error and creates no camera', async () => {
    const refused = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: addBody(device, { name: 'Wrong password', password: 'nope' }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'ONVIF_NOT_AUTHORISED' } });
    const list = await app.http.inject({ method: 'GET', url: '/api/cameras', headers: supervisor });
    expect(list.json<{ name: string }[]>().map((c) => c.name)).not.toContain('Wrong password');
  });

  it('rejects unknown keys in the body', async () => {
    const refused = await app.http.inject({
      method: 'POST',
      url: '/api/cameras/onvif',
      headers: supervisor,
      payload: addBody(device, { sourceUrl: 'rtsp://elsewhere/x' }),
    });
    expect(refused.statusCode).toBe(400);
  });
});
