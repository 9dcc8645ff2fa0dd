import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AlertRecord } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { locateFfmpeg } from '@vigie/media';
import { fullAudience, type PushEvent } from '@vigie/server';
import { renderScene, syntheticScenes } from '@vigie/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-analysis-api-'));
const clip = join(dir, 'abandoned_bag.mp4');
const scene = syntheticScenes.find((s) => s.name === 'abandoned_bag');
if (scene === undefined) throw new Error('the abandoned_bag scene is missing from the evaluation scenes');
await renderScene(scene, { ffmpegPath: locateFfmpeg().path, output: clip });
afterAll(() => rm(dir, { recursive: true, force: true }));

// The scene plays in real time (36 s) as a camera would send it, so this runs on one engine: the
// alert and count tables are exercised on both engines by the repository and video API tests.
const [engine] = testEngines;

describe(`analytics wired to the alert queue on ${engine?.name ?? 'pglite'}`, () => {
  let app: TestApp;
  let supervisor: SessionHeaders;
  let dpo: SessionHeaders;
  let cameraId: string;
  const pushed: PushEvent[] = [];

  beforeAll(async () => {
    if (engine === undefined) throw new Error('no test engine');
    app = await openTestApp(engine);
    app.events.subscribe(
      () => fullAudience,
      (event) => pushed.push(event),
    );
    supervisor = await loginAs(app, ['supervisor']);
    dpo = await loginAs(app, ['dpo']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        name: 'Station left luggage',
        sourceUrl: pathToFileURL(clip).toString(),
        analytics: ['abandoned_object', 'people_count'],
        lines: [{ id: 'passage', name: 'Passage', a: { x: 0.3, y: 0.2 }, b: { x: 0.3, y: 1 } }],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId, { dpiaCovers: ['abandoned_object'] });
    await app.analysis.start();
  });
  afterAll(async () => {
    await app?.analysis.stop();
    await app?.close();
  });

  it('puts the abandoned bag in the operators’ queue with a snapshot, audited, within its dwell time', async () => {
    const deadline = Date.now() + 60_000;
    let alert: AlertRecord | undefined;
    while (alert === undefined && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      alert = pushed
        .flatMap((e) => (e.type === 'alert.opened' ? [e.alert] : []))
        .find((a) => a.type === 'abandoned_object');
    }
    expect(alert, 'no abandoned_object alert within 60 s').toBeDefined();
    if (alert === undefined) return;
    expect(alert).toMatchObject({ cameraId, severity: 'high', status: 'open', hasSnapshot: true });
    expect(Date.parse(alert.clip.to) - Date.parse(alert.clip.from)).toBe(20_000);
    const queue = (await app.http.inject({ method: 'GET', url: '/api/alerts?status=open', headers: supervisor })).json<
      AlertRecord[]
    >();
    expect(queue.map((a) => a.id)).toContain(alert.id);
    const snapshot = await app.http.inject({
      method: 'GET',
      url: `/api/alerts/${alert.id}/snapshot.jpg`,
      headers: supervisor,
    });
    expect(snapshot.statusCode).toBe(200);
    expect([...snapshot.rawPayload.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const trail = (await app.http.inject({ method: 'GET', url: '/api/audit?action=alert.opened', headers: dpo })).json<
      { details: { alert: string } }[]
    >();
    expect(trail.map((e) => e.details.alert)).toContain(alert.id);
  }, 70_000);

  it('runs no alert analytic that no current impact assessment covers (LEGAL R27)', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        name: 'No DPIA yet',
        sourceUrl: pathToFileURL(clip).toString(),
        analytics: ['abandoned_object'],
      }),
    });
    const id = created.json<{ id: string }>().id;
    await authorise(app, id);
    await app.analysis.resync();
    expect(app.analysis.state().runningCameraIds).not.toContain(id);
    await authorise(app, id, { dpiaCovers: ['abandoned_object'] });
    await app.analysis.resync();
    expect(app.analysis.state().runningCameraIds).toContain(id);
    await app.http.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: supervisor });
    await app.analysis.resync();
  });

  it('says that fire_smoke does not run without a fire model, with its code, instead of raising on colour alone', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        name: 'Fire without a model',
        sourceUrl: pathToFileURL(clip).toString(),
        analytics: ['fire_smoke'],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    await authorise(app, id, { dpiaCovers: ['fire_smoke'] });
    await app.analysis.resync();
    await expect
      .poll(async () =>
        (await app.http.inject({ method: 'GET', url: '/api/analytics/state', headers: supervisor })).json<unknown>(),
      )
      .toMatchObject({ unavailableRules: [{ cameraId: id, type: 'fire_smoke', code: 'FIRE_MODEL_MISSING' }] });
    await app.http.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: supervisor });
    await app.analysis.resync();
    expect(app.analysis.state().unavailableRules).toEqual([]);
  });

  it('halts the camera’s analytics with the stop button, audited, and resumes them', async () => {
    expect(
      (await app.http.inject({ method: 'GET', url: '/api/analytics/state', headers: supervisor })).json(),
    ).toMatchObject({
      paused: false,
      runningCameraIds: [cameraId],
    });
    const noReason = await app.http.inject({
      method: 'PUT',
      url: '/api/analytics/pause',
      headers: supervisor,
      payload: { paused: true },
    });
    expect(noReason.statusCode).toBe(400);
    const stopped = await app.http.inject({
      method: 'PUT',
      url: '/api/analytics/pause',
      headers: supervisor,
      payload: { paused: true, reason: 'Public event ended' },
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ paused: true, runningCameraIds: [] });
    const resumed = await app.http.inject({
      method: 'PUT',
      url: '/api/analytics/pause',
      headers: supervisor,
      payload: { paused: false, reason: 'New authorised event' },
    });
    expect(resumed.json()).toMatchObject({ paused: false, runningCameraIds: [cameraId] });
    const trail = (await app.http.inject({ method: 'GET', url: '/api/audit', headers: dpo })).json<
      { action: string; reason?: string }[]
    >();
    expect(trail.filter((e) => e.action.startsWith('analytics.')).map((e) => [e.action, e.reason])).toEqual(
      expect.arrayContaining([
        ['analytics.paused', 'Public event ended'],
        ['analytics.resumed', 'New authorised event'],
      ]),
    );
  });
});
