import { readFile } from 'node:fs/promises';
import { testEngines } from '@vigie/db/testing';
import { CredentialVault, credentialKeyPath } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTest, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    hint: string;
    details: { path: string; reason: string }[];
  };
}

describe.each(testEngines)('camera API on $name', (engine) => {
  let app: TestApp;
  let headers: SessionHeaders;
  beforeAll(async () => {
    app = await openTestApp(engine);
    headers = await loginAs(app, ['supervisor']);
  });
  afterAll(() => app?.close());

  /** The main stream's password as the vault opens it, if one is stored. */
  async function streamPassword(cameraId: string): Promise<string | undefined> {
    const key = Buffer.from(await readFile(credentialKeyPath(app.mediaDir), 'utf8'), 'base64');
    const row = await app.database.db
      .selectFrom('camera_stream_secrets')
      .select('password_sealed')
      .where('camera_id', '=', cameraId)
      .where('role', '=', 'main')
      .executeTakeFirst();
    return row === undefined ? undefined : new CredentialVault(key).open(row.password_sealed);
  }

  it('moves a password still written in a stored URL (rows from before sealing) into the vault, audited', async () => {
    const { id } = (await create({ name: 'Ancienne', sourceUrl: 'rtsp://192.0.2.11:554/s' })).json<{ id: string }>();
    await app.database.db
      .updateTable('cameras')
      .set({ source_url: 'rtsp://old:p%40ss@192.0.2.11:554/s' })
      .where('id', '=', id)
      .execute();
    expect(await app.cameras.sealStreamPasswords(asTest)).toBe(1);
    expect(await app.cameras.sealStreamPasswords(asTest)).toBe(0);
    const row = await app.database.db
      .selectFrom('cameras')
      .select('source_url')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row?.source_url).toBe('rtsp://old@192.0.2.11:554/s');
    expect(await streamPassword(id)).toBe('p@ss');
    const dpo = await loginAs(app, ['dpo']);
    const audit = await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${id}`, headers: dpo });
    expect(audit.json<{ action: string }[]>().map((e) => e.action)).toContain('camera.stream_password_sealed');
    expect(audit.body).not.toContain('p%40ss');
  });

  async function create(overrides: Record<string, unknown> = {}) {
    return app.http.inject({
      headers,
      method: 'POST',
      url: '/api/cameras',
      payload: cameraBody(overrides),
    });
  }

  it('registers a camera with privacy-preserving defaults and never returns its password', async () => {
    const response = await create({ name: 'Défauts' });
    expect(response.statusCode).toBe(201);
    const camera = response.json<Record<string, unknown>>();
    expect(camera).toMatchObject({
      retentionDays: 15,
      masks: [],
      zones: [],
      lines: [],
      enabled: true,
      version: 1,
    });
    // The password left the URL: sealed apart, under the key file outside the database.
    expect(camera['sourceUrl']).toBe('rtsp://admin@192.0.2.10:554/stream1');
    const list = await app.http.inject({ method: 'GET', url: '/api/cameras', headers });
    expect(list.body).not.toContain('secret');
    const row = await app.database.db
      .selectFrom('cameras')
      .select('source_url')
      .where('id', '=', String(camera['id']))
      .executeTakeFirstOrThrow();
    expect(row.source_url).toBe('rtsp://admin@192.0.2.10:554/stream1');
    expect(await streamPassword(String(camera['id']))).toBe('secret');
    expect(list.json<{ name: string }[]>().map((c) => c.name)).toContain('Défauts');
  });

  it('reads, patches with a version check, and deletes a camera', async () => {
    const { id } = (await create({ name: 'Cycle' })).json<{ id: string }>();
    expect((await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers })).json()).toMatchObject({
      name: 'Cycle',
    });

    const patched = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: { ...headers, 'if-match': '"1"' },
      payload: {
        retentionDays: 7,
        sourceUrl: 'rtsp://admin:***@192.0.2.10:554/stream1',
      },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ retentionDays: 7, version: 2 });

    const stale = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: { ...headers, 'if-match': '1' },
      payload: { retentionDays: 5 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('CAMERA_VERSION_CONFLICT');

    // The redacted URL sent back did not overwrite the stored credentials.
    const stored = await app.cameras.list(asTest);
    expect(stored.find((c) => c.id === id)?.sourceUrl).toBe('rtsp://admin@192.0.2.10:554/stream1');
    expect(await streamPassword(id)).toBe('secret');
    const raw = await app.http.inject({
      headers,
      method: 'DELETE',
      url: `/api/cameras/${id}`,
    });
    expect(raw.statusCode).toBe(204);
    expect((await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers })).statusCode).toBe(404);
  });

  it('stores counting lines beside zones and masks, and refuses two with one id', async () => {
    const { id } = (await create({ name: 'Lignes' })).json<{ id: string }>();
    const line = { id: 'entree', name: 'Entrée', a: { x: 0.1, y: 0.5 }, b: { x: 0.9, y: 0.55 } };
    const patched = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: { ...headers, 'if-match': '1' },
      payload: { lines: [line] },
    });
    expect(patched.statusCode).toBe(200);
    expect((await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers })).json()).toMatchObject({
      lines: [line],
    });
    const twice = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers,
      payload: { lines: [line, { ...line, name: 'Sortie' }] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<ErrorBody>().error).toMatchObject({ code: 'DUPLICATE_ID', details: [{ path: '/lines/1/id' }] });
  });

  it('refuses a duplicate name with 409 naming the field', async () => {
    await create({ name: 'Doublon' });
    const response = await create({ name: 'Doublon' });
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'CAMERA_NAME_TAKEN',
      details: [{ path: '/name' }],
    });
  });

  const badBodies: [string, string, RegExp, Record<string, unknown>][] = [
    ['missing name', '/name', /is required/, { name: undefined }],
    ['empty name', '/name', /fewer than 1|at least 1|NOT have fewer/i, { name: '' }],
    ['unknown field', '/colour', /not a known field/, { colour: 'red' }],
    [
      'plate reading, refused by law',
      '/plateReading',
      /plate_recognition is refused by design/,
      { plateReading: true },
    ],
    ['retention above the legal maximum', '/retentionDays', /<= 30/, { retentionDays: 45 }],
    ['retention as a string', '/retentionDays', /integer/, { retentionDays: '7' }],
    ['latitude out of range', '/location/lat', /<= 90/, { location: { lat: 95, lon: 3 } }],
    [
      'purpose outside the legal list',
      '/purposes/0',
      /must be one of: public_buildings_protection/,
      { purposes: ['crowd_profiling'] },
    ],
    ['no purpose', '/purposes', /fewer than 1|at least 1|NOT have fewer/i, { purposes: [] }],
    [
      'mask point outside the image',
      '/masks/0/polygon/1/x',
      /<= 1/,
      {
        masks: [
          {
            id: 'm',
            polygon: [
              { x: 0, y: 0 },
              { x: 2, y: 0 },
              { x: 0, y: 1 },
            ],
          },
        ],
      },
    ],
    [
      'mask with two points',
      '/masks/0/polygon',
      /fewer than 3|at least 3|NOT have fewer/i,
      {
        masks: [
          {
            id: 'm',
            polygon: [
              { x: 0, y: 0 },
              { x: 1, y: 0 },
            ],
          },
        ],
      },
    ],
    ['ftp source', '/sourceUrl', /not supported/, { sourceUrl: 'ftp://cam/x' }],
    ['garbage source', '/sourceUrl', /not a valid URL/, { sourceUrl: 'no url here' }],
    ['duplicate purpose', '/purposes/1', /listed twice/, { purposes: ['traffic_regulation', 'traffic_regulation'] }],
  ];

  it.each(badBodies)('refuses a body with %s: 400 naming %s', async (label, path, reason, overrides) => {
    const response = await create({ name: `Bad ${label}`, ...overrides });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/json');
    const { error } = response.json<ErrorBody>();
    const detail = error.details.find((d) => d.path === path);
    expect(detail, JSON.stringify(error.details)).toBeDefined();
    expect(detail?.reason).toMatch(reason);
    expect(error.message).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it.each([
    ['GET', '/api/cameras/not-a-uuid', undefined, '/params/id'],
    ['PATCH', '/api/cameras/not-a-uuid', { name: 'x' }, '/params/id'],
    ['DELETE', '/api/cameras/42', undefined, '/params/id'],
  ] as const)('refuses %s %s with a malformed id', async (method, url, payload, path) => {
    const response = await app.http.inject({
      headers,
      method,
      url,
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.details[0]?.path).toBe(path);
  });

  it('refuses an empty patch, an unknown patch field and a malformed If-Match', async () => {
    const { id } = (await create({ name: 'Patchée' })).json<{ id: string }>();
    const empty = await app.http.inject({
      headers,
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const unknown = await app.http.inject({
      headers,
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      payload: { faceRecognition: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().error).toMatchObject({
      code: 'CAPABILITY_REFUSED_BY_LAW',
      message: expect.stringContaining('loi 2023-380 art. 10 III') as string,
      details: [{ path: '/faceRecognition', reason: 'face_recognition is refused by design' }],
    });
    const badHeader = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: { ...headers, 'if-match': 'yesterday' },
      payload: { name: 'x' },
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json<ErrorBody>().error.details[0]?.path).toBe('/headers/if-match');
  });

  it('answers malformed JSON, a wrong content type and unknown routes with JSON errors', async () => {
    const malformed = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    const text = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<camera/>',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json<ErrorBody>().error.message).toMatch(/content-type/i);
    const unknown = await app.http.inject({
      headers,
      method: 'GET',
      url: '/api/nothing-here',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('keeps serving after every kind of bad input', async () => {
    const health = await app.http.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: engine.name });
  });
});
