import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { grayFrame, halvesOf, leftHalf, probe } from '../../media/test/support/probe.js';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';
import { follow, servedStream } from './support/live-socket.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-sub-live-'));

/**
 * A camera stream of this size: a bright test pattern, a keyframe every second. Small sizes (the main stream at
 * 640 × 360, the sub at 320 × 180) tell the two streams apart as well as 720p did: the masked camera's recorder
 * encodes its main stream for the whole file (at 720p: ffmpeg 10-12 CPU-s of the file's 14-16, 3 at these sizes).
 */
const clip = (name: string, width: number, height: number) =>
  renderTestClip({ dir, seconds: 30, name, width, height, keyframeSeconds: 1 });

describe('sub stream live for small tiles (two fake RTSP streams, real ffmpeg)', () => {
  const engine = testEngines[0]!;
  let app: TestApp;
  let main: FakeRtspCamera;
  let sub: FakeRtspCamera;
  let operator: SessionHeaders;
  let base: string;
  let stopFleet: () => Promise<void>;
  const ids: Record<'plain' | 'masked', string> = { plain: '', masked: '' };

  beforeAll(async () => {
    const [mainClip, subClip] = await Promise.all([clip('main.mp4', 640, 360), clip('sub.mp4', 320, 180)]);
    [main, sub] = await Promise.all([startFakeRtspCamera(mainClip), startFakeRtspCamera(subClip)]);
    app = await openTestApp(engine);
    const supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    for (const name of ['plain', 'masked'] as const) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: supervisor,
        payload: cameraBody({
          name: `Sub ${name}`,
          sourceUrl: main.url,
          subStreamUrl: sub.url,
          ...(name === 'masked' ? { masks: [{ id: 'gauche', polygon: leftHalf }] } : {}),
        }),
      });
      expect(created.statusCode, created.body).toBe(201);
      ids[name] = created.json<{ id: string }>().id;
      await authorise(app, ids[name]);
    }
    const me = (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: operator })).json<{
      username: string;
    }>();
    await app.users.assignCameras({
      username: me.username,
      cameraIds: Object.values(ids),
      actor: { actorName: 'test' },
    });
    const fleet = await app.startRecording({ segmentSeconds: 2, subLiveLingerMs: 1000 });
    stopFleet = () => fleet.stop();
    base = (await app.http.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  }, 120_000);

  afterAll(async () => {
    await stopFleet?.();
    await app?.close();
    await Promise.all([main?.stop(), sub?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  /** The first `count` messages of a camera's live stream, written as one fragmented MP4 file. */
  async function record(camera: 'plain' | 'masked', stream: 'main' | 'sub', count: number) {
    const opened = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${ids[camera]}/live`,
      headers: operator,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { sessionId } = opened.json<{ sessionId: string }>();
    const { socket, done } = follow(
      `${base}/api/live/${sessionId}/stream?stream=${stream}`,
      { cookie: operator.cookie },
      (r) => r.binaries.length >= count,
    );
    const received = await done;
    socket.close();
    expect(received.binaries.length, JSON.stringify(received.closed)).toBeGreaterThanOrEqual(count);
    const file = join(dir, `${camera}-${stream}-${Date.now()}.mp4`);
    await writeFile(file, Buffer.concat(received.binaries));
    return { file, served: servedStream(received) };
  }

  it('serves the sub stream at its own size to a small tile, the main stream to an enlarged one', async () => {
    const small = await record('plain', 'sub', 15);
    expect(small.served).toBe('sub');
    expect((await probe(small.file)).streams[0]).toMatchObject({ width: 320, height: 180 });
    const large = await record('plain', 'main', 15);
    expect(large.served).toBe('main');
    expect((await probe(large.file)).streams[0]).toMatchObject({ width: 640, height: 360 });
  }, 60_000);

  it("burns a masked camera's masks into its sub live stream", async () => {
    const small = await record('masked', 'sub', 25);
    expect(small.served).toBe('sub');
    expect((await probe(small.file)).streams[0]).toMatchObject({ width: 320, height: 180 });
    for (const seconds of [0.5, 1.5]) {
      const { maskedMax, openMean } = halvesOf(await grayFrame(small.file, seconds), 320, 180);
      expect(maskedMax).toBeLessThan(40);
      expect(openMean).toBeGreaterThan(40);
    }
  }, 60_000);

  it('stops pulling the sub stream shortly after its last viewer leaves', async () => {
    await record('plain', 'sub', 5);
    // Both cameras' sub feeds linger 1 s; the recorders pull only the main stream.
    await expect.poll(() => sub.viewers(), { timeout: 15_000 }).toBe(0);
    expect(main.viewers()).toBe(2);
  }, 60_000);
});
