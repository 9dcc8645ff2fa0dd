import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';
import { testImage } from './support/test-image.js';

interface ErrorBody {
  error: { code: string; message: string; hint: string; details: { path: string; reason: string }[] };
}

let now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

const entry = {
  authorisation: { reference: '2024/CAB/0123', issuedOn: '2022-01-01', expiresOn: '2026-12-31' },
  signage: { status: 'installed', notes: 'Panneau à l’angle' },
  facing: 'public',
};

describe.each(testEngines)('legal registry API on $name', (engine) => {
  let app: TestApp;
  let dpo: Record<string, string>;
  let supervisor: Record<string, string>;
  let jpeg: Buffer;

  beforeAll(async () => {
    jpeg = await testImage('jpeg');
    app = await openTestApp(engine, clock);
    dpo = await tokenAs(app, ['dpo']);
    supervisor = await tokenAs(app, ['supervisor']);
    // A probe image route, wired the way the lead's live, playback, snapshot and export routes will be.
    app.http.get<{ Params: { id: string } }>(
      '/api/probe/live/:id',
      { config: { access: 'live:view' } },
      async (request) => {
        await app.registry.assertViewable(request.params.id);
        return 'image';
      },
    );
  });
  afterAll(() => app?.close());

  async function newCamera(name: string, extra: Record<string, unknown> = {}): Promise<string> {
    const response = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name, ...extra }),
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  }

  function record(id: string, payload: unknown, headers: Record<string, string> = dpo) {
    return app.http.inject({ method: 'PUT', url: `/api/cameras/${id}/registry`, headers, payload: payload as object });
  }

  function view(id: string) {
    return app.http.inject({ method: 'GET', url: `/api/probe/live/${id}`, headers: supervisor });
  }

  it('lets the DPO record an authorisation, audited, and shows its state on the camera', async () => {
    const id = await newCamera('Gare');
    const before = await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers: supervisor });
    expect(before.json()).toMatchObject({ authorisation: { state: 'missing', expiresAt: null } });
    const missing = await app.http.inject({ method: 'GET', url: `/api/cameras/${id}/registry`, headers: supervisor });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().error.code).toBe('REGISTRY_ENTRY_NOT_FOUND');

    const saved = await record(id, entry);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      authorisation: { reference: '2024/CAB/0123', expiresAt: '2026-12-31T23:00:00.000Z', state: 'valid' },
      signage: { status: 'installed', photo: null },
      version: 1,
    });
    const camera = await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers: supervisor });
    expect(camera.json()).toMatchObject({ authorisation: { state: 'valid', expiresAt: '2026-12-31T23:00:00.000Z' } });

    await record(id, { ...entry, signage: { status: 'missing' } });
    const trail = await app.http.inject({
      method: 'GET',
      url: `/api/audit?action=registry.recorded&cameraId=${id}`,
      headers: dpo,
    });
    const changes = trail.json<{ actorName: string; details: { changes: Record<string, unknown> } }[]>();
    expect(changes).toHaveLength(2);
    expect(changes[0]?.details.changes).toEqual({
      signageStatus: { from: 'installed', to: 'missing' },
      signageNotes: { from: 'Panneau à l’angle', to: null },
    });
    expect(changes[1]?.details.changes).toMatchObject({ reference: { from: null, to: '2024/CAB/0123' } });
  });

  it('refuses an authorisation longer than five years, an unknown field, an unknown camera', async () => {
    const id = await newCamera('Marché');
    const tooLong = await record(id, {
      ...entry,
      authorisation: { reference: 'A', issuedOn: '2024-01-01', expiresOn: '2030-01-01' },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<ErrorBody>().error).toMatchObject({
      code: 'AUTHORISATION_PERIOD_INVALID',
      details: [{ path: '/authorisation/expiresOn', reason: expect.stringContaining('CSI L252-4') as string }],
    });
    const notADate = await record(id, { ...entry, authorisation: { ...entry.authorisation, expiresOn: '2026-02-30' } });
    expect(notADate.json<ErrorBody>().error.details[0]?.path).toBe('/authorisation/expiresOn');
    const extra = await record(id, { ...entry, plateReading: true });
    expect(extra.json<ErrorBody>().error.code).toBe('CAPABILITY_REFUSED_BY_LAW');
    const unknown = await record('6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90', entry);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('CAMERA_NOT_FOUND');
  });

  it('locks the images of a camera without a valid authorisation with 403 CAMERA_NOT_AUTHORISED', async () => {
    const id = await newCamera('Place d’Armes');
    const locked = await view(id);
    expect(locked.statusCode).toBe(403);
    expect(locked.json<ErrorBody>().error).toMatchObject({
      code: 'CAMERA_NOT_AUTHORISED',
      message: expect.stringContaining('no prefectoral authorisation is on record') as string,
      hint: expect.stringContaining('PUT /api/cameras/{id}/registry') as string,
    });
    await record(id, entry);
    expect((await view(id)).body).toBe('image');
    now = new Date('2026-10-01T08:00:00Z');
    expect((await view(id)).body).toBe('image');
    const camera = await app.http.inject({ method: 'GET', url: `/api/cameras/${id}`, headers: supervisor });
    expect(camera.json()).toMatchObject({ authorisation: { state: 'renewal_due' } });
    now = new Date('2027-01-01T00:00:00Z');
    const expired = await view(id);
    expect(expired.statusCode).toBe(403);
    expect(expired.json<ErrorBody>().error.message).toContain('ended at 2026-12-31T23:00:00.000Z');
    await expect(app.registry.assertViewable(id, new Date('2026-12-31T22:59:00Z'))).resolves.toBeUndefined();
    now = new Date('2026-06-15T10:00:00Z');
    await expect(app.registry.assertViewable('6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90')).rejects.toMatchObject({
      code: 'CAMERA_NOT_FOUND',
    });
  });

  it('locks the images of a camera overlooking private space until a privacy mask is drawn', async () => {
    const id = await newCamera('Rue des Jardins');
    await record(id, { ...entry, facing: 'private' });
    const refused = await view(id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.code).toBe('PRIVATE_SPACE_UNMASKED');
    const mask = {
      id: 'balcon',
      polygon: [
        { x: 0.6, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 0.4 },
      ],
    };
    await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${id}`,
      headers: supervisor,
      payload: { masks: [mask] },
    });
    expect((await view(id)).body).toBe('image');
  });

  it('refuses zero-area masks, and keeps the declared private region hidden (issue 10 #5)', async () => {
    const rect = (x0: number, y0: number, x1: number, y1: number) => [
      { x: x0, y: y0 },
      { x: x1, y: y0 },
      { x: x1, y: y1 },
      { x: x0, y: y1 },
    ];
    const point = { x: 0.5, y: 0.5 };
    const dot = { id: 'dot', polygon: [point, point, point] };
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Rue des Lilas', masks: [dot] }),
    });
    expect(created.statusCode).toBe(400);
    expect(created.json<ErrorBody>().error).toMatchObject({
      code: 'MASK_TOO_SMALL',
      details: [{ path: '/masks/0/polygon', reason: 'covers 0 % of the picture; at least 0.05 % is needed' }],
    });
    const id = await newCamera('Rue des Lilas');
    const patch = (masks: unknown[]) =>
      app.http.inject({ method: 'PATCH', url: `/api/cameras/${id}`, headers: supervisor, payload: { masks } });
    expect((await patch([dot])).json<ErrorBody>().error.code).toBe('MASK_TOO_SMALL');

    const windows = rect(0.6, 0, 1, 0.4);
    const regionOnPublic = await record(id, { ...entry, privateRegions: [windows] });
    expect(regionOnPublic.statusCode).toBe(400);
    expect(regionOnPublic.json<ErrorBody>().error.details).toEqual([
      { path: '/privateRegions', reason: 'is allowed only with facing "private"' },
    ]);
    const tinyRegion = await record(id, { ...entry, facing: 'private', privateRegions: [[point, point, point]] });
    expect(tinyRegion.json<ErrorBody>().error).toMatchObject({
      code: 'MASK_TOO_SMALL',
      details: [{ path: '/privateRegions/0' }],
    });
    expect((await patch([{ id: 'elsewhere', polygon: rect(0, 0.6, 0.3, 1) }])).statusCode).toBe(200);
    const declared = await record(id, { ...entry, facing: 'private', privateRegions: [windows] });
    expect(declared.json()).toMatchObject({ facing: 'private', privateRegions: [windows] });
    // A mask elsewhere in the picture no longer unlocks the camera: the declared region is what counts.
    const locked = await view(id);
    expect(locked.statusCode).toBe(403);
    expect(locked.json<ErrorBody>().error).toMatchObject({
      code: 'PRIVATE_SPACE_UNMASKED',
      message: expect.stringContaining('hide 0 % of private region 1') as string,
    });
    const half = await patch([{ id: 'half', polygon: rect(0.6, 0, 0.8, 0.4) }]);
    expect(half.statusCode).toBe(400);
    expect(half.json<ErrorBody>().error).toMatchObject({
      code: 'MASKS_LEAVE_PRIVATE_SPACE_VISIBLE',
      details: [{ path: '/masks', reason: expect.stringMatching(/^hide 5\d(\.\d)? % of private region 1/) as string }],
    });
    expect((await patch([{ id: 'windows', polygon: rect(0.55, 0, 1, 0.45) }])).statusCode).toBe(200);
    expect((await view(id)).body).toBe('image');
    // Once hidden, the region cannot be uncovered by removing the mask.
    expect((await patch([])).json<ErrorBody>().error.code).toBe('MASKS_LEAVE_PRIVATE_SPACE_VISIBLE');
    const trail = await app.http.inject({
      method: 'GET',
      url: `/api/audit?action=registry.recorded&cameraId=${id}`,
      headers: dpo,
    });
    const changes = trail.json<{ details: { changes: Record<string, { to: unknown }> } }[]>();
    expect(changes[0]?.details.changes.privateRegions?.to).toBe(JSON.stringify([windows]));
  });

  it('stores a sign photo checked by its bytes, and serves it back unchanged and inert', async () => {
    const id = await newCamera('Hôtel de ville');
    const put = (payload: Buffer | string, contentType: string) =>
      app.http.inject({
        method: 'PUT',
        url: `/api/cameras/${id}/registry/signage-photo`,
        headers: { ...dpo, 'content-type': contentType },
        payload,
      });
    expect((await put(jpeg, 'image/jpeg')).json<ErrorBody>().error.code).toBe('REGISTRY_ENTRY_NOT_FOUND');
    await record(id, entry);
    const uploaded = await put(jpeg, 'image/jpeg');
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json()).toMatchObject({ contentType: 'image/jpeg', bytes: jpeg.length });
    const served = await app.http.inject({
      method: 'GET',
      url: `/api/cameras/${id}/registry/signage-photo`,
      headers: supervisor,
    });
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(jpeg)).toBe(true);
    const read = await app.http.inject({ method: 'GET', url: `/api/cameras/${id}/registry`, headers: supervisor });
    expect(read.json()).toMatchObject({ signage: { photo: { contentType: 'image/jpeg', bytes: jpeg.length } } });

    const disguised = await put(Buffer.from('<svg onload="alert(1)"/>'), 'image/png');
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json<ErrorBody>().error.code).toBe('SIGNAGE_PHOTO_INVALID');
    const asText = await put('not an image', 'text/plain');
    expect(asText.json<ErrorBody>().error.code).toBe('SIGNAGE_PHOTO_INVALID');
    // Issue 10 #14: the first bytes of a JPEG alone, or a JPEG cut short, used to pass; each is decoded now.
    for (const forged of [Buffer.from([0xff, 0xd8, 0xff]), jpeg.subarray(0, jpeg.length >> 1)]) {
      const refused = await put(forged, 'image/jpeg');
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().error).toMatchObject({
        code: 'SIGNAGE_PHOTO_INVALID',
        details: [{ path: '/', reason: 'cannot be decoded as image/jpeg' }],
      });
    }
    expect((await put(await testImage('png'), 'image/png')).json()).toMatchObject({ contentType: 'image/png' });
    const huge = Buffer.alloc(4 * 1024 * 1024 + 10);
    jpeg.copy(huge);
    expect((await put(huge, 'image/jpeg')).statusCode).toBe(413);
    const trail = await app.http.inject({
      method: 'GET',
      url: `/api/audit?action=registry.photo_uploaded&cameraId=${id}`,
      headers: dpo,
    });
    expect(trail.json<unknown[]>()).toHaveLength(2);
  });
});
