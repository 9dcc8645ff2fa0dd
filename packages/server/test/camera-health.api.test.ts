import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertRecord, CameraHealth } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-health-api-'));
// A camera set to a keyframe every 6 s (10 frames/s): recording works, but live and export cuts suffer.
const clip = await renderTestClip({ dir, seconds: 120, keyframeSeconds: 6 });
afterAll(() => rm(dir, { recursive: true, force: true }));

const pglite = testEngines.find((engine) => engine.name === 'pglite');

describe('camera health measured on the recording (real ffmpeg, real RTSP, PGlite)', () => {
  let app: TestApp;
  let camera: FakeRtspCamera;
  let cameraId: string;
  let operator: SessionHeaders;
  let stopFleet: (() => Promise<void>) | undefined;

  const health = async (): Promise<CameraHealth> => {
    const response = await app.http.inject({
      method: 'GET',
      url: `/api/cameras/${cameraId}/health`,
      headers: operator,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<CameraHealth>();
  };

  beforeAll(async () => {
    camera = await startFakeRtspCamera(clip);
    app = await openTestApp(pglite!);
    const supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Long GOP', sourceUrl: camera.url }),
    });
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    const operatorName = (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: operator })).json<{
      username: string;
    }>().username;
    await app.users.assignCameras({ username: operatorName, cameraIds: [cameraId], actor: { actorName: 'test' } });
  }, 180_000);
  afterAll(async () => {
    await stopFleet?.();
    await camera?.stop();
    await app?.close();
  });

  it('says "unknown" before this server records the camera, and refuses anonymous callers', async () => {
    expect((await health()).state).toBe('unknown');
    const anonymous = await app.http.inject({ method: 'GET', url: `/api/cameras/${cameraId}/health` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('measures frame rate, bitrate and a 6 s keyframe interval, and raises a "camera degraded" notice', async () => {
    const fleet = await app.startRecording({
      segmentSeconds: 2,
      healthCheckMs: 500,
      backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
    });
    stopFleet = () => fleet.stop();
    // Each 2 s target segment waits for the camera's next keyframe: two of them give the interval.
    await expect
      .poll(async () => (await health()).measures.keyframeIntervalSeconds, { timeout: 45_000, interval: 500 })
      .toBeGreaterThan(5.5);
    const measured = await health();
    expect(measured.state).toBe('degraded');
    expect(measured.measures.keyframeIntervalSeconds).toBeLessThan(6.5);
    expect(measured.measures.fps).toBeGreaterThan(8);
    expect(measured.measures.fps).toBeLessThan(12);
    expect(measured.measures.bitrateKbps).toBeGreaterThan(32);
    expect(measured.measures.reconnectsLastHour).toBe(0);
    expect(measured.warnings.map((w) => w.code)).toEqual(['keyframe_interval_long']);
    expect(measured.warnings[0]?.fr).toMatch(/Image clé toutes les (5\.\d|6|6\.\d) s/);
    await expect
      .poll(async () => {
        const queue = (
          await app.http.inject({ method: 'GET', url: '/api/alerts?status=open', headers: operator })
        ).json<AlertRecord[]>();
        return queue.find((alert) => alert.type === 'camera_degraded' && alert.cameraId === cameraId)?.message;
      })
      .toMatch(/^Keyframe every (5\.\d|6|6\.\d) s/);
    const list = (await app.http.inject({ method: 'GET', url: '/api/cameras/health', headers: operator })).json<
      CameraHealth[]
    >();
    expect(list.map((h) => [h.cameraId, h.state])).toEqual([[cameraId, 'degraded']]);
  }, 60_000);

  it('shows a stopped camera as a frozen image, then counts the reconnection when it comes back', async () => {
    camera.pause();
    await expect
      .poll(async () => (await health()).warnings.map((w) => w.code), { timeout: 30_000, interval: 500 })
      .toContain('image_frozen');
    const frozen = await health();
    expect(frozen.measures.fps).toBe(0);
    expect(frozen.warnings.find((w) => w.code === 'image_frozen')?.fr).toMatch(/^Image figée/);
    camera.resume();
    await expect
      .poll(async () => (await health()).measures.reconnectsLastHour, { timeout: 45_000, interval: 500 })
      .toBe(1);
    await expect
      .poll(async () => (await health()).measures.fps ?? 0, { timeout: 45_000, interval: 500 })
      .toBeGreaterThan(8);
  }, 120_000);
});
