import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { systemClock, type Replay } from '@vigie/core';
import { storesFor } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { LocalDiskStorage, locateFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorise,
  cameraBody,
  loginAs,
  openTestApp,
  storeTestSegment,
  type SessionHeaders,
  type TestApp,
} from './support.js';

const run = promisify(execFile);

interface ErrorBody {
  error: { code: string; message: string };
}

/** An 8 s H.264 clip of a lavfi source (a moving test pattern, or a black picture: a covered camera). */
async function renderClip(dir: string, name: string, source: string): Promise<string> {
  const clip = join(dir, name);
  await run(locateFfmpeg().path, [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `${source}size=320x240:rate=10`, '-t', '8'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '20', '-pix_fmt', 'yuv420p', clip],
  ]);
  return clip;
}

describe.each(testEngines)('replaying stored recordings through a rule on $name', (engine) => {
  let app: TestApp;
  let scratch: string;
  let supervisor: SessionHeaders;
  let operator: SessionHeaders;
  let dpo: SessionHeaders;
  beforeAll(async () => {
    app = await openTestApp(engine);
    scratch = await mkdtemp(join(tmpdir(), 'vigie-replay-'));
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
  });
  afterAll(async () => {
    await app?.close();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  it('reports what a rule would have raised with other parameters, with precision against the labels, raising nothing', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Parvis', enabled: false }),
    });
    const cameraId = created.json<{ id: string }>().id;
    const body = { from: new Date(Date.now() - 7_200_000).toISOString(), to: new Date().toISOString() };
    // A replay analyses the camera's images: not before the camera's authorisation is recorded (R1).
    const unlawful = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/rules/camera_tamper/replay`,
      headers: supervisor,
      payload: body,
    });
    expect(unlawful.statusCode).toBe(409);
    expect(unlawful.json<ErrorBody>().error.code).toBe('REPLAY_NOT_LAWFUL');
    await authorise(app, cameraId);
    // Two recorded segments an hour ago: 8 s of picture, then 8 s with the lens covered.
    const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const at = (s: number) => new Date(start.getTime() + s * 1000);
    const shelf = { app, storage, scratch };
    await storeTestSegment(shelf, cameraId, await renderClip(scratch, 'view.mp4', 'testsrc2='), at(8), 8);
    await storeTestSegment(shelf, cameraId, await renderClip(scratch, 'covered.mp4', 'color=c=black:'), at(16), 8);
    // A supervisor judged a tamper alert of that moment true.
    const labelled = await app.alerts.raise({
      cameraId,
      type: 'camera_tamper',
      severity: 'high',
      message: 'camera covered',
      openedAt: at(12),
      clip: { from: at(2), to: at(22) },
      situationKey: 'covered',
      facts: { subject: 'view', durationS: 3 },
      shadow: true,
    });
    const label = await app.http.inject({
      method: 'POST',
      url: `/api/alerts/${labelled.id}/label`,
      headers: supervisor,
      payload: { label: 'true' },
    });
    expect(label.statusCode).toBe(200);

    const replay = async (params: Record<string, number>): Promise<Replay> => {
      const started = await app.http.inject({
        method: 'POST',
        url: `/api/cameras/${cameraId}/rules/camera_tamper/replay`,
        headers: supervisor,
        payload: { params, from: at(-60).toISOString(), to: at(60).toISOString() },
      });
      expect(started.statusCode).toBe(202);
      const { id, progress } = started.json<Replay>();
      expect(progress).toMatchObject({ segments: 2, segmentsDone: 0, recordedS: 16 });
      let state: Replay | undefined;
      await expect
        .poll(
          async () => {
            state = (await app.http.inject({ method: 'GET', url: `/api/replays/${id}`, headers: supervisor })).json();
            return state?.status;
          },
          { timeout: 60_000, interval: 200 },
        )
        .toBe('done');
      return state as Replay;
    };

    // Covered for 3 s raises one event, over the covered segment, which the label says was true.
    const quick = await replay({ tamperAfterS: 3 });
    expect(quick.params).toEqual({ tamperAfterS: 3 });
    expect(quick.progress).toMatchObject({ segmentsDone: 2, analysedS: 16 });
    expect(quick.events).toHaveLength(1);
    expect(Date.parse(quick.events[0]!.at)).toBeGreaterThanOrEqual(at(8).getTime());
    expect(quick.events[0]).toMatchObject({ verdict: 'true', alertId: labelled.id });
    expect(quick.summary).toMatchObject({ events: 1, trueEvents: 1, falseEvents: 0, precision: 1, missedTrue: 0 });
    // Asked to wait 20 s, the rule would have raised nothing, and missed the true alert.
    const patient = await replay({ tamperAfterS: 20 });
    expect(patient.events).toEqual([]);
    expect(patient.summary).toMatchObject({ events: 0, precision: null, missedTrue: 1 });

    // Nothing was raised for real: the only alert of the camera is the labelled one.
    const review = await app.http.inject({ method: 'GET', url: '/api/alerts/review', headers: supervisor });
    expect(review.json<{ cameraId: string }[]>().filter((a) => a.cameraId === cameraId)).toHaveLength(1);
    // Audited with the parameters tried.
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=analytics.rule_replayed', headers: dpo })
    ).json<{ cameraId: string; details: { params: Record<string, number> } }[]>();
    expect(trail.map((e) => e.details.params.tamperAfterS).sort()).toEqual([20, 3]);

    // Refusals: another rule's parameter, a range over 24 h, a period without recordings, an operator.
    const refused = async (payload: Record<string, unknown>, headers = supervisor) =>
      app.http.inject({
        method: 'POST',
        url: `/api/cameras/${cameraId}/rules/camera_tamper/replay`,
        headers,
        payload,
      });
    const foreign = await refused({ params: { fireMinFraction: 0.1 }, from: at(0), to: at(60) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED');
    const long = await refused({ from: at(-90_000).toISOString(), to: at(60).toISOString() });
    expect(long.json<ErrorBody>().error.code).toBe('TIME_RANGE_INVALID');
    const empty = await refused({ from: at(600).toISOString(), to: at(900).toISOString() });
    expect(empty.json<ErrorBody>().error.code).toBe('NO_RECORDING');
    expect((await refused({ from: at(0).toISOString(), to: at(60).toISOString() }, operator)).statusCode).toBe(403);
    // fire_smoke never runs on colour alone: without a fire model (none configured here) its replay is refused.
    const fire = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/rules/fire_smoke/replay`,
      headers: supervisor,
      payload: { from: at(0).toISOString(), to: at(60).toISOString() },
    });
    expect(fire.json<ErrorBody>().error.code).toBe('FIRE_MODEL_MISSING');
    expect(fire.statusCode).toBe(503);
    const unknown = await app.http.inject({
      method: 'GET',
      url: '/api/replays/00000000-0000-4000-8000-000000000000',
      headers: supervisor,
    });
    expect(unknown.json<ErrorBody>().error.code).toBe('REPLAY_NOT_FOUND');
    // One replay at a time.
    const period = { from: at(-60).toISOString(), to: at(60).toISOString() };
    const running = (await refused(period)).json<Replay>();
    expect(running.status).toBe('running');
    expect((await refused(period)).json<ErrorBody>().error.code).toBe('REPLAY_BUSY');
    // A supervisor cancels it (an operator may not); it reads as cancelled, audited, and frees the server.
    const cancel = (headers: SessionHeaders) =>
      app.http.inject({ method: 'POST', url: `/api/replays/${running.id}/cancel`, headers });
    expect((await cancel(operator)).statusCode).toBe(403);
    const cancelled = await cancel(supervisor);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Replay>()).toMatchObject({ id: running.id, status: 'cancelled' });
    expect(cancelled.json<Replay>().summary).toBeUndefined();
    const read = await app.http.inject({ method: 'GET', url: `/api/replays/${running.id}`, headers: supervisor });
    expect(read.json<Replay>().status).toBe('cancelled');
    expect((await cancel(supervisor)).json<ErrorBody>().error.code).toBe('REPLAY_NOT_RUNNING');
    const cancels = (
      await app.http.inject({
        method: 'GET',
        url: '/api/audit?action=analytics.rule_replay_cancelled',
        headers: dpo,
      })
    ).json<{ details: { replay: string } }[]>();
    expect(cancels.map((e) => e.details.replay)).toEqual([running.id]);
    expect((await refused(period)).statusCode).toBe(202);
    // The one under way now is stopped when the server closes (after this test).
  }, 180_000);

  it('keeps replays in the database: a running one that no server writes any more reads as interrupted', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Rejeu orphelin', enabled: false }),
    });
    const cameraId = created.json<{ id: string }>().id;
    const startedAt = new Date(Date.now() - 120_000);
    const orphan: Replay = {
      id: randomUUID(),
      cameraId,
      type: 'camera_tamper',
      params: { tamperAfterS: 3 },
      from: new Date(startedAt.getTime() - 3_600_000).toISOString(),
      to: startedAt.toISOString(),
      status: 'running',
      progress: { segments: 10, segmentsDone: 4, recordedS: 80, analysedS: 32 },
      startedAt: startedAt.toISOString(),
      events: [],
    };
    // Left by a server stopped a minute ago, as a kill -9 leaves it.
    const { replays } = storesFor(app.database.db, systemClock);
    await replays.save(orphan, new Date(Date.now() - 60_000));
    const read = await app.http.inject({ method: 'GET', url: `/api/replays/${orphan.id}`, headers: supervisor });
    expect(read.statusCode).toBe(200);
    expect(read.json<Replay>()).toMatchObject({
      status: 'failed',
      error: { code: 'REPLAY_INTERRUPTED' },
      progress: { segmentsDone: 4 },
    });
    // Written a moment ago, it is still running (on another server): this one cannot cancel it.
    await replays.save(orphan, new Date());
    const live = await app.http.inject({ method: 'GET', url: `/api/replays/${orphan.id}`, headers: supervisor });
    expect(live.json<Replay>().status).toBe('running');
    const cancel = await app.http.inject({
      method: 'POST',
      url: `/api/replays/${orphan.id}/cancel`,
      headers: supervisor,
    });
    expect(cancel.json<ErrorBody>().error.code).toBe('REPLAY_NOT_RUNNING');
    // Only the newest are kept.
    for (let i = 0; i < 21; i++)
      await replays.save({ ...orphan, id: randomUUID(), startedAt: new Date().toISOString() }, new Date());
    await replays.keepNewest(20);
    expect(await replays.get(orphan.id)).toBeUndefined();
  });
});
