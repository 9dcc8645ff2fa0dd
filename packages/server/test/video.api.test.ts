import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AlertRecord, CameraStatus } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { locateFfmpeg } from '@vigie/media';
import { fullAudience, type PushEvent } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { probe as probeMedia } from '../../media/test/support/probe.js';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const run = promisify(execFile);
const dir = await mkdtemp(join(tmpdir(), 'vigie-video-api-'));
const clip = await renderTestClip({ dir, seconds: 120 });
afterAll(() => rm(dir, { recursive: true, force: true }));

// The left quarter of the image is a dwelling's window: masked before anything is stored or shown.
const mask = {
  id: 'window',
  label: 'Dwelling window',
  polygon: [
    { x: 0, y: 0 },
    { x: 0.25, y: 0 },
    { x: 0.25, y: 1 },
    { x: 0, y: 1 },
  ],
};

/** Decodes the first frame of a media file as grey pixels (320×240). */
async function grayPixels(path: string): Promise<Buffer> {
  const { stdout } = await run(
    locateFfmpeg().path,
    ['-v', 'error', '-i', path, '-frames:v', '1', '-vf', 'scale=320:240', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** Mean grey level inside [x0, x1) of the width, all rows. */
function meanOfColumns(pixels: Buffer, x0: number, x1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < 240; y++) {
    for (let x = Math.floor(x0 * 320); x < Math.floor(x1 * 320); x++) {
      sum += pixels[y * 320 + x] ?? 0;
      n++;
    }
  }
  return sum / n;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.each(testEngines)('video over RTSP through the API on $name', (engine) => {
  let app: TestApp;
  let camera: FakeRtspCamera;
  let cameraId: string;
  let operator: SessionHeaders;
  let supervisor: SessionHeaders;
  let dpo: SessionHeaders;
  let stopFleet: () => Promise<void>;
  const pushed: PushEvent[] = [];

  async function fetchBuffer(url: string, headers: Record<string, string>): Promise<Buffer> {
    const response = await app.http.inject({ method: 'GET', url, headers });
    expect(response.statusCode, response.body.slice(0, 200)).toBeLessThan(300);
    return response.rawPayload;
  }

  async function decode(bytes: Buffer, name: string): Promise<Buffer> {
    const path = join(dir, `${engine.name}-${name}`);
    await writeFile(path, bytes);
    return grayPixels(path);
  }

  beforeAll(async () => {
    camera = await startFakeRtspCamera(clip);
    app = await openTestApp(engine);
    app.events.subscribe(
      () => fullAudience,
      (event) => pushed.push(event),
    );
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    dpo = await loginAs(app, ['dpo']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: `RTSP ${engine.name}`, sourceUrl: camera.url, masks: [mask] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    const operatorName = (await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: operator })).json<{
      username: string;
    }>().username;
    await app.users.assignCameras({ username: operatorName, cameraIds: [cameraId], actor: { actorName: 'test' } });
    const fleet = await app.startRecording({ segmentSeconds: 2, backoff: { initialMs: 200, maxMs: 1000, factor: 2 } });
    stopFleet = () => fleet.stop();
    await until('three recorded segments', async () => {
      const now = new Date();
      const response = await app.http.inject({
        method: 'GET',
        url: `/api/cameras/${cameraId}/recordings?from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${now.toISOString()}`,
        headers: operator,
      });
      const { ranges } = response.json<{ ranges: { start: string; end: string }[] }>();
      const seconds = ranges.reduce((s, r) => s + (Date.parse(r.end) - Date.parse(r.start)) / 1000, 0);
      return seconds >= 6 ? true : undefined;
    });
  }, 90_000);
  afterAll(async () => {
    await stopFleet?.();
    await camera?.stop();
    await app?.close();
  });

  it('reports the camera online, stored and pushed', async () => {
    const statuses = (await app.http.inject({ method: 'GET', url: '/api/cameras/status', headers: operator })).json<
      CameraStatus[]
    >();
    expect(statuses).toEqual([expect.objectContaining({ cameraId, state: 'online' })]);
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'camera.status', cameraId, state: 'online' }));
  });

  it('serves live view from the recorded segments, masked, and audits its start and stop', async () => {
    const opened = await app.http.inject({ method: 'POST', url: `/api/cameras/${cameraId}/live`, headers: operator });
    expect(opened.statusCode, opened.body).toBe(201);
    const { sessionId, playlistUrl } = opened.json<{ sessionId: string; playlistUrl: string }>();
    const playlist = (await fetchBuffer(playlistUrl, operator)).toString();
    expect(playlist).toContain('#EXT-X-MAP:URI="segments/');
    expect(playlist).not.toContain('#EXT-X-ENDLIST');
    // As the window slides, every segment keeps its media sequence number (what players align reloads on).
    const numbered = (text: string): Map<string, number> => {
      const first = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1]);
      return new Map([...text.matchAll(/^(segments\/\d+\.mp4)$/gm)].map((m, i) => [m[1] ?? '', first + i]));
    };
    const before = numbered(playlist);
    const after = await until(
      'the live window to slide',
      async () => {
        const next = numbered((await fetchBuffer(playlistUrl, operator)).toString());
        return [...next.keys()][0] !== [...before.keys()][0] ? next : undefined;
      },
      30_000,
    );
    const shared = [...after.keys()].filter((key) => before.has(key));
    expect(shared.length).toBeGreaterThan(0);
    for (const key of shared) expect(after.get(key)).toBe(before.get(key));
    const uri = /^(segments\/\d+\.mp4)$/m.exec(playlist)?.[1] ?? '';
    const segmentUrl = playlistUrl.replace('index.m3u8', uri);
    const whole = await fetchBuffer(segmentUrl, operator);
    const init = await app.http.inject({
      method: 'GET',
      url: segmentUrl,
      headers: { ...operator, range: 'bytes=0-99' },
    });
    expect(init.statusCode).toBe(206);
    expect(init.rawPayload).toEqual(whole.subarray(0, 100));
    const pixels = await decode(whole, 'live.mp4');
    expect(meanOfColumns(pixels, 0, 0.24)).toBeLessThan(4);
    expect(meanOfColumns(pixels, 0.3, 1)).toBeGreaterThan(30);

    // Another account cannot ride on this session, nor may the DPO (no live view) open one.
    const other = await loginAs(app, ['supervisor']);
    expect((await app.http.inject({ method: 'GET', url: playlistUrl, headers: other })).statusCode).toBe(404);
    expect(
      (await app.http.inject({ method: 'POST', url: `/api/cameras/${cameraId}/live`, headers: dpo })).statusCode,
    ).toBe(403);

    const stopped = await app.http.inject({ method: 'DELETE', url: `/api/live/${sessionId}`, headers: operator });
    expect(stopped.statusCode).toBe(204);
    expect((await app.http.inject({ method: 'GET', url: playlistUrl, headers: operator })).statusCode).toBe(404);
    const trail = (await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${cameraId}`, headers: dpo })).json<
      { action: string; details?: { session?: string } }[]
    >();
    const sessionActions = trail.filter((e) => e.details?.session === sessionId).map((e) => e.action);
    expect(sessionActions.sort()).toEqual(['live.started', 'live.stopped']);
  }, 60_000);

  it('gives a masked JPEG snapshot', async () => {
    const response = await app.http.inject({
      method: 'GET',
      url: `/api/cameras/${cameraId}/snapshot.jpg`,
      headers: operator,
    });
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    const pixels = await decode(response.rawPayload, 'snapshot.jpg');
    expect(meanOfColumns(pixels, 0, 0.23)).toBeLessThan(8);
    expect(meanOfColumns(pixels, 0.3, 1)).toBeGreaterThan(30);
  });

  it('plays back a range only with a reason, and audits the reason', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 60_000);
    const url = `/api/cameras/${cameraId}/playback`;
    const noReason = await app.http.inject({
      method: 'POST',
      url,
      headers: operator,
      payload: { from: from.toISOString(), to: to.toISOString() },
    });
    expect(noReason.statusCode).toBe(400);
    const opened = await app.http.inject({
      method: 'POST',
      url,
      headers: operator,
      payload: { from: from.toISOString(), to: to.toISOString(), reason: 'Theft reported at the market stall' },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { playlistUrl } = opened.json<{ playlistUrl: string }>();
    const playlist = (await fetchBuffer(playlistUrl, operator)).toString();
    expect(playlist).toContain('#EXT-X-ENDLIST');
    expect(playlist).toContain('#EXT-X-PROGRAM-DATE-TIME:');
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=playback.viewed', headers: dpo })
    ).json<{ reason: string; rangeStart: string }[]>();
    expect(trail).toContainEqual(
      expect.objectContaining({ reason: 'Theft reported at the market stall', rangeStart: from.toISOString() }),
    );
  });

  it('exports a range as one MP4 whose manifest hash, duration and masks hold', async () => {
    const recorded = (
      await app.http.inject({
        method: 'GET',
        url: `/api/cameras/${cameraId}/recordings?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date().toISOString()}`,
        headers: supervisor,
      })
    ).json<{ ranges: { start: string; end: string }[] }>();
    const last = recorded.ranges.at(-1) as { start: string; end: string };
    const to = new Date(Date.parse(last.end) - 500);
    const from = new Date(to.getTime() - 4_000);
    const url = `/api/cameras/${cameraId}/exports`;
    const body = { from: from.toISOString(), to: to.toISOString(), reason: 'Requisition of the judicial police n° 42' };
    const wrongPurpose = await app.http.inject({
      method: 'POST',
      url,
      headers: supervisor,
      payload: { ...body, purpose: 'traffic_offences' },
    });
    expect(wrongPurpose.statusCode).toBe(400);
    expect(wrongPurpose.json<{ error: { code: string } }>().error.code).toBe('PURPOSE_NOT_DECLARED');
    expect(
      (
        await app.http.inject({
          method: 'POST',
          url,
          headers: operator,
          payload: { ...body, purpose: 'public_space_safety' },
        })
      ).statusCode,
    ).toBe(403);
    const created = await app.http.inject({
      method: 'POST',
      url,
      headers: supervisor,
      payload: { ...body, purpose: 'public_space_safety' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const manifest = created.json<{ id: string; files: { sha256: string; bytes: number }[]; exportedBy: string }>();
    const video = await fetchBuffer(`/api/exports/${manifest.id}/video.mp4`, supervisor);
    expect(createHash('sha256').update(video).digest('hex')).toBe(manifest.files[0]?.sha256);
    expect(video.length).toBe(manifest.files[0]?.bytes);
    expect(manifest.exportedBy).toMatch(/^supervisor-/);
    const path = join(dir, `${engine.name}-export.mp4`);
    await writeFile(path, video);
    const { duration } = await probeMedia(path);
    // Stream copy cuts on the keyframe before "from" (2 s GOP in this clip).
    expect(duration).toBeGreaterThanOrEqual(3.5);
    expect(duration).toBeLessThanOrEqual(6.5);
    const pixels = await grayPixels(path);
    expect(meanOfColumns(pixels, 0, 0.24)).toBeLessThan(4);
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=export.created', headers: dpo })
    ).json<{ reason: string; details: { sha256: string; purpose: string } }[]>();
    expect(trail).toContainEqual(
      expect.objectContaining({
        reason: body.reason,
        details: expect.objectContaining({
          sha256: manifest.files[0]?.sha256,
          purpose: 'public_space_safety',
        }) as unknown,
      }),
    );
  });

  it('raises a camera-offline alert within 10 s when the stream dies, and records the gap after it returns', async () => {
    const killedAt = Date.now();
    await camera.kill();
    const alert = await until(
      'a camera_offline alert',
      async () =>
        pushed.find(
          (e): e is Extract<PushEvent, { type: 'alert.opened' }> =>
            e.type === 'alert.opened' && e.alert.cameraId === cameraId,
        )?.alert,
      15_000,
    );
    expect(Date.parse(alert.openedAt) - killedAt).toBeLessThan(10_000);
    expect(alert).toMatchObject({ type: 'camera_offline', status: 'open' });
    const queue = (await app.http.inject({ method: 'GET', url: '/api/alerts?status=open', headers: operator })).json<
      AlertRecord[]
    >();
    expect(queue.map((a) => a.id)).toContain(alert.id);
    expect(pushed).toContainEqual(expect.objectContaining({ type: 'camera.status', cameraId, state: 'offline' }));

    await camera.restart();
    await until('the gap after the restart', async () => {
      const now = new Date();
      const overview = (
        await app.http.inject({
          method: 'GET',
          url: `/api/cameras/${cameraId}/recordings?from=${new Date(now.getTime() - 3_600_000).toISOString()}&to=${now.toISOString()}`,
          headers: operator,
        })
      ).json<{ gaps: unknown[] }>();
      return overview.gaps.length > 0 ? true : undefined;
    });
    const statuses = (await app.http.inject({ method: 'GET', url: '/api/cameras/status', headers: operator })).json<
      CameraStatus[]
    >();
    expect(statuses[0]?.state).toBe('online');
    const updated = (
      await app.http.inject({ method: 'GET', url: `/api/alerts/${alert.id}`, headers: operator })
    ).json<AlertRecord>();
    expect(updated.notes.map((n) => n.text).join()).toMatch(/Video back/);

    const acted = await app.http.inject({
      method: 'POST',
      url: `/api/alerts/${alert.id}/actions`,
      headers: operator,
      payload: { action: 'qualify', qualification: 'true_alert', note: 'Camera rebooted by the maintenance team' },
    });
    expect(acted.statusCode, acted.body).toBe(200);
    expect(acted.json<AlertRecord>()).toMatchObject({ status: 'closed', qualification: 'true_alert' });
    const trail = (await app.http.inject({ method: 'GET', url: '/api/audit?action=alert.acted', headers: dpo })).json<
      { details: { alert: string } }[]
    >();
    expect(trail.map((e) => e.details.alert)).toContain(alert.id);
    // Every live, playback, export and alert entry written above keeps the chain verifiable.
    const verify = await app.http.inject({ method: 'GET', url: '/api/audit/verify', headers: dpo });
    expect(verify.json()).toMatchObject({ valid: true, breaks: [] });
  }, 60_000);

  it('leaves no unrecorded hole when recording restarts: the time since the last indexed segment is a "recorder stopped" gap', async () => {
    // Up to a minute ahead: the segment cut by a stop may end a little after the clock (media times stand).
    const overview = async () => {
      const now = Date.now();
      return (
        await app.http.inject({
          method: 'GET',
          url: `/api/cameras/${cameraId}/recordings?from=${new Date(now - 3_600_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
          headers: operator,
        })
      ).json<{ ranges: { start: string; end: string }[]; gaps: { start: string; end: string; reason: string }[] }>();
    };
    await stopFleet();
    const lastEnd = (await overview()).ranges.at(-1)?.end;
    expect(lastEnd).toBeDefined();
    // A server stopped for a while (the recorder instance, and what it knew of the last end, is gone).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const fleet = await app.startRecording({ segmentSeconds: 2, backoff: { initialMs: 200, maxMs: 1000, factor: 2 } });
    stopFleet = () => fleet.stop();
    const gap = await until('the "recorder stopped" gap', async () =>
      (await overview()).gaps.find((g) => g.reason === 'recorder stopped'),
    );
    expect(gap.start).toBe(lastEnd);
    expect(Date.parse(gap.end) - Date.parse(gap.start)).toBeGreaterThanOrEqual(1500);
    // The first new segment starts where the gap ends: recorded time and gaps together cover the whole period.
    const after = await until('a segment after the restart', async () =>
      (await overview()).ranges.find((r) => Date.parse(r.end) > Date.parse(gap.end)),
    );
    expect(after.start).toBe(gap.end);
  }, 60_000);
});
