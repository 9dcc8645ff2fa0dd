import type { Clock } from '@vigie/core';
import { AuditRepository } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';

const now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };
const contacts = {
  controller: {
    name: 'Ville de Valenciennes — le maire',
    address: 'Place d’Armes, 59300 Valenciennes',
    email: 'mairie@valenciennes.example',
  },
  dpo: { email: 'dpo@valenciennes.example' },
  complaintUrl: 'https://www.cnil.fr/fr/adresser-une-plainte',
};

describe.each(testEngines)('public transparency page on $name', (engine) => {
  let app: TestApp;
  let registered: string;
  let unregistered: string;

  beforeAll(async () => {
    app = await openTestApp(engine, clock, { transparency: contacts });
    const supervisor = await tokenAs(app, ['supervisor']);
    const dpo = await tokenAs(app, ['dpo']);
    const create = async (overrides: Record<string, unknown>) =>
      (
        await app.http.inject({
          method: 'POST',
          url: '/api/cameras',
          headers: supervisor,
          payload: cameraBody(overrides),
        })
      ).json<{ id: string }>().id;
    registered = await create({
      name: 'Gare — Parvis',
      location: { lat: 50.3634, lon: 3.5178 },
      heading: 135,
      fieldOfView: 90,
      retentionDays: 10,
      analytics: ['people_count'],
      masks: [
        {
          id: 'm',
          polygon: [
            { x: 0, y: 0 },
            { x: 0.2, y: 0 },
            { x: 0, y: 0.2 },
          ],
        },
      ],
    });
    unregistered = await create({ name: 'Rue sans panneau', sourceUrl: 'rtsp://viewer:hunter2@10.1.2.3/live' });
    await app.http.inject({
      method: 'PUT',
      url: `/api/cameras/${registered}/registry`,
      headers: dpo,
      payload: {
        authorisation: { reference: '2024/CAB/0123', issuedOn: '2024-03-01', expiresOn: '2029-02-28' },
        signage: { status: 'installed', notes: 'Interne : clé du boîtier chez le gardien' },
        facing: 'public',
      },
    });
  });
  afterAll(() => app?.close());

  it('tells anyone, without login, who runs the cameras, how to reach the DPO, and what each camera does', async () => {
    const response = await app.http.inject({ method: 'GET', url: '/api/transparency' });
    expect(response.statusCode).toBe(200);
    const page = response.json<{ cameras: { id: string }[] }>();
    expect(page).toMatchObject({
      ...contacts,
      accessRequestDeadlineMonths: 1,
      maxRetentionDays: 30,
      generatedAt: '2026-06-15T10:00:00.000Z',
      // The city's clock, for the public form's times and deadline: not personal data.
      legalProfile: { id: 'fr', timeZone: 'Europe/Paris' },
    });
    expect(page.cameras.find((c) => c.id === registered)).toEqual({
      id: registered,
      name: 'Gare — Parvis',
      location: { lat: 50.3634, lon: 3.5178 },
      heading: 135,
      fieldOfView: 90,
      purposes: ['public_space_safety'],
      retentionDays: 10,
      enabled: true,
      signage: 'installed',
      analytics: ['people_count'],
      authorisation: { state: 'valid', reference: '2024/CAB/0123', expiresOn: '2029-02-28' },
    });
    expect(page.cameras.find((c) => c.id === unregistered)).toMatchObject({
      signage: 'missing',
      authorisation: { state: 'missing', reference: null, expiresOn: null },
    });
  });

  it('never shows a stream address, a credential, masks or internal notes', async () => {
    for (const url of ['/api/transparency', '/api/transparency.geojson']) {
      const body = (await app.http.inject({ method: 'GET', url })).body;
      for (const secret of ['rtsp', 'hunter2', 'secret', '10.1.2.3', '192.0.2.10', 'sourceUrl', 'masks', 'gardien']) {
        expect(body, `${url} leaks ${secret}`).not.toContain(secret);
      }
    }
  });

  it('serves the cameras as GeoJSON points, longitude first', async () => {
    const response = await app.http.inject({ method: 'GET', url: '/api/transparency.geojson' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = response.json<{
      type: string;
      features: { id: string; geometry: unknown; properties: unknown }[];
    }>();
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(2);
    expect(collection.features.find((f) => f.id === registered)).toEqual({
      type: 'Feature',
      id: registered,
      geometry: { type: 'Point', coordinates: [3.5178, 50.3634] },
      properties: {
        name: 'Gare — Parvis',
        heading: 135,
        fieldOfView: 90,
        purposes: ['public_space_safety'],
        retentionDays: 10,
        enabled: true,
        signage: 'installed',
        analytics: ['people_count'],
        authorisationState: 'valid',
        statistics: [],
      },
    });
  });

  it('publishes per camera and month how images were used, from the audit trail, without personal data', async () => {
    const audit = new AuditRepository(app.database.db, clock);
    const agent = { actorName: 'agent.martin', source: '10.1.2.3' };
    await audit.append({ action: 'live.started', cameraId: registered, ...agent });
    await audit.append({ action: 'playback.viewed', cameraId: registered, reason: 'Rixe signalée', ...agent });
    await audit.append({
      action: 'export.created',
      cameraId: registered,
      reason: 'Réquisition PV 42',
      details: { purpose: 'public_space_safety' },
      ...agent,
    });
    const page = await app.http.inject({ method: 'GET', url: '/api/transparency' });
    expect(page.json<{ statistics: { cameras: unknown[] } }>().statistics.cameras).toEqual([
      {
        cameraId: registered,
        month: '2026-06',
        liveViews: 1,
        playbacks: 1,
        exportsByPurpose: { public_space_safety: 1 },
        alerts: 0,
        alertVerdicts: {},
      },
    ]);
    const geo = await app.http.inject({ method: 'GET', url: '/api/transparency.geojson' });
    const feature = geo
      .json<{ features: { id: string; properties: { statistics: { liveViews: number }[] } }[] }>()
      .features.find((f) => f.id === registered);
    expect(feature?.properties.statistics.map((row) => row.liveViews)).toEqual([1]);
    for (const body of [page.body, geo.body]) {
      for (const secret of ['agent.martin', '10.1.2.3', 'Rixe', 'PV 42']) expect(body).not.toContain(secret);
    }
  });
});
