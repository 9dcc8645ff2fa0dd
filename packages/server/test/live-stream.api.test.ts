import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moofStartsWithKeyframe } from '@vigie/media';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';
import { follow } from './support/live-socket.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-live-stream-'));
const clip = await renderTestClip({ dir, seconds: 60 });

const boxType = (b: Buffer | undefined) => b?.subarray(4, 8).toString('latin1');

describe('low-latency live stream over WebSocket (real RTSP camera, real ffmpeg)', () => {
  const engine = testEngines[0]!;
  let app: TestApp;
  let camera: FakeRtspCamera;
  let cameraId: string;
  let operator: SessionHeaders;
  let otherOperator: SessionHeaders;
  let dpo: SessionHeaders;
  let base: string;
  let stopFleet: () => Promise<void>;

  async function openLive(headers: SessionHeaders) {
    const response = await app.http.inject({ method: 'POST', url: `/api/cameras/${cameraId}/live`, headers });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ sessionId: string; playlistUrl: string; streamUrl?: string }>();
  }

  beforeAll(async () => {
    camera = await startFakeRtspCamera(clip);
    app = await openTestApp(engine);
    const supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    otherOperator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Live RTSP', sourceUrl: camera.url }),
    });
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    for (const headers of [operator, otherOperator]) {
      const me = (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers })).json<{ username: string }>();
      await app.users.assignCameras({ username: me.username, cameraIds: [cameraId], actor: { actorName: 'test' } });
    }
    const fleet = await app.startRecording({ segmentSeconds: 2 });
    stopFleet = () => fleet.stop();
    base = (await app.http.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  }, 120_000);

  afterAll(async () => {
    await stopFleet?.();
    await app?.close();
    await camera?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams the camera to its viewer as MSE-ready fragmented MP4: codec, init segment, then a keyframe first', async () => {
    const live = await openLive(operator);
    expect(live.streamUrl).toBe(`/api/live/${live.sessionId}/stream`);
    const { socket, done } = follow(
      `${base}${live.streamUrl}`,
      { cookie: operator.cookie },
      (r) => r.binaries.length >= 12,
    );
    const received = await done;
    socket.close();
    expect(received.closed).toBeUndefined();
    const headers = received.texts.map((t) => JSON.parse(t) as { v: number; type: string; codec: string });
    const header = headers.find((h) => h.type !== 'heartbeat') ?? { v: 0, type: 'none', codec: '' };
    expect([header.v, header.type]).toEqual([1, 'init']);
    expect(header.codec).toMatch(/^avc1\.[0-9a-f]{6}$/);
    expect(boxType(received.binaries[0])).toBe('ftyp');
    expect(received.binaries.slice(1).every((b) => boxType(b) === 'moof')).toBe(true);
    // However long the camera's GOP, the first fragment is one a decoder can start from.
    expect(moofStartsWithKeyframe(received.binaries[1]!.subarray(8))).toBe(true);
    const audit = await app.http.inject({ method: 'GET', url: '/api/audit?action=live.started', headers: dpo });
    expect(audit.body).toContain(live.sessionId);
  }, 60_000);

  it('speaks at least every 2 s, if only a heartbeat, so that a browser can tell a dead link from a quiet camera', async () => {
    const live = await openLive(operator);
    const started = Date.now();
    const { socket, done } = follow(`${base}${live.streamUrl ?? ''}`, { cookie: operator.cookie }, (r) =>
      r.texts.some((t) => t.includes('heartbeat')),
    );
    const received = await done;
    socket.close();
    expect(received.closed).toBeUndefined();
    expect(received.texts).toContain(JSON.stringify({ v: 1, type: 'heartbeat' }));
    expect(Date.now() - started).toBeLessThan(5000);
  }, 60_000);

  it("refuses a role without live view, someone else's session and a page of another origin", async () => {
    const live = await openLive(operator);
    const url = `${base}${live.streamUrl ?? ''}`;
    const stolen = await follow(url, { cookie: otherOperator.cookie }).done;
    expect(stolen.closed).toEqual({ code: 4403, reason: 'VIEWING_SESSION_NOT_FOUND' });
    expect(stolen.binaries).toEqual([]);
    // The role check runs before the upgrade, as on every route.
    const noRole = await app.http.inject({ method: 'GET', url: live.streamUrl ?? '', headers: dpo });
    expect(noRole.json()).toMatchObject({ error: { code: 'PERMISSION_DENIED' } });
    const foreign = await follow(url, { cookie: operator.cookie, origin: 'https://evil.example' }).done;
    expect(foreign.closed).toEqual({ code: 4403, reason: 'PERMISSION_DENIED' });
    expect(foreign.binaries).toEqual([]);
  }, 60_000);

  it('ends the stream within seconds once the live session is closed', async () => {
    const live = await openLive(operator);
    const { done } = follow(`${base}${live.streamUrl ?? ''}`, { cookie: operator.cookie });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const stopped = await app.http.inject({ method: 'DELETE', url: `/api/live/${live.sessionId}`, headers: operator });
    expect(stopped.statusCode).toBe(204);
    const closedAt = Date.now();
    const received = await done;
    expect(received.closed).toEqual({ code: 4403, reason: 'VIEWING_SESSION_NOT_FOUND' });
    expect(Date.now() - closedAt).toBeLessThan(6000);
  }, 60_000);
});
