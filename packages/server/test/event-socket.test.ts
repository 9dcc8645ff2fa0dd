import { testEngines } from '@vigie/db/testing';
import { PushEventSchema, type PushEvent } from '@vigie/server';
import Value from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const engine = testEngines[0];

/** The camera an event concerns. */
function cameraOf(event: PushEvent): string {
  if ('camera' in event) return event.camera.id;
  if ('alert' in event) return event.alert.cameraId;
  if ('incident' in event) return event.incident.cameraIds[0] ?? '';
  return event.cameraId;
}

describe('the event WebSocket, with several identities (red team: socket leaks)', () => {
  let app: TestApp;
  let base: string;
  let supervisor: SessionHeaders;
  const ids: Record<'A' | 'C' | 'D', string> = { A: '', C: '', D: '' };
  const all: WebSocket[] = [];
  const connect = (headers: Record<string, string> = {}): WebSocket => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/events`, { headers });
    socket.on('error', () => undefined); // refused upgrades are asserted through 'unexpected-response'
    all.push(socket);
    return socket;
  };

  const open = async (headers: Record<string, string>): Promise<{ socket: WebSocket; received: PushEvent[] }> => {
    const socket = connect(headers);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const received: PushEvent[] = [];
    socket.on('message', (data: Buffer) => received.push(JSON.parse(data.toString()) as PushEvent));
    return { socket, received };
  };

  beforeAll(async () => {
    if (engine === undefined) throw new Error('no test engine');
    app = await openTestApp(engine);
    base = await app.http.listen({ host: '127.0.0.1', port: 0 });
    supervisor = await loginAs(app, ['supervisor']);
    for (const name of ['A', 'C', 'D'] as const) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: supervisor,
        payload: cameraBody({ name: `Caméra ${name}` }),
      });
      ids[name] = created.json<{ id: string }>().id;
    }
  });
  afterAll(async () => {
    for (const socket of all) socket.terminate();
    await app?.close();
  });

  it('an operator assigned camera C never receives events of A or D; DPO and administrator receive no alert', async () => {
    const operator = await loginAs(app, ['operator']);
    const account = (await app.users.list()).find((u) => u.roles.includes('operator'));
    await app.users.assignCameras({
      username: account?.username ?? '',
      cameraIds: [ids.C],
      actor: { actorName: 'test setup' },
    });
    const sockets = {
      operator: await open({ cookie: operator.cookie }),
      supervisor: await open({ cookie: supervisor.cookie }),
      dpo: await open({ cookie: (await loginAs(app, ['dpo'])).cookie }),
      admin: await open({ cookie: (await loginAs(app, ['admin'])).cookie }),
    };
    for (const name of ['A', 'D', 'C'] as const) {
      await app.alerts.cameraOffline(ids[name], 'stream lost');
      await app.alerts.cameraBackOnline(ids[name]);
    }
    for (const name of ['A', 'D', 'C'] as const) {
      const patched = await app.http.inject({
        method: 'PATCH',
        url: `/api/cameras/${ids[name]}`,
        headers: supervisor,
        payload: { name: `Caméra ${name} renommée` },
      });
      expect(patched.statusCode).toBe(200);
    }
    // The last event (camera C renamed) reaches every socket: all that comes before it has arrived too.
    for (const { received } of Object.values(sockets)) {
      await expect
        .poll(() => received.some((e) => e.type === 'camera.updated' && e.camera.id === ids.C), { timeout: 10_000 })
        .toBe(true);
    }
    const violations: string[] = [];
    for (const event of sockets.operator.received)
      if (cameraOf(event) !== ids.C) violations.push(`operator of C got ${event.type} of another camera`);
    for (const role of ['dpo', 'admin'] as const)
      for (const event of sockets[role].received)
        if (event.type.startsWith('alert.')) violations.push(`${role} got ${event.type}`);
    expect(violations).toEqual([]);
    expect(sockets.operator.received.filter((e) => e.type.startsWith('alert.')).length).toBeGreaterThan(0);
    const supervisorSaw = new Set(sockets.supervisor.received.map(cameraOf));
    expect(supervisorSaw).toEqual(new Set([ids.A, ids.C, ids.D]));
    expect(sockets.supervisor.received.filter((e) => e.type === 'alert.opened').length).toBe(3);
    // Every message is what the API document's PushEvent, the console's generated type, says it is.
    const malformed = sockets.supervisor.received
      .map((event) => ({ type: event.type, errors: Value.Errors(PushEventSchema, event).slice(0, 2) }))
      .filter(({ errors }) => errors.length > 0);
    expect(malformed).toEqual([]);
    for (const { socket } of Object.values(sockets)) socket.close();
  });

  it('refuses a socket opened from a foreign Origin, accepts the console own origin', async () => {
    const foreign = connect({ cookie: supervisor.cookie, origin: 'http://evil.example' });
    const status = await new Promise<number>((resolve) => {
      foreign.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      foreign.once('open', () => resolve(101));
    });
    expect(status).toBe(403);
    const own = await open({ cookie: supervisor.cookie, origin: base });
    own.socket.close();
  });

  it('refuses a socket without a session', async () => {
    const anonymous = connect();
    const status = await new Promise<number>((resolve) => {
      anonymous.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      anonymous.once('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });
});
