import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { LocalDiskStorage } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { accessRecheckMs } from '../src/auth/recent-access.js';
import {
  authorise,
  cameraBody,
  habilitate,
  loginAs,
  openTestApp,
  storeTestSegment,
  type SessionHeaders,
  type TestApp,
} from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-segment-access-'));
const clip = await renderTestClip({ dir, seconds: 4 });
afterAll(() => rm(dir, { recursive: true, force: true }));

const day = 24 * 3_600_000;

/** A clock the test moves by hand. */
class MovableClock implements Clock {
  #ms = Date.now();
  now(): Date {
    return new Date(this.#ms);
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

// A player asks for several segments a second: their access checks are reused for a few seconds (issue 11). These
// tests hold what that may never weaken: a change made through the API applies to the very next segment, any other
// change within `accessRecheckMs`, and nothing past retention is served whatever a playlist listed.
describe.each(testEngines)('segment requests of an open viewing session on $name', (engine) => {
  const clock = new MovableClock();
  let app: TestApp;
  let admin: SessionHeaders;
  let cameraId: string;

  /** An operator assigned the camera, with an API token (a token does not lock when the clock moves). */
  async function operator(): Promise<{ userId: string; headers: Record<string, string> }> {
    const username = `segment-operator-${Math.random().toString(36).slice(2, 8)}`;
    const actor = { actorName: 'test setup' };
    const created = await app.users.create(
      { username, displayName: username, roles: ['operator'], password: 'correct horse battery staple' },
      { now: clock.now(), actor },
    );
    await habilitate(app, username, ['operator']);
    await app.users.setCameras({ userId: created.account.id, cameraIds: [cameraId], actor });
    const token = await app.users.createToken({ username, name: 'test', now: clock.now(), actor });
    return { userId: created.account.id, headers: { authorization: `Bearer ${token}` } };
  }

  /** Opens a playback of the stored minute and fetches its playlist; returns its segments' URLs. */
  async function playback(headers: Record<string, string>): Promise<string[]> {
    const end = clock.now().getTime() - 40_000;
    const opened = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/playback`,
      headers,
      payload: {
        from: new Date(end - 30_000).toISOString(),
        to: new Date(end).toISOString(),
        reason: 'Checking segment access',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { playlistUrl } = opened.json<{ playlistUrl: string }>();
    const playlist = await app.http.inject({ method: 'GET', url: `/api/${playlistUrl.slice(5)}`, headers });
    expect(playlist.statusCode, playlist.body).toBe(200);
    const base = playlistUrl.slice(0, playlistUrl.lastIndexOf('/') + 1);
    const segments = playlist.body.split('\n').filter((line) => line.startsWith('segments/'));
    expect(segments.length).toBeGreaterThanOrEqual(3);
    return segments.map((uri) => `${base}${uri}`);
  }

  /** Asks for the first bytes of a segment; returns the status and, when refused, the error code. */
  async function fetchSegment(url: string, headers: Record<string, string>): Promise<[number, string]> {
    const response = await app.http.inject({ method: 'GET', url, headers: { ...headers, range: 'bytes=0-99' } });
    return [
      response.statusCode,
      response.statusCode === 206
        ? `${response.rawPayload.length} bytes`
        : response.json<{ error: { code: string } }>().error.code,
    ];
  }

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    admin = await loginAs(app, ['admin']);
    const supervisor = await loginAs(app, ['supervisor']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ retentionDays: 7, enabled: false }),
    });
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId, { now: clock.now() });
    const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    for (let n = 0; n < 6; n++) {
      await storeTestSegment(
        { app, storage, scratch: dir },
        cameraId,
        clip,
        new Date(clock.now().getTime() - 70_000 + n * 4000),
      );
    }
  });
  afterAll(() => app?.close());

  it('serves the listed segments, and stops at once when the camera is withdrawn through the API', async () => {
    const { userId, headers } = await operator();
    const [first = '', second = ''] = await playback(headers);
    expect(await fetchSegment(first, headers)).toEqual([206, '100 bytes']);
    const withdrawn = await app.http.inject({
      method: 'PUT',
      url: `/api/users/${userId}/cameras`,
      headers: admin,
      payload: { cameraIds: [] },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await fetchSegment(second, headers)).toEqual([404, 'CAMERA_NOT_FOUND']);
  });

  it('stops within the recheck period when the camera is withdrawn another way (another server, the command line)', async () => {
    const { userId, headers } = await operator();
    const [first = '', second = ''] = await playback(headers);
    expect(await fetchSegment(first, headers)).toEqual([206, '100 bytes']);
    await app.users.setCameras({ userId, cameraIds: [], actor: { actorName: 'command line' } });
    clock.advance(accessRecheckMs);
    expect(await fetchSegment(second, headers)).toEqual([404, 'CAMERA_NOT_FOUND']);
  });

  it('refuses the next segment at once after a logout', async () => {
    const session = await loginAs(app, ['supervisor']);
    const [first = '', second = ''] = await playback(session);
    expect(await fetchSegment(first, session)).toEqual([206, '100 bytes']);
    const out = await app.http.inject({ method: 'POST', url: '/api/auth/logout', headers: session });
    expect(out.statusCode, out.body).toBe(204);
    expect(await fetchSegment(second, session)).toEqual([401, 'AUTHENTICATION_REQUIRED']);
  });

  it('never serves a listed segment past the camera retention', async () => {
    const { headers } = await operator();
    const [first = '', second = ''] = await playback(headers);
    expect(await fetchSegment(first, headers)).toEqual([206, '100 bytes']);
    clock.advance(7 * day + 60_000);
    expect(await fetchSegment(second, headers)).toEqual([404, 'NO_RECORDING']);
  });
});
