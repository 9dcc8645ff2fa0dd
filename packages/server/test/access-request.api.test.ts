import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';

interface ErrorBody {
  error: { code: string; message: string; hint: string; details: { path: string; reason: string }[] };
}
interface Detail {
  id: string;
  reference: string;
  status: string;
  overdue: boolean;
  history: { status: string; actorName: string; note?: string }[];
  ranges: { id: string; hold: boolean; exportId: string | null; needsReview: boolean }[];
  rejectionReason?: string;
}

let now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

const citizen = {
  date: '2026-06-14',
  from: '08:00',
  to: '08:30',
  place: 'Parvis de la gare, sortie principale',
  description: 'Veste rouge, sac à dos bleu, je sortais de la gare vers 8 h 10.',
  contact: { name: 'Camille Martin', email: 'camille.martin@example.org' },
};

describe.each(testEngines)('citizens’ access requests on $name', (engine) => {
  let app: TestApp;
  let dpo: Record<string, string>;
  let cameraId: string;
  let address = 0;

  beforeAll(async () => {
    app = await openTestApp(engine, clock, { accessRequestLimit: { max: 3, windowMinutes: 60 } });
    dpo = await tokenAs(app, ['dpo']);
    const supervisor = await tokenAs(app, ['supervisor']);
    const camera = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Gare — Parvis' }),
    });
    cameraId = camera.json<{ id: string }>().id;
  });
  afterAll(() => app?.close());

  /** Each submission comes from its own address unless told otherwise, so the rate limit stays out of the way. */
  function submit(payload: unknown, from = `192.0.2.${++address}`) {
    return app.http.inject({
      method: 'POST',
      url: '/api/access-requests',
      payload: payload as object,
      remoteAddress: from,
    });
  }
  const read = async (id: string) =>
    (await app.http.inject({ method: 'GET', url: `/api/access-requests/${id}`, headers: dpo })).json<Detail>();
  const move = (id: string, payload: Record<string, unknown>) =>
    app.http.inject({ method: 'POST', url: `/api/access-requests/${id}/status`, headers: dpo, payload });
  async function idOf(reference: string): Promise<string> {
    const list = await app.http.inject({ method: 'GET', url: '/api/access-requests', headers: dpo });
    return list.json<{ id: string; reference: string }[]>().find((r) => r.reference === reference)!.id;
  }

  it('takes a request without login and answers with a reference and the one-month deadline', async () => {
    const response = await submit(citizen);
    expect(response.statusCode).toBe(201);
    const receipt = response.json<{ reference: string }>();
    expect(receipt).toEqual({
      reference: expect.stringMatching(/^DA-2026-[A-HJ-NP-Z2-9]{6}$/) as string,
      status: 'received',
      receivedAt: '2026-06-15T10:00:00.000Z',
      dueAt: '2026-07-15T10:00:00.000Z',
      window: { start: '2026-06-14T06:00:00.000Z', end: '2026-06-14T06:30:00.000Z' },
    });
    const id = await idOf(receipt.reference);
    expect(await read(id)).toMatchObject({
      status: 'received',
      overdue: false,
      contactEmail: 'camille.martin@example.org',
      history: [{ status: 'received', actorName: 'public form' }],
    });
    const trail = await app.http.inject({
      method: 'GET',
      url: '/api/audit?action=access_request.received',
      headers: dpo,
    });
    const entry = trail
      .json<{ details: { reference: string } }[]>()
      .find((e) => e.details.reference === receipt.reference);
    expect(entry).toBeDefined();
    // The append-only trail keeps no personal data of the requester.
    expect(JSON.stringify(entry)).not.toMatch(/Camille|camille|Veste/);
  });

  it.each([
    ['no email', { contact: { name: 'A' } }, '/contact/email', 'VALIDATION_FAILED'],
    ['a malformed email', { contact: { name: 'A', email: 'not-an-email' } }, '/contact/email', 'VALIDATION_FAILED'],
    ['a future day', { date: '2026-06-16' }, '/date', 'TIME_WINDOW_INVALID'],
    ['a window ending before it starts', { from: '09:00', to: '08:00' }, '/to', 'TIME_WINDOW_INVALID'],
    ['a malformed time', { from: '8h' }, '/from', 'VALIDATION_FAILED'],
    ['a description too short to search with', { description: 'moi' }, '/description', 'VALIDATION_FAILED'],
    ['an unknown camera', { cameraId: '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90' }, '/cameraId', 'VALIDATION_FAILED'],
    ['an unknown field', { photoOfMyFace: 'x' }, '/photoOfMyFace', 'CAPABILITY_REFUSED_BY_LAW'],
  ])('refuses a request with %s, naming the field', async (_label, overrides, path, code) => {
    const response = await submit({ ...citizen, ...overrides });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<ErrorBody>();
    expect(error.code).toBe(code);
    expect(error.details.map((d) => d.path)).toContain(path);
  });

  it('limits requests per address, and lets the address in again after the window', async () => {
    const from = '198.51.100.7';
    for (let i = 0; i < 3; i += 1) expect((await submit(citizen, from)).statusCode).toBe(201);
    const limited = await submit(citizen, from);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorBody>().error).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/at most 3 per 60 minutes/) as string,
    });
    expect((await submit(citizen)).statusCode).toBe(201);
    now = new Date('2026-06-15T11:00:01Z');
    expect((await submit(citizen, from)).statusCode).toBe(201);
    now = new Date('2026-06-15T10:00:00Z');
  });

  it('holds the named camera’s footage over the window from the moment the request arrives', async () => {
    const receipt = (await submit({ ...citizen, cameraId })).json<{ reference: string }>();
    const holds = await app.accessRequests.holdsFor(cameraId);
    expect(holds).toContainEqual(
      expect.objectContaining({
        reference: receipt.reference,
        kind: 'provisional',
        start: '2026-06-14T06:00:00.000Z',
        end: '2026-06-14T06:30:00.000Z',
      }),
    );
    const id = await idOf(receipt.reference);
    const rejected = await move(id, { status: 'rejected', reason: 'Doublon de la demande DA-2026-XXXXXX' });
    expect(rejected.statusCode).toBe(200);
    expect((await app.accessRequests.holdsFor(cameraId)).map((h) => h.reference)).not.toContain(receipt.reference);
  });

  it('refuses to remove a camera whose footage a request holds, naming the request, and keeps the hold', async () => {
    const supervisor = await tokenAs(app, ['supervisor']);
    const receipt = (await submit({ ...citizen, cameraId })).json<{ reference: string }>();
    const removal = await app.http.inject({ method: 'DELETE', url: `/api/cameras/${cameraId}`, headers: supervisor });
    expect(removal.statusCode).toBe(409);
    expect(removal.json<ErrorBody>().error).toMatchObject({
      code: 'CAMERA_HOLDS_EVIDENCE',
      message: expect.stringContaining(receipt.reference) as string,
    });
    expect((await app.accessRequests.holdsFor(cameraId)).map((h) => h.reference)).toContain(receipt.reference);
    const camera = await app.http.inject({ method: 'GET', url: `/api/cameras/${cameraId}`, headers: supervisor });
    expect(camera.statusCode).toBe(200);
    const id = await idOf(receipt.reference);
    expect((await move(id, { status: 'rejected', reason: 'Demande de test, retirée' })).statusCode).toBe(200);
  });

  it('walks a request from receipt to delivery: footage held, export reviewed, holds released, every step audited', async () => {
    const { reference } = (await submit(citizen)).json<{ reference: string }>();
    const id = await idOf(reference);
    expect((await move(id, { status: 'searching', note: 'Recherche sur la caméra du parvis' })).statusCode).toBe(200);
    expect((await move(id, { status: 'footage_found' })).json<ErrorBody>().error.code).toBe(
      'ACCESS_REQUEST_TRANSITION_INVALID',
    );

    const attached = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/ranges`,
      headers: dpo,
      payload: { cameraId, start: '2026-06-14T06:08:00Z', end: '2026-06-14T06:12:00Z' },
    });
    expect(attached.statusCode).toBe(201);
    const range = attached.json<Detail>().ranges[0]!;
    expect(range).toMatchObject({ hold: true, exportId: null, needsReview: false });
    expect((await app.accessRequests.holdsFor(cameraId)).map((h) => h.rangeId)).toContain(range.id);

    expect((await move(id, { status: 'footage_found' })).statusCode).toBe(200);
    const early = await move(id, { status: 'export_ready' });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.message).toMatch(/blurred export/);

    // The export pipeline (wired later) links the blurred file; a person must then review it.
    await app.accessRequests.attachExport(
      { requestId: id, rangeId: range.id, exportId: 'export-42' },
      { actorName: 'export pipeline' },
    );
    expect((await move(id, { status: 'export_ready' })).statusCode).toBe(200);
    const unreviewed = await move(id, { status: 'delivered' });
    expect(unreviewed.json<ErrorBody>().error.message).toMatch(/review every export/);
    const reviewed = await app.http.inject({
      method: 'PATCH',
      url: `/api/access-requests/${id}/ranges/${range.id}`,
      headers: dpo,
      payload: { reviewed: true },
    });
    expect(reviewed.json<Detail>().ranges[0]).toMatchObject({ exportId: 'export-42', needsReview: false, hold: true });

    const delivered = await move(id, { status: 'delivered' });
    expect(delivered.statusCode).toBe(200);
    const final = delivered.json<Detail>();
    expect(final.history.map((s) => s.status)).toEqual([
      'received',
      'searching',
      'footage_found',
      'export_ready',
      'delivered',
    ]);
    expect(final.history[1]?.note).toBe('Recherche sur la caméra du parvis');
    expect(final.ranges[0]?.hold).toBe(false);
    expect((await app.accessRequests.holdsFor(cameraId)).map((h) => h.rangeId)).not.toContain(range.id);
    expect((await move(id, { status: 'searching' })).json<ErrorBody>().error.message).toMatch(
      /was answered \(delivered\)/,
    );

    const trail = await app.http.inject({ method: 'GET', url: '/api/audit?limit=1000', headers: dpo });
    const actions = trail
      .json<{ action: string; details?: { requestId?: string } }[]>()
      .filter((e) => e.details?.requestId === id)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'access_request.received',
      'access_request.status_changed',
      'access_request.range_added',
      'access_request.status_changed',
      'access_request.export_attached',
      'access_request.status_changed',
      'access_request.range_changed',
      'access_request.status_changed',
    ]);
  });

  it('asks a reason to reject, and sends it back with the request', async () => {
    const id = await idOf((await submit(citizen)).json<{ reference: string }>().reference);
    const bare = await move(id, { status: 'rejected' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<ErrorBody>().error.details).toEqual([{ path: '/reason', reason: 'is required to reject' }]);
    const rejected = await move(id, { status: 'rejected', reason: 'Les images de cette date sont déjà supprimées.' });
    expect(rejected.json<Detail>()).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Les images de cette date sont déjà supprimées.',
    });
  });

  it('lists requests by status and flags those unanswered after a month', async () => {
    const id = await idOf((await submit(citizen)).json<{ reference: string }>().reference);
    await move(id, { status: 'searching' });
    now = new Date('2026-07-16T09:00:00Z');
    const overdue = await app.http.inject({ method: 'GET', url: '/api/access-requests?overdue=true', headers: dpo });
    const listed = overdue.json<{ id: string; overdue: boolean; status: string }[]>();
    expect(listed.map((r) => r.id)).toContain(id);
    expect(listed.every((r) => r.overdue && !['delivered', 'rejected', 'no_footage'].includes(r.status))).toBe(true);
    const searching = await app.http.inject({
      method: 'GET',
      url: '/api/access-requests?status=searching',
      headers: dpo,
    });
    expect(searching.json<{ id: string }[]>().map((r) => r.id)).toEqual([id]);
    const bad = await app.http.inject({ method: 'GET', url: '/api/access-requests?overdue=yes', headers: dpo });
    expect(bad.statusCode).toBe(400);
    now = new Date('2026-06-15T10:00:00Z');
  });

  it('answers an unknown request or range with 404', async () => {
    const unknown = '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90';
    const none = await app.http.inject({ method: 'GET', url: `/api/access-requests/${unknown}`, headers: dpo });
    expect(none.json<ErrorBody>().error.code).toBe('ACCESS_REQUEST_NOT_FOUND');
    const id = await idOf((await submit(citizen)).json<{ reference: string }>().reference);
    const noRange = await app.http.inject({
      method: 'PATCH',
      url: `/api/access-requests/${id}/ranges/${unknown}`,
      headers: dpo,
      payload: { hold: false },
    });
    expect(noRange.json<ErrorBody>().error.code).toBe('ACCESS_REQUEST_RANGE_NOT_FOUND');
  });
});
