import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Clock, Incident } from '@vigie/core';
import { AuditRepository } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../src/events/push-event.js';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';

let now = new Date('2026-11-30T13:00:00Z');
const clock: Clock = { now: () => now };
const reports = fileURLToPath(new URL('../../../test-output/', import.meta.url));
const minutes = (m: number) => new Date(Date.parse('2026-11-30T13:00:00Z') + m * 60_000);

describe.each(testEngines)('incidents with procedures on $name', (engine) => {
  let app: TestApp;
  let operator: Record<string, string>;
  let supervisor: Record<string, string>;
  const cameras: Record<'parvis' | 'consigne' | 'pont', string> = { parvis: '', consigne: '', pont: '' };
  const pushed: PushEvent[] = [];
  let stopFollowing: () => void;

  async function raise(camera: keyof typeof cameras, minute: number, message: string) {
    now = minutes(minute);
    return app.alerts.raise({
      cameraId: cameras[camera],
      type: 'intrusion',
      severity: 'high',
      message,
      openedAt: now,
      clip: { from: minutes(minute - 0.2), to: minutes(minute + 0.2) },
    });
  }
  const incidents = async () =>
    (await app.http.inject({ method: 'GET', url: '/api/incidents', headers: operator })).json<Incident[]>();
  const act = (id: string, body: Record<string, unknown>, headers = operator) =>
    app.http.inject({ method: 'POST', url: `/api/incidents/${id}/actions`, headers, payload: body });

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    supervisor = await tokenAs(app, ['supervisor']);
    const positions = {
      parvis: { lat: 45.7606, lon: 4.8593 },
      consigne: { lat: 45.7606, lon: 4.8608 },
      pont: { lat: 45.7571, lon: 4.8352 },
    };
    for (const [key, location] of Object.entries(positions)) {
      const created = await app.http.inject({
        method: 'POST',
        url: '/api/cameras',
        headers: supervisor,
        payload: cameraBody({ name: `Caméra ${key}`, location }),
      });
      cameras[key as keyof typeof cameras] = created.json<{ id: string }>().id;
    }
    // The operator watches the station (forecourt and left-luggage hall), not the bridge.
    const actor = { actorName: 'test setup' };
    const username = `incident-operator-${engine.name}`;
    await app.users.create(
      { username, displayName: 'Opératrice', roles: ['operator'], password: 'correct horse battery staple' },
      { now: new Date(), actor },
    );
    await app.users.assignCameras({ username, cameraIds: [cameras.parvis, cameras.consigne], actor });
    operator = {
      authorization: `Bearer ${await app.users.createToken({ username, name: 'test', now: new Date(), actor })}`,
    };
    stopFollowing = app.events.subscribe(
      () => ({ roles: ['supervisor'], cameras: 'all' }),
      (event) => pushed.push(event),
    );
  });
  afterAll(async () => {
    stopFollowing();
    await app?.close();
  });

  it('groups alerts of nearby cameras within the window into one incident, apart from a far camera', async () => {
    await raise('parvis', 0, 'Intrusion sur le parvis');
    await raise('consigne', 3, 'Intrusion dans la consigne');
    await raise('pont', 4, 'Intrusion sous le pont');
    await raise('parvis', 11, 'Nouvelle intrusion sur le parvis');
    await raise('consigne', 40, 'Intrusion tardive dans la consigne');
    const seen = (list: Incident[]) => list.map((i) => `${i.title} (${i.alertIds.length})`).sort();
    const all = (await app.http.inject({ method: 'GET', url: '/api/incidents', headers: supervisor })).json<
      Incident[]
    >();
    expect(seen(all)).toEqual([
      'Intrusion sous le pont (1)',
      'Intrusion sur le parvis (3)',
      'Intrusion tardive dans la consigne (1)',
    ]);
    const station = all.find((i) => i.title === 'Intrusion sur le parvis');
    expect(station?.cameraIds.sort()).toEqual([cameras.parvis, cameras.consigne].sort());
    expect(station).toMatchObject({ state: 'new', owner: null, typeId: 'general' });
    // Between the two station cameras, 116 m apart.
    expect(station?.location.lon).toBeCloseTo(4.86005, 4);
    // The operator sees the incidents of the cameras assigned to them only.
    expect(seen(await incidents())).toEqual(['Intrusion sur le parvis (3)', 'Intrusion tardive dans la consigne (1)']);
  });

  it('moves an incident only along new → in progress → resolved → closed, with its owner and checklist', async () => {
    const incident = (await incidents()).find((i) => i.title === 'Intrusion sur le parvis') as Incident;
    const refused = await act(incident.id, { action: 'resolve', summary: 'Trop tôt' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'INCIDENT_TRANSITION_INVALID' } });
    now = minutes(45);
    const started = await act(incident.id, { action: 'start' });
    expect(started.json()).toMatchObject({ state: 'in_progress', owner: 'incident-operator-' + engine.name });
    expect((await act(incident.id, { action: 'step', stepId: 'verify' })).statusCode).toBe(200);
    const unknown = await act(incident.id, { action: 'step', stepId: 'pompiers' });
    expect(unknown.json()).toMatchObject({ error: { code: 'INCIDENT_STEP_UNKNOWN' } });
    const clip = {
      kind: 'clip',
      cameraId: cameras.consigne,
      from: minutes(2).toISOString(),
      to: minutes(4).toISOString(),
    };
    expect((await act(incident.id, { action: 'link', link: clip })).statusCode).toBe(200);
    expect((await act(incident.id, { action: 'step', stepId: 'evidence' })).json<Incident>().doneSteps).toHaveLength(2);
    await act(incident.id, { action: 'note', note: 'Individu parti vers la rue de la Villette' });
    const extra = await act(incident.id, { action: 'nonsense' });
    expect(extra.statusCode).toBe(400);
  });

  it('notifies supervisors (push and audit) when a required step is skipped at resolution', async () => {
    const incident = (await incidents()).find((i) => i.title === 'Intrusion sur le parvis') as Incident;
    pushed.length = 0;
    now = minutes(50);
    const resolved = await act(incident.id, { action: 'resolve', summary: 'Individu parti, rien à signaler' });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });
    await app.domainEvents.flushed();
    await expect
      .poll(() => pushed.filter((e) => e.type === 'incident.step_skipped'))
      .toEqual([
        expect.objectContaining({
          incidentId: incident.id,
          resolvedBy: 'incident-operator-' + engine.name,
          steps: [expect.objectContaining({ id: 'dispatch', required: true })],
        }),
      ]);
    const skipped = await new AuditRepository(app.database.db, clock).list({ action: 'incident.step_skipped' });
    expect(skipped.map((e) => e.details)).toEqual([{ incident: incident.id, type: 'general', steps: ['dispatch'] }]);
    expect(skipped[0]?.actorName).toBe('incident-operator-' + engine.name);
  });

  it('prints an incident report with the procedure, the alerts and the whole timeline', async () => {
    const incident = (await incidents()).find((i) => i.title === 'Intrusion sur le parvis') as Incident;
    const closed = await act(incident.id, { action: 'close' });
    expect(closed.json()).toMatchObject({ state: 'closed' });
    const report = await app.http.inject({
      method: 'GET',
      url: `/api/incidents/${incident.id}/report.html`,
      headers: operator,
    });
    expect(report.headers['content-type']).toContain('text/html');
    expect(report.headers['content-security-policy']).toContain("default-src 'none'");
    const html = report.body;
    // Kept for people to read (the lead's note quotes it), beside the console's screenshots.
    await mkdir(reports, { recursive: true });
    await writeFile(`${reports}incident-report-${engine.name}.html`, html);
    expect(html).toContain('<h1>Rapport d’incident — Intrusion sur le parvis</h1>');
    expect(html).toContain('<tr><th>État</th><td>clos</td></tr>');
    expect(html).toContain('Caméra parvis, Caméra consigne');
    expect(html).toContain('<h2>Alertes (3)</h2>');
    expect(html).toContain('Intrusion dans la consigne');
    expect(html).toMatch(/Lever le doute[^<]*<\/td><td><span class="ok">fait par incident-operator/);
    expect(html).toMatch(/Prévenir la patrouille[^<]*<\/td><td><span class="blocking">obligatoire, non fait/);
    expect(html).toContain('ÉTAPE OBLIGATOIRE SAUTÉE');
    expect(html).toContain('Individu parti vers la rue de la Villette');
    expect(html).toContain('Clip — Caméra consigne');
    // 13:00 UTC is 14:00 in Paris.
    expect(html).toContain('30/11/2026 14:00:00');
    const hidden = await app.http.inject({
      method: 'GET',
      url: `/api/incidents/${
        (await app.http.inject({ method: 'GET', url: '/api/incidents', headers: supervisor }))
          .json<Incident[]>()
          .find((i) => i.title === 'Intrusion sous le pont')?.id
      }/report.html`,
      headers: operator,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('lets supervisors, not operators, rewrite a procedure; audited', async () => {
    const procedure = {
      name: 'Colis suspect',
      steps: [
        { id: 'perimeter', label: 'Faire établir un périmètre', required: true },
        { id: 'demining', label: 'Prévenir le service de déminage', required: true },
      ],
    };
    const denied = await app.http.inject({
      method: 'PUT',
      url: '/api/incident-types/colis',
      headers: operator,
      payload: procedure,
    });
    expect(denied.statusCode).toBe(403);
    const saved = await app.http.inject({
      method: 'PUT',
      url: '/api/incident-types/colis',
      headers: supervisor,
      payload: procedure,
    });
    expect(saved.json()).toMatchObject({ id: 'colis', name: 'Colis suspect' });
    const twice = await app.http.inject({
      method: 'PUT',
      url: '/api/incident-types/colis',
      headers: supervisor,
      payload: { ...procedure, steps: [procedure.steps[0], procedure.steps[0]] },
    });
    expect(twice.json()).toMatchObject({ error: { code: 'INCIDENT_TYPE_INVALID' } });
    const types = (await app.http.inject({ method: 'GET', url: '/api/incident-types', headers: operator })).json<
      { id: string }[]
    >();
    expect(types.map((t) => t.id).sort()).toEqual(['colis', 'general']);
    const audited = await new AuditRepository(app.database.db, clock).list({ action: 'incident_type.saved' });
    expect(audited).toHaveLength(1);
  });
});
