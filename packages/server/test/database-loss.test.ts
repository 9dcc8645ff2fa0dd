import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VigieDatabase } from '@vigie/db';
import { openFreshPostgresWithUrl, queryTestServer } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const admin = queryTestServer;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a vigie server whose PostgreSQL connections are killed (red team: DB connection loss)', () => {
  let fresh: { database: VigieDatabase; url: string };
  let name: string;
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    fresh = await openFreshPostgresWithUrl();
    name = new URL(fresh.url).pathname.slice(1);
    dataDir = await mkdtemp(join(tmpdir(), 'vigie-db-loss-'));
    server = await startServerProcess({ DATABASE_URL: fresh.url, VIGIE_DATA_DIR: dataDir });
  }, 180_000);
  afterAll(async () => {
    await admin(`alter database ${name} with allow_connections true`).catch(() => undefined);
    if (server?.alive()) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await fresh?.database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps serving while every backend is terminated 20 times under load: only 503s, never a crash or a 500', async () => {
    const statuses = new Map<number, number>();
    let loading = true;
    const load = (async () => {
      while (loading) {
        const responses = await Promise.all([
          fetch(`${server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'nobody', password: 'not the password' }),
          }),
          fetch(`${server.url}/api/transparency`),
          fetch(`${server.url}/api/health`),
        ]).catch(() => []);
        for (const response of responses) {
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 503) {
            const body = (await response.json()) as { error?: { code: string }; status?: string };
            expect(body.error?.code ?? body.status).toMatch(/^(DATABASE_UNAVAILABLE|degraded)$/);
          } else await response.arrayBuffer();
        }
      }
    })();
    let rounds = 0;
    for (; rounds < 20 && server.alive(); rounds += 1) {
      await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await sleep(300);
    }
    loading = false;
    await load;
    expect(server.alive(), server.stderr()).toBe(true);
    expect(rounds).toBe(20);
    const codes = [...statuses.keys()].sort();
    expect(codes.filter((code) => code >= 500 && code !== 503)).toEqual([]);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(server.stderr()).toContain('database connection lost');
  }, 120_000);

  it('reports degraded health and coded 503s while the database refuses connections, then recovers by itself', async () => {
    await admin(`alter database ${name} with allow_connections false`);
    await admin('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: 'postgres' });
    const page = await fetch(`${server.url}/api/transparency`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    await admin(`alter database ${name} with allow_connections true`);
    const back = await fetch(`${server.url}/api/health`);
    expect(await back.json()).toEqual({ status: 'ok', database: 'postgres' });
    expect((await fetch(`${server.url}/api/transparency`)).status).toBe(200);
    expect(server.alive()).toBe(true);
  }, 60_000);
});
