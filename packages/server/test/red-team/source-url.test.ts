import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSourceUrlPolicy, systemClock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { buildApp } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorise,
  cameraBody,
  openTestApp,
  testPasswordCost,
  testSourcePolicy,
  tokenAs,
  type TestApp,
} from '../support.js';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; reason: string }[] };
}

// Finding 13 of issue 10: camera sources pointed anywhere (local files, the metadata service, the
// server's own API) and were opened once authorised. Replayed here against the strict default policy.
describe.each(testEngines)('camera source URL policy on $name', (engine) => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await openTestApp(engine, systemClock, { sourcePolicy: defaultSourceUrlPolicy });
    admin = await tokenAs(app, ['supervisor']);
  });
  afterAll(() => app?.close());

  const attacks = [
    'file:///etc/passwd',
    'file:///proc/self/environ',
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://127.0.0.1:8080/api/users',
    'http://localhost:8080/api/audit',
    'rtsp://2130706433:554/live',
    'http://[::ffff:7f00:1]/',
  ];

  it('refuses every attack source on create and on update, saying why', async () => {
    const { id } = (
      await app.http.inject({ method: 'POST', url: '/api/cameras', headers: admin, payload: cameraBody() })
    ).json<{ id: string }>();
    const accepted: string[] = [];
    for (const [index, sourceUrl] of attacks.entries()) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: admin,
        payload: cameraBody({ name: `Attaque ${index}`, sourceUrl }),
      });
      const updated = await app.http.inject({
        method: 'PATCH',
        url: `/api/cameras/${id}`,
        headers: admin,
        payload: { sourceUrl },
      });
      for (const response of [created, updated]) {
        const body = response.json<ErrorBody>();
        if (response.statusCode !== 400 || body.error.code !== 'SOURCE_URL_REFUSED')
          accepted.push(`${sourceUrl} → ${response.statusCode}`);
        else expect(body.error.details[0]?.path).toBe('/sourceUrl');
      }
    }
    console.log(`source URL attacks refused: ${attacks.length * 2 - accepted.length}/${attacks.length * 2}`);
    expect(accepted).toEqual([]);
    const file = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: admin,
      payload: cameraBody({ name: 'f', sourceUrl: 'file:///etc/passwd' }),
    });
    expect(file.json<ErrorBody>().error.message).toMatch(/local file: only the demo reads files \(VIGIE_DEMO\)/);
  });

  it('still takes network cameras, on private networks too', async () => {
    for (const [index, sourceUrl] of [
      'rtsp://10.20.0.5/live',
      'https://cam.city.example/hls.m3u8',
      'rtsps://[2001:db8::7]/s',
    ].entries()) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: admin,
        payload: cameraBody({ name: `Réseau ${index}`, sourceUrl }),
      });
      expect(created.statusCode, sourceUrl).toBe(201);
    }
  });
});

describe('a stored source the policy refuses, at recorder start', () => {
  it('is not opened: the camera shows an error saying why', async () => {
    const [engine] = testEngines;
    if (engine === undefined) throw new Error('no test engine');
    const database = await engine.open();
    const mediaDir = await mkdtemp(join(tmpdir(), 'vigie-source-'));
    const common = { database, clock: systemClock, webRoot: '/nonexistent', mediaDir, passwordCost: testPasswordCost };
    try {
      // Registered while files were allowed (a demo, or before this policy existed)…
      const before = await buildApp({ ...common, sourcePolicy: testSourcePolicy });
      const camera = await before.cameras.create(cameraBody({ sourceUrl: 'file:///etc/passwd' }) as never, {
        actorName: 'test setup',
      });
      await authorise(before, camera.id);
      await before.http.close();
      // …then started under the strict default.
      const after = await buildApp(common);
      const fleet = await after.startRecording();
      await fleet.settled();
      const statuses = await database.db.selectFrom('camera_status').select(['camera_id', 'state', 'reason']).execute();
      await fleet.stop();
      await after.http.close();
      expect(statuses).toEqual([
        {
          camera_id: camera.id,
          state: 'error',
          reason: expect.stringMatching(/Not recorded: the source is a local file/) as string,
        },
      ]);
    } finally {
      await database.close();
      await rm(mediaDir, { recursive: true, force: true });
    }
  });
});
