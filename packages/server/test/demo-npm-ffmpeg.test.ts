import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '@vigie/media';
import { loadConfig, startServer, type RunningServer } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { probe } from '../../media/test/support/probe.js';
import { loginAs, testPasswordCost, type SessionHeaders } from './support.js';

// A fresh machine has only what npm brings: the 2018 static ffmpeg of @ffmpeg-installer.
const shipped = locateFfmpeg({ PATH: '' });
const dataDir = await mkdtemp(join(tmpdir(), 'vigie-npm-ffmpeg-'));

interface DemoCamera {
  id: string;
  name: string;
  purposes: string[];
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("the demo on the npm-shipped ffmpeg alone (README's npm start on a fresh machine)", () => {
  let server: RunningServer;
  let headers: SessionHeaders;
  let cameras: DemoCamera[];

  beforeAll(async () => {
    expect(shipped.source).toBe('bundled');
    vi.stubEnv('FFMPEG_PATH', shipped.path);
    server = await startServer(
      loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' }),
      { passwordCost: testPasswordCost },
    );
    headers = await loginAs(server.app, ['supervisor']);
    cameras = (await server.app.http.inject({ method: 'GET', url: '/api/cameras', headers })).json<DemoCamera[]>();
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records every demo camera: all online, each with recorded video', async () => {
    expect(cameras.length).toBe(5);
    await until('every demo camera online with 4 s recorded', async () => {
      const to = new Date();
      const from = new Date(to.getTime() - 3_600_000);
      for (const camera of cameras) {
        const response = await server.app.http.inject({
          method: 'GET',
          url: `/api/cameras/${camera.id}/recordings?from=${from.toISOString()}&to=${to.toISOString()}`,
          headers,
        });
        const { ranges } = response.json<{ ranges: { start: string; end: string }[] }>();
        const seconds = ranges.reduce((sum, r) => sum + (Date.parse(r.end) - Date.parse(r.start)) / 1000, 0);
        if (seconds < 4) return undefined;
      }
      return true;
    });
    const statuses = (await server.app.http.inject({ method: 'GET', url: '/api/cameras/status', headers })).json<
      { state: string }[]
    >();
    expect(statuses.map((s) => s.state)).toEqual(cameras.map(() => 'online'));
  }, 90_000);

  it('exports a recorded range as a playable MP4', async () => {
    const camera = cameras.find((c) => c.name !== '') as DemoCamera;
    const to = new Date(Date.now() - 1_000);
    const from = new Date(to.getTime() - 3_000);
    const created = await server.app.http.inject({
      method: 'POST',
      url: `/api/cameras/${camera.id}/exports`,
      headers,
      payload: {
        from: from.toISOString(),
        to: to.toISOString(),
        purpose: camera.purposes[0],
        reason: 'Fresh-machine check of the export',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const video = await server.app.http.inject({ method: 'GET', url: `/api/exports/${id}/video.mp4`, headers });
    expect(video.statusCode).toBe(200);
    const path = join(dataDir, 'export.mp4');
    await writeFile(path, video.rawPayload);
    const media = await probe(path);
    expect(media.streams.map((s) => s.codec_type)).toEqual(['video']);
    expect(media.duration).toBeGreaterThan(1);
  });
});
