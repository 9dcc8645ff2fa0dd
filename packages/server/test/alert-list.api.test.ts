import type { CameraInput } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array<number>(64).fill(7)]);

describe.each(testEngines)('the alert list and statistics on $name', (engine) => {
  let app: TestApp;
  let operator: SessionHeaders;
  let supervisor: SessionHeaders;
  let assigned: string;
  let notAssigned: string;
  // The statistics window, set around the alerts when they are raised (not when the file loads: the second engine's
  // alerts come minutes later on a loaded machine).
  let from: string;
  let to: string;

  beforeAll(async () => {
    app = await openTestApp(engine);
    supervisor = await loginAs(app, ['supervisor']);
    operator = await loginAs(app, ['operator']);
    const camera = (name: string) =>
      app.cameras.create(cameraBody({ name }) as unknown as CameraInput, { actorName: 'test setup' }).then((c) => c.id);
    assigned = await camera('Assigned');
    notAssigned = await camera('Not assigned');
    const me = await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: operator });
    await app.users.assignCameras({
      username: me.json<{ username: string }>().username,
      cameraIds: [assigned],
      actor: { actorName: 'test setup' },
    });
    const now = Date.now();
    from = new Date(now - 3_600_000).toISOString();
    to = new Date(now + 60_000).toISOString();
    for (let n = 0; n < 7; n += 1)
      await app.alerts.raise({
        cameraId: assigned,
        type: 'intrusion',
        severity: n % 3 === 0 ? 'high' : 'low',
        message: `assigned ${n}`,
        openedAt: new Date(now - n * 1000),
        clip: { from: new Date(now - n * 1000 - 5000), to: new Date(now - n * 1000 + 5000) },
        snapshot: jpeg,
      });
    for (let n = 0; n < 3; n += 1)
      await app.alerts.raise({
        cameraId: notAssigned,
        type: 'wrong_way',
        severity: 'high',
        message: `other ${n}`,
        openedAt: new Date(now - n * 1000),
        clip: { from: new Date(now - 5000), to: new Date(now + 5000) },
      });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('pages the queue with a cursor, most severe first, without images, each alert once', async () => {
    const messages: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const response = await app.http.inject({
        method: 'GET',
        url: `/api/alerts?limit=3${cursor === undefined ? '' : `&cursor=${cursor}`}`,
        headers: operator,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain('/9j/'); // no base64 JPEG in a list
      const page = response.json<{ message: string; severity: string; hasSnapshot: boolean }[]>();
      expect(page.every((a) => a.hasSnapshot)).toBe(true);
      messages.push(...page.map((a) => a.message));
      cursor = response.headers['x-next-cursor'] as string | undefined;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(messages).toEqual([
      'assigned 0',
      'assigned 3',
      'assigned 6',
      'assigned 1',
      'assigned 2',
      'assigned 4',
      'assigned 5',
    ]);
    expect(pages).toBe(3);
  });

  it('refuses a cursor the list did not give', async () => {
    const response = await app.http.inject({ method: 'GET', url: '/api/alerts?cursor=9_1_x', headers: operator });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });

  it('gives an operator the statistics of their cameras only, a supervisor those of every camera', async () => {
    const stats = async (headers: SessionHeaders) => {
      const response = await app.http.inject({
        method: 'GET',
        url: `/api/stats/alerts?from=${from}&to=${to}`,
        headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ type: string; total: number }[]>().map((s) => [s.type, s.total]);
    };
    expect(await stats(operator)).toEqual([['intrusion', 7]]);
    expect(await stats(supervisor)).toEqual([
      ['intrusion', 7],
      ['wrong_way', 3],
    ]);
  });
});
