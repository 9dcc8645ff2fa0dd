import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Segment } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { RecordingRepository } from '@vigie/db';
import { LocalDiskStorage } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import {
  authorise,
  cameraBody,
  loginAs,
  parisDateTime,
  openTestApp,
  storeTestSegment,
  type SessionHeaders,
  type TestApp,
} from './support.js';

const day = 24 * 3_600_000;
const dir = await mkdtemp(join(tmpdir(), 'vigie-retention-'));
const clip = await renderTestClip({ dir, seconds: 4 });
afterAll(() => rm(dir, { recursive: true, force: true }));

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

describe.each(testEngines)('retention through every route on $name', (engine) => {
  let app: TestApp;
  let supervisor: SessionHeaders;
  let dpo: SessionHeaders;
  let cameraId: string;
  let storage: LocalDiskStorage;
  const now = Date.now();
  // Noon UTC eight days ago: a citizen's local time window around it never crosses midnight in Paris.
  const expiredEnd = new Date(Math.floor((now - 8 * day) / day) * day + 12 * 3_600_000);
  const recentEnd = new Date(now - 2 * day);
  let expired: Segment;
  let recent: Segment;

  function store(endedAt: Date): Promise<Segment> {
    return storeTestSegment({ app, storage, scratch: dir }, cameraId, clip, endedAt);
  }

  async function indexed(): Promise<{ id: string; key: string }[]> {
    const all = new Date(0);
    return new RecordingRepository(app.database.db).segmentsBetween(
      cameraId,
      { from: all, to: new Date(now + day) },
      all,
    );
  }

  function around(end: Date): string {
    return `from=${new Date(end.getTime() - 3_600_000).toISOString()}&to=${new Date(end.getTime() + 3_600_000).toISOString()}`;
  }

  async function readable(end: Date): Promise<{ ranges: number; playback: number; export: number }> {
    const range = { from: new Date(end.getTime() - 60_000).toISOString(), to: end.toISOString() };
    const overview = await app.http.inject({
      method: 'GET',
      url: `/api/cameras/${cameraId}/recordings?${around(end)}`,
      headers: supervisor,
    });
    const playback = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/playback`,
      headers: supervisor,
      payload: { ...range, reason: 'Checking what retention leaves' },
    });
    const exported = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/exports`,
      headers: supervisor,
      payload: { ...range, purpose: 'public_space_safety', reason: 'Checking what retention leaves' },
    });
    return {
      ranges: overview.json<{ ranges: unknown[] }>().ranges.length,
      playback: playback.statusCode,
      export: exported.statusCode,
    };
  }

  beforeAll(async () => {
    app = await openTestApp(engine);
    storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    supervisor = await loginAs(app, ['supervisor']);
    dpo = await loginAs(app, ['dpo']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ retentionDays: 7, enabled: false }),
    });
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    expired = await store(expiredEnd);
    recent = await store(recentEnd);
  });
  afterAll(() => app?.close());

  it('shows no image of a camera without a valid authorisation (LEGAL R1), on any image route', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Not authorised', enabled: false }),
    });
    const id = created.json<{ id: string }>().id;
    const range = { from: new Date(now - 60_000).toISOString(), to: new Date(now).toISOString() };
    const answers = await Promise.all([
      app.http.inject({ method: 'POST', url: `/api/cameras/${id}/live`, headers: supervisor }),
      app.http.inject({ method: 'GET', url: `/api/cameras/${id}/snapshot.jpg`, headers: supervisor }),
      app.http.inject({
        method: 'POST',
        url: `/api/cameras/${id}/playback`,
        headers: supervisor,
        payload: { ...range, reason: 'Looking at it' },
      }),
      app.http.inject({
        method: 'POST',
        url: `/api/cameras/${id}/exports`,
        headers: supervisor,
        payload: { ...range, purpose: 'public_space_safety', reason: 'Exporting it' },
      }),
    ]);
    expect(answers.map((r) => [r.statusCode, r.json<{ error: { code: string } }>().error.code])).toEqual(
      Array.from({ length: 4 }, () => [403, 'CAMERA_NOT_AUTHORISED']),
    );
  });

  it('does not record a camera that has no valid authorisation (LEGAL R1)', async () => {
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Awaiting its prefectoral order', sourceUrl: 'rtsp://192.0.2.1/stream' }),
    });
    const id = created.json<{ id: string }>().id;
    const fleet = await app.startRecording();
    await fleet.settled();
    await fleet.stop();
    const statuses = (await app.http.inject({ method: 'GET', url: '/api/cameras/status', headers: supervisor })).json<
      { cameraId: string; state: string; reason?: string }[]
    >();
    expect(statuses.find((s) => s.cameraId === id)).toMatchObject({
      state: 'disabled',
      reason: expect.stringMatching(/authorisation/) as unknown,
    });
    await app.http.inject({ method: 'DELETE', url: `/api/cameras/${id}`, headers: supervisor });
  });

  it('serves nothing older than the camera retention, even before the purge ran', async () => {
    expect(await readable(expiredEnd)).toEqual({ ranges: 0, playback: 404, export: 404 });
    expect(await readable(recentEnd)).toEqual({ ranges: 1, playback: 201, export: 201 });
  });

  it('refuses an expired segment asked by id through an open playback session', async () => {
    const opened = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/playback`,
      headers: supervisor,
      payload: {
        from: new Date(recentEnd.getTime() - 60_000).toISOString(),
        to: recentEnd.toISOString(),
        reason: 'Recent range',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { playlistUrl } = opened.json<{ playlistUrl: string }>();
    const playlist = (await app.http.inject({ method: 'GET', url: playlistUrl, headers: supervisor })).body;
    expect(playlist.match(/^segments\/\d+\.mp4$/gm)).toHaveLength(1);
    const ids = await indexed();
    const oldId = ids.find((entry) => entry.key === expired.key)?.id ?? '';
    const old = await app.http.inject({
      method: 'GET',
      url: playlistUrl.replace('index.m3u8', `segments/${oldId}.mp4`),
      headers: supervisor,
    });
    expect(old.statusCode).toBe(404);
  });

  it('keeps expired footage a citizen’s access request covers until the request is answered (R4, R15)', async () => {
    const [date, end] = parisDateTime(new Date(expiredEnd.getTime() + 60_000));
    const [, start] = parisDateTime(new Date(expiredEnd.getTime() - 120_000));
    const filed = await app.http.inject({
      method: 'POST',
      url: '/api/access-requests',
      payload: {
        date,
        from: start,
        to: end,
        cameraId,
        description: 'Red coat, black umbrella, walking towards the station',
        contact: { name: 'A. Citizen', email: 'citizen@example.org' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const held = await app.purge.run();
    expect(held).toEqual([expect.objectContaining({ cameraId, segments: 0, held: 1 })]);
    expect(await exists(join(app.mediaDir, 'recordings', expired.key))).toBe(true);
    const requestId = (await app.http.inject({ method: 'GET', url: '/api/access-requests', headers: dpo })).json<
      { id: string }[]
    >()[0]?.id;
    const rejected = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${requestId ?? ''}/status`,
      headers: dpo,
      payload: { status: 'rejected', reason: 'The person could not be identified in the footage.' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
  });

  it('purges expired segments from storage and index, with an audit entry, and keeps the rest', async () => {
    const reports = await app.purge.run();
    expect(reports).toEqual([expect.objectContaining({ cameraId, segments: 1 })]);
    expect(await exists(join(app.mediaDir, 'recordings', expired.key))).toBe(false);
    expect(await exists(join(app.mediaDir, 'recordings', recent.key))).toBe(true);
    expect((await indexed()).map((s) => s.key)).toEqual([recent.key]);
    const trail = (
      await app.http.inject({ method: 'GET', url: '/api/audit?action=recording.purged', headers: dpo })
    ).json<{ cameraId: string; details: { segments: number } }[]>();
    expect(trail).toEqual([
      expect.objectContaining({ cameraId, details: expect.objectContaining({ segments: 1 }) as unknown }),
    ]);
  });

  it('hides footage at once when the retention is shortened, and the next purge deletes it', async () => {
    const patched = await app.http.inject({
      method: 'PATCH',
      url: `/api/cameras/${cameraId}`,
      headers: supervisor,
      payload: { retentionDays: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await readable(recentEnd)).toEqual({ ranges: 0, playback: 404, export: 404 });
    await app.purge.run();
    expect(await exists(join(app.mediaDir, 'recordings', recent.key))).toBe(false);
    expect(await indexed()).toEqual([]);
  });
});
