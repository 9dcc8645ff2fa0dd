import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-pull-once-'));
const clip = await renderTestClip({ dir, seconds: 30 });
afterAll(() => rm(dir, { recursive: true, force: true }));

// Real ffmpeg and a real RTSP camera, several seconds of stream: one engine (the count and segment tables
// are exercised on both by the repository and video API tests).
const pglite = testEngines.find((engine) => engine.name === 'pglite');

describe('an analysed camera is pulled once by the server (real RTSP, PGlite)', () => {
  let app: TestApp;
  let camera: FakeRtspCamera;
  let cameraId: string;
  let supervisor: SessionHeaders;
  let stopFleet: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (pglite === undefined) throw new Error('no PGlite test engine');
    camera = await startFakeRtspCamera(clip);
    app = await openTestApp(pglite);
    supervisor = await loginAs(app, ['supervisor']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        name: 'Parvis de la gare',
        sourceUrl: camera.url,
        analytics: ['people_count'],
        // Masked: the recording is re-encoded, and the analysis blacks the mask out of its own frames.
        masks: [
          {
            id: 'window',
            polygon: [
              { x: 0, y: 0 },
              { x: 0.3, y: 0 },
              { x: 0.3, y: 0.3 },
            ],
          },
        ],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
  }, 60_000);
  afterAll(async () => {
    await app?.analysis.stop();
    await stopFleet?.();
    await camera?.stop();
    await app?.close();
  });

  it('records and analyses it over a single RTSP session, the analysis reading the recorder’s copy', async () => {
    const sessions = new Set<number>();
    const watch = setInterval(() => sessions.add(camera.viewers()), 100);
    try {
      const from = new Date().toISOString();
      const fleet = await app.startRecording({ segmentSeconds: 2 });
      stopFleet = () => fleet.stop();
      await app.analysis.start();
      // Counts come every 10 s of analysed stream: frames reached the analysis.
      await expect
        .poll(
          async () => {
            const to = new Date(Date.now() + 60_000).toISOString();
            const response = await app.http.inject({
              method: 'GET',
              url: `/api/stats/counts?cameraId=${cameraId}&from=${from}&to=${to}`,
              headers: supervisor,
            });
            return response.json<unknown[]>().length;
          },
          { timeout: 40_000, interval: 500 },
        )
        .toBeGreaterThan(0);
      expect(fleet.analysisTap(cameraId)).toMatch(/^udp:\/\/127\.0\.0\.1:\d+/);
      expect(app.analysis.state().runningCameraIds).toEqual([cameraId]);
      const segments = await app.database.db
        .selectFrom('segments')
        .select('key')
        .where('camera_id', '=', cameraId)
        .execute();
      expect(segments.length).toBeGreaterThan(0);
      expect(camera.viewers()).toBe(1);
      expect(Math.max(...sessions)).toBe(1);
    } finally {
      clearInterval(watch);
    }
  }, 60_000);
});
