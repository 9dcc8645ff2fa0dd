import { analyticsEventTypes } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTest, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

/** The corners of a 10 m × 6 m rectangle marked on the ground. */
const calibration = {
  image: [
    { x: 0.2, y: 0.5 },
    { x: 0.8, y: 0.5 },
    { x: 0.95, y: 0.95 },
    { x: 0.05, y: 0.95 },
  ],
  ground: [
    { x: 0, y: 6 },
    { x: 10, y: 6 },
    { x: 10, y: 0 },
    { x: 0, y: 0 },
  ],
};

interface ErrorBody {
  error: { code: string; message: string; hint: string; details: { path: string; reason: string }[] };
}

describe.each(testEngines)('camera analytics and their purposes on $name', (engine) => {
  let app: TestApp;
  let headers: SessionHeaders;
  beforeAll(async () => {
    app = await openTestApp(engine);
    headers = await loginAs(app, ['supervisor']);
  });
  afterAll(() => app?.close());

  const create = (overrides: Record<string, unknown>) =>
    app.http.inject({ method: 'POST', url: '/api/cameras', headers, payload: cameraBody(overrides) });
  const patch = (id: string, payload: Record<string, unknown>) =>
    app.http.inject({ method: 'PATCH', url: `/api/cameras/${id}`, headers, payload });

  it('switches no analytic on by default', async () => {
    const camera = (await create({ name: 'Par défaut' })).json<{ analytics: string[] }>();
    expect(camera.analytics).toEqual([]);
  });

  it('lets a traffic camera count people anonymously, but not watch crowd density', async () => {
    const counting = await create({ name: 'Carrefour', purposes: ['traffic_regulation'], analytics: ['people_count'] });
    expect(counting.statusCode).toBe(201);
    const density = await create({
      name: 'Carrefour 2',
      purposes: ['traffic_regulation'],
      analytics: ['people_count', 'crowd_density'],
    });
    expect(density.statusCode).toBe(400);
    const { error } = density.json<ErrorBody>();
    expect(error.code).toBe('ANALYTIC_NOT_JUSTIFIED');
    expect(error.message).toContain('"crowd_density" is not justified by this camera\'s purposes (traffic_regulation)');
    expect(error.details).toEqual([
      { path: '/analytics/1', reason: expect.stringContaining('public_space_safety, amusement_park_safety') as string },
    ]);
    expect(error.hint).toMatch(/justifies/);
  });

  it('refuses the analytics the CNIL found disproportionate, whatever the purposes', async () => {
    for (const type of ['rapid_movement', 'object_removed']) {
      const response = await create({
        name: `Disproportionné ${type}`,
        purposes: ['public_space_safety', 'terrorism_prevention', 'public_buildings_protection'],
        analytics: [type],
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.details[0]?.reason).toMatch(/no purpose justifies it .*Valenciennes/);
    }
  });

  it('refuses plate reading asked for as an analytic, quoting the law; no such analytic exists', async () => {
    expect(analyticsEventTypes.filter((t) => /plate|face|lapi/.test(t))).toEqual([]);
    const response = await create({ name: 'LAPI', analytics: ['plate_reading'] });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'CAPABILITY_REFUSED_BY_LAW',
      message: expect.stringContaining('CSI L233-1') as string,
      details: [{ path: '/analytics/0' }],
    });
  });

  it.each([
    ['reconnaissanceFaciale', { reconnaissanceFaciale: true }, 'loi 2023-380 art. 10 III'],
    ['lectureDePlaques', { analytics: ['lectureDePlaques'] }, 'CSI L233-1'],
  ])('refuses %s, named in French, quoting the law of the French profile', async (_name, overrides, text) => {
    const response = await create({ name: 'En français', ...overrides });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'CAPABILITY_REFUSED_BY_LAW',
      message: expect.stringContaining(text) as string,
    });
  });

  it('refuses removing a purpose an enabled analytic needs, and allows it once the analytic is off', async () => {
    const { id } = (
      await create({
        name: 'Parvis',
        purposes: ['public_space_safety', 'traffic_regulation'],
        analytics: ['crowd_density', 'wrong_way'],
        calibration,
      })
    ).json<{ id: string }>();
    const removal = await patch(id, { purposes: ['traffic_regulation'] });
    expect(removal.statusCode).toBe(400);
    const { error } = removal.json<ErrorBody>();
    expect(error.message).toMatch(/^These purposes cannot be removed: the enabled analytic "crowd_density"/);
    expect(error.details).toEqual([
      { path: '/purposes', reason: expect.stringContaining('"crowd_density"') as string },
    ]);
    const both = await patch(id, { purposes: ['traffic_regulation'], analytics: ['wrong_way'] });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ purposes: ['traffic_regulation'], analytics: ['wrong_way'], version: 2 });
    const trail = await app.cameras.get(id, asTest);
    expect(trail.analytics).toEqual(['wrong_way']);
  });

  it('refuses rules measured in metres on a camera without ground calibration; the calibration is audited', async () => {
    const refused = await create({ name: 'Place', purposes: ['public_space_safety'], analytics: ['crowd_density'] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error).toMatchObject({
      code: 'CALIBRATION_REQUIRED',
      details: [{ path: '/analytics/0', reason: expect.stringContaining('no ground calibration') as string }],
      hint: expect.stringContaining('four points') as string,
    });
    const plain = (await create({ name: 'Place', purposes: ['public_space_safety'] })).json<{ id: string }>();
    expect((await patch(plain.id, { analytics: ['crowd_density'] })).statusCode).toBe(409);
    const calibrated = await patch(plain.id, { calibration, analytics: ['crowd_density'] });
    expect(calibrated.statusCode).toBe(200);
    expect(calibrated.json()).toMatchObject({ calibration, analytics: ['crowd_density'] });
    // Removing the calibration while the rule is on is refused too; with the rule off it is allowed.
    expect((await patch(plain.id, { calibration: null })).statusCode).toBe(409);
    const removed = await patch(plain.id, { calibration: null, analytics: [] });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<Record<string, unknown>>()['calibration']).toBeUndefined();
    const dpo = await loginAs(app, ['dpo']);
    const entries = (
      await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${plain.id}`, headers: dpo })
    ).json<{ action: string; details: { changes?: Record<string, unknown> } }[]>();
    expect(entries.filter((e) => e.details.changes?.['calibration'] !== undefined)).toHaveLength(2);
  });

  it('refuses an analytic listed twice', async () => {
    const response = await create({ name: 'Doublon', analytics: ['people_count', 'people_count'] });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.details[0]?.path).toBe('/analytics');
  });
});
