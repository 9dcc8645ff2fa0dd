import { roles, type Role } from '@vigie/core';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, openTestApp, type TestApp } from './support.js';
import { expectedStatus, walkRoutes } from './support/route-walk.js';

// Who may call each route of the legal features (issue 4), spelled out: a change to the role
// matrix or to a route's declared rule that alters who gets in fails here.
const everyone = ['anonymous', 'operator', 'supervisor', 'dpo', 'admin', 'public'];
const intendedCallers: Record<string, readonly string[]> = {
  'GET /api/cameras/:id/registry': ['supervisor', 'dpo', 'admin'],
  'PUT /api/cameras/:id/registry': ['dpo'],
  'GET /api/cameras/:id/registry/signage-photo': ['supervisor', 'dpo', 'admin'],
  'PUT /api/cameras/:id/registry/signage-photo': ['dpo'],
  'POST /api/access-requests': everyone,
  'GET /api/access-requests': ['dpo'],
  'GET /api/access-requests/:id': ['dpo'],
  'POST /api/access-requests/:id/status': ['dpo'],
  'POST /api/access-requests/:id/ranges': ['dpo'],
  'PATCH /api/access-requests/:id/ranges/:rangeId': ['dpo'],
  'GET /api/analysis-authorisations': ['supervisor', 'dpo', 'admin'],
  'POST /api/analysis-authorisations': ['dpo'],
  'GET /api/models': ['supervisor', 'dpo', 'admin'],
  'POST /api/models': ['dpo'],
  'GET /api/transparency': everyone,
  'GET /api/transparency.geojson': everyone,
  'GET /api/compliance/checklist': ['supervisor', 'dpo', 'admin'],
  'GET /api/compliance/record-of-processing': ['supervisor', 'dpo', 'admin'],
  'GET /api/compliance/record-of-processing.html': ['supervisor', 'dpo', 'admin'],
  'GET /api/compliance/retention': ['supervisor', 'dpo', 'admin'],
  'GET /api/compliance/retention.html': ['supervisor', 'dpo', 'admin'],
  'GET /api/incidents': ['operator', 'supervisor'],
  'GET /api/incidents/:id': ['operator', 'supervisor'],
  'POST /api/incidents/:id/actions': ['operator', 'supervisor'],
  'GET /api/incidents/:id/report.html': ['operator', 'supervisor'],
  'GET /api/incident-types': ['operator', 'supervisor'],
  'PUT /api/incident-types/:id': ['supervisor'],
};

describe.each(testEngines)('every route × every role on $name', (engine) => {
  let app: TestApp;
  const sessions = new Map<Role | 'anonymous', Record<string, string>>();

  beforeAll(async () => {
    app = await openTestApp(engine);
    sessions.set('anonymous', {});
    for (const role of roles) sessions.set(role, await loginAs(app, [role]));
  });
  afterAll(() => app?.close());

  it('declares an access rule on every API route (a new route without one fails here)', () => {
    const api = app.routes.filter((r) => r.url.startsWith('/api'));
    expect(api.length).toBeGreaterThan(8);
    const undeclared = api.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps account administration to the administrator and the console settings public', () => {
    const rule = (method: string, url: string) => app.routes.find((r) => r.method === method && r.url === url)?.access;
    expect(rule('GET', '/api/users')).toBe('user:manage');
    expect(rule('POST', '/api/users')).toBe('user:manage');
    expect(rule('PUT', '/api/users/:id/cameras')).toBe('user:manage');
    expect(rule('GET', '/api/console/settings')).toBe('public');
  });

  it('lets exactly the intended callers reach the registry, access-request, transparency and compliance routes', () => {
    const declared = new Map(app.routes.map((r) => [`${r.method} ${r.url}`, r.access ?? '']));
    for (const [route, callers] of Object.entries(intendedCallers)) {
      const access = declared.get(route);
      expect(access, `${route} is not registered`).toBeDefined();
      const allowed = everyone.filter((role) => expectedStatus(access ?? '', role as Role | 'anonymous') === 'allowed');
      expect(allowed, route).toEqual(callers);
    }
  });

  it('opens to callers without login only the routes citizens need', () => {
    const open = app.routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        'POST /api/access-requests',
        'GET /api/transparency',
        'GET /api/transparency.geojson',
        'GET /api/console/settings',
        'GET /api/evidence/key',
        'GET /api/transparency/audit',
        // An enrolled workstation's browser keeps its key; the key itself is the credential.
        'POST /api/workstation/claim',
      ].sort(),
    );
  });

  it('answers each route as the role matrix says, for each role and for anonymous callers', async () => {
    expect((await walkRoutes(app, sessions)).violations).toEqual([]);
  });

  it('refuses an API route that forgot its rule, and audits denied access to images', async () => {
    const probe = await openTestApp(engine);
    probe.http.get('/api/probe/undeclared', () => 'leak');
    probe.http.get('/api/probe/live', { config: { access: 'live:view' } }, () => 'image');
    const dpo = await loginAs(probe, ['dpo']);
    const operator = await loginAs(probe, ['operator']);
    expect(
      (await probe.http.inject({ method: 'GET', url: '/api/probe/undeclared', headers: operator })).statusCode,
    ).toBe(403);
    expect((await probe.http.inject({ method: 'GET', url: '/api/probe/live' })).statusCode).toBe(401);
    expect((await probe.http.inject({ method: 'GET', url: '/api/probe/live', headers: dpo })).statusCode).toBe(403);
    expect((await probe.http.inject({ method: 'GET', url: '/api/probe/live', headers: operator })).body).toBe('image');
    const trail = await probe.http.inject({ method: 'GET', url: '/api/audit?action=access.denied', headers: dpo });
    const denied = trail.json<{ actorName: string; details: { code: string } }[]>();
    expect(denied.map((e) => [e.actorName, e.details.code])).toEqual([
      [expect.stringMatching(/^dpo-/), 'PERMISSION_DENIED'],
      ['anonymous', 'AUTHENTICATION_REQUIRED'],
    ]);
    await probe.close();
  });
});
