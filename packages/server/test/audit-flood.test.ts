import { randomUUID } from 'node:crypto';
import type { Clock } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support.js';

describe.each(testEngines)('refusals anyone can provoke on $name', (engine) => {
  let now = new Date('2026-11-30T10:00:00.000Z');
  const clock: Clock = { now: () => now };
  let app: TestApp;
  const deniedEntries = async () =>
    await app.database.db
      .selectFrom('audit_log')
      .select(['source', 'details'])
      .where('action', '=', 'access.denied')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('audit 1,800 snapshot requests from one address as one entry and one summary with the count', async () => {
    const url = `/api/cameras/${randomUUID()}/snapshot.jpg`;
    for (let n = 0; n < 1_800; n += 1) {
      const response = await app.http.inject({ method: 'GET', url, remoteAddress: '203.0.113.9' });
      expect(response.statusCode).toBe(401);
      if (n === 900) now = new Date(now.getTime() + 30_000);
    }
    expect(await deniedEntries()).toHaveLength(1);
    now = new Date(now.getTime() + 31_000);
    await app.refusals.flush();
    const entries = await deniedEntries();
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({
      source: '203.0.113.9',
      details: { coalesced: 1_799, routes: { 'GET /api/cameras/:id/snapshot.jpg': 1_799 } },
    });
  });

  it('names each address apart, and opens a new window after the minute', async () => {
    const before = (await deniedEntries()).length;
    const url = `/api/cameras/${randomUUID()}/snapshot.jpg`;
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.1'])
      await app.http.inject({ method: 'GET', url, remoteAddress: address });
    now = new Date(now.getTime() + 61_000);
    await app.http.inject({ method: 'GET', url, remoteAddress: '198.51.100.1' });
    await app.refusals.flush({ all: true });
    const added = (await deniedEntries()).slice(before);
    expect(added.map((e) => [e.source, (e.details as { coalesced?: number } | null)?.coalesced ?? 0])).toEqual([
      ['198.51.100.1', 0],
      ['198.51.100.2', 0],
      ['198.51.100.1', 1],
      ['198.51.100.1', 0],
    ]);
  });

  it('audit failed logins of unknown users per address, and addresses beyond 50 a minute together', async () => {
    const failed = async () =>
      app.database.db
        .selectFrom('audit_log')
        .select(['actor_name', 'source', 'details'])
        .where('action', '=', 'auth.login_failed')
        .orderBy('seq')
        .execute();
    const login = (username: string, address: string) =>
      app.http.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'not a password at all' },
        remoteAddress: address,
      });
    for (let n = 0; n < 5; n += 1) expect((await login(`guess-${n}`, '192.0.2.50')).statusCode).toBe(401);
    for (let n = 0; n < 300; n += 1) await login('admin', `2001:db8::${n.toString(16)}`);
    now = new Date(now.getTime() + 61_000);
    await app.refusals.flush();
    const entries = await failed();
    // 1 + 1 summary for the first address, 49 more named addresses, 1 + 1 summary for the 251 others.
    expect(entries).toHaveLength(53);
    expect(entries.every((e) => e.actor_name === 'anonymous')).toBe(true);
    expect(entries[0]?.details).toEqual({ why: 'unknown user', username: 'guess-0' });
    expect(
      entries.find((e) => e.source === '192.0.2.50' && e.details?.['coalesced'] !== undefined)?.details,
    ).toMatchObject({
      coalesced: 4,
      usernames: { 'guess-1': 1, 'guess-2': 1, 'guess-3': 1, 'guess-4': 1 },
    });
    expect(entries.at(-1)).toMatchObject({
      source: 'other sources',
      details: { coalesced: 250, usernames: { admin: 250 } },
    });
  });
});
