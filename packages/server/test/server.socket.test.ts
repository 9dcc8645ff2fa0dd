import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, startServer, type RunningServer } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cameraBody, loginAs, seedDemoClips, testPasswordCost, type SessionHeaders } from './support.js';

const dataDir = await mkdtemp(join(tmpdir(), 'vigie-server-'));
const config = () =>
  loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_DEMO: 'true', VIGIE_LOG_LEVEL: 'silent' });

describe('server over a real socket, embedded database on disk', () => {
  let server: RunningServer;
  let headers: SessionHeaders;
  beforeAll(async () => {
    // The demo's clips copied, not drawn (demo-clips and demo-npm-ffmpeg draw theirs); the database starts empty.
    await seedDemoClips(dataDir);
    server = await startServer(config(), { passwordCost: testPasswordCost });
    headers = await loginAs(server.app, ['supervisor']);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the demo cameras, whose clips exist on disk, with the demo API token and not without', async () => {
    expect((await fetch(`${server.url}/api/cameras`)).status).toBe(401);
    const token = await readFile(join(dataDir, 'demo-token'), 'utf8');
    const response = await fetch(`${server.url}/api/cameras`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const cameras = (await response.json()) as { name: string; sourceUrl: string; masks: unknown[] }[];
    expect(cameras.length).toBe(5);
    for (const camera of cameras) {
      expect(camera.sourceUrl).toMatch(/^file:\/\//);
      expect(existsSync(fileURLToPath(camera.sourceUrl))).toBe(true);
    }
    expect(cameras.some((c) => c.masks.length > 0)).toBe(true);
  });

  it('pushes camera changes to WebSocket subscribers', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/api/events`, {
      headers: { cookie: headers.cookie },
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    // Camera status changes are pushed too (the demo cameras are recording): wait for the creation.
    const received = new Promise<{ type: string; camera: { name: string } }>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const event = JSON.parse(data.toString()) as { type: string; camera: { name: string } };
        if (event.type === 'camera.created') resolve(event);
      }),
    );
    const response = await fetch(`${server.url}/api/cameras`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(cameraBody({ name: 'Poussée' })),
    });
    expect(response.status).toBe(201);
    await expect(received).resolves.toMatchObject({ type: 'camera.created', camera: { name: 'Poussée' } });
    socket.close();
  });

  it('serves an OpenAPI document describing the camera routes and their error format', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/cameras', '/api/cameras/{id}']));
    expect(doc.paths['/api/cameras']?.['post']?.responses).toHaveProperty('400');
  });

  it('refuses a second server on the same embedded database, saying what to do', async () => {
    await expect(startServer(config(), { passwordCost: testPasswordCost })).rejects.toThrow(
      /in use by process \d+\. Stop that Vigie server first/,
    );
  });

  it('keeps its data across a restart and does not seed the demo twice', async () => {
    await server.close();
    server = await startServer(config(), { passwordCost: testPasswordCost });
    headers = await loginAs(server.app, ['supervisor']);
    const cameras = (await (await fetch(`${server.url}/api/cameras`, { headers })).json()) as { name: string }[];
    expect(cameras.map((c) => c.name)).toContain('Poussée');
    expect(cameras.length).toBe(6);
  });
});
