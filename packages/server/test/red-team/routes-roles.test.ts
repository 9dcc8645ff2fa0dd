import { roles, rolesGrant, type Permission, type Role } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import type { PushEvent } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cameraBody, loginAs, openTestApp, type TestApp } from '../support.js';
import { walkRoutes, type Caller } from '../support/route-walk.js';

// Issue 10, red team: every route × every identity against the role matrix of core, then the event socket.
describe.each(testEngines)('red team: routes × roles and the event socket on $name', (engine) => {
  let app: TestApp;
  let base: string;
  const sessions = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    app = await openTestApp(engine);
    base = await app.http.listen({ host: '127.0.0.1', port: 0 });
    sessions.set('anonymous', {});
    for (const role of roles) sessions.set(role, await loginAs(app, [role]));
  });
  afterAll(() => app?.close());

  it('answers every API route to every identity as the permission matrix says', async () => {
    // The walk ends with logout: it runs on sessions of its own, so the socket test keeps its own.
    const walkers = new Map<Caller, Record<string, string>>([['anonymous', {}]]);
    for (const role of roles) walkers.set(role, await loginAs(app, [role]));
    const result = await walkRoutes(app, walkers);
    console.log(
      `red team (${engine.name}): ${result.routes} routes × ${walkers.size} identities = ${result.requests} requests, ${result.violations.length} violations`,
    );
    expect(result.requests).toBe(result.routes * walkers.size);
    expect(result.violations).toEqual([]);
  });

  it('pushes each identity only the events its permissions and camera assignments allow', async () => {
    const supervisor = sessions.get('supervisor') ?? {};
    const cameras: string[] = [];
    for (const name of ['Nord', 'Sud']) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: supervisor,
        payload: cameraBody({ name: `Red team ${name}` }),
      });
      cameras.push(created.json<{ id: string }>().id);
    }
    const [north, south] = cameras as [string, string];
    // One more identity: an operator assigned the north camera only.
    const assigned = await loginAs(app, ['operator']);
    const me = await app.http.inject({ method: 'GET', url: '/api/auth/me', headers: assigned });
    await app.users.assignCameras({
      username: me.json<{ username: string }>().username,
      cameraIds: [north],
      actor: { actorName: 'red team' },
    });
    const identities: {
      name: string;
      role: Role;
      cameras: readonly string[] | 'all';
      headers: Record<string, string>;
    }[] = [
      ...roles.map((role) => ({ name: role, role, cameras: 'all' as const, headers: sessions.get(role) ?? {} })),
      { name: 'operator of Nord', role: 'operator', cameras: [north], headers: assigned },
    ];
    // An operator without assignment sees no camera at all: the matrix's operator with no camera.
    const seen = (identity: (typeof identities)[number], camera: string) =>
      identity.role !== 'operator' || (identity.cameras !== 'all' && identity.cameras.includes(camera));
    const sockets = await Promise.all(
      identities.map(async (identity) => {
        const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers: identity.headers });
        const received: PushEvent[] = [];
        const status = await new Promise<number>((resolve) => {
          socket.once('open', () => resolve(101));
          socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
          socket.once('error', () => resolve(0));
        });
        socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as PushEvent));
        return { identity, socket, status, received };
      }),
    );
    const anonymous = new WebSocket(`${base.replace('http', 'ws')}/api/events`);
    const anonymousStatus = await new Promise<number>((resolve) => {
      anonymous.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      anonymous.once('open', () => resolve(101));
      anonymous.once('error', () => undefined);
    });
    anonymous.terminate();

    for (const camera of [north, south]) await app.alerts.cameraOffline(camera, 'red team: stream cut');
    for (const camera of [south, north]) {
      await app.http.inject({
        method: 'PATCH',
        url: `/api/cameras/${camera}`,
        headers: supervisor,
        payload: { heading: 90 },
      });
    }
    // What each identity should have had, it had: two alerts and two camera changes at most, per the matrix. Waited
    // for: alerts and camera changes reach the sockets on their own paths, not necessarily in the order they were made.
    const needs = (event: PushEvent): { permission: Permission; camera: string } =>
      event.type === 'alert.opened' || event.type === 'alert.updated'
        ? { permission: 'alert:read', camera: event.alert.cameraId }
        : { permission: 'camera:read', camera: 'camera' in event ? event.camera.id : '' };
    const missingNow = () =>
      sockets.flatMap(({ identity, received }) =>
        [north, south].flatMap((camera) =>
          (['alert:read', 'camera:read'] as const)
            .filter((permission) => rolesGrant([identity.role], permission) && seen(identity, camera))
            .filter(
              (permission) => !received.some((e) => needs(e).permission === permission && needs(e).camera === camera),
            )
            .map((permission) => `${identity.name} missed ${permission} of ${camera === north ? 'Nord' : 'Sud'}`),
        ),
      );
    await expect.poll(missingNow, { timeout: 60_000 }).toEqual([]);
    const missing = missingNow();

    const violations: string[] = [];
    let delivered = 0;
    for (const { identity, received, status } of sockets) {
      // A role reading neither cameras nor alerts (the public) has no socket to open.
      const expected =
        rolesGrant([identity.role], 'camera:read') || rolesGrant([identity.role], 'alert:read') ? 101 : 403;
      if (status !== expected) violations.push(`${identity.name}: socket answered ${status}, expected ${expected}`);
      for (const event of received) {
        delivered += 1;
        const { permission, camera } = needs(event);
        if (!rolesGrant([identity.role], permission) || !seen(identity, camera))
          violations.push(`${identity.name} received ${event.type} of ${camera === north ? 'Nord' : 'Sud'}`);
      }
    }
    console.log(
      `red team socket (${engine.name}): ${sockets.length} identities + anonymous (${anonymousStatus}), ${delivered} events delivered, ${violations.length} violations, ${missing.length} missed`,
    );
    expect(anonymousStatus).toBe(401);
    expect(violations).toEqual([]);
    expect(missing).toEqual([]);
    for (const { socket } of sockets) socket.close();
  }, 120_000);
});
