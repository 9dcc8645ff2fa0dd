import type { Clock } from '@vigie/core';
import { RecordingRepository } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, tokenAs, type TestApp } from './support.js';
import { testImage } from './support/test-image.js';

const now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

describe.each(testEngines)('compliance exports on $name', (engine) => {
  let app: TestApp;
  let dpo: Record<string, string>;
  let compliantId: string;

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    dpo = await tokenAs(app, ['dpo']);
    const supervisor = await tokenAs(app, ['supervisor']);
    const create = async (overrides: Record<string, unknown>) =>
      (
        await app.http.inject({
          method: 'POST',
          url: '/api/cameras',
          headers: supervisor,
          payload: cameraBody(overrides),
        })
      ).json<{ id: string }>().id;
    compliantId = await create({ name: 'Gare — Parvis', analytics: ['people_count'] });
    await create({ name: '<script>alert("x")</script>', purposes: ['traffic_regulation'], retentionDays: 7 });
    await app.http.inject({
      method: 'PUT',
      url: `/api/cameras/${compliantId}/registry`,
      headers: dpo,
      payload: {
        authorisation: { reference: '2024/CAB/0123', issuedOn: '2024-03-01', expiresOn: '2029-02-28' },
        signage: { status: 'installed' },
        facing: 'public',
      },
    });
    await app.http.inject({
      method: 'PUT',
      url: `/api/cameras/${compliantId}/registry/signage-photo`,
      headers: { ...dpo, 'content-type': 'image/png' },
      payload: await testImage('png'),
    });
  });
  afterAll(() => app?.close());

  it('reports, per camera, retention against the legal maximum, authorisation and signage', async () => {
    const response = await app.http.inject({ method: 'GET', url: '/api/compliance/retention', headers: dpo });
    expect(response.statusCode).toBe(200);
    const report = response.json<{
      summary: unknown;
      cameras: { cameraId: string; name: string; compliant: boolean; issues: { code: string }[] }[];
    }>();
    expect(report.summary).toEqual({ cameras: 2, compliant: 1, nonCompliant: 1 });
    expect(report.cameras.find((c) => c.cameraId === compliantId)).toMatchObject({
      retentionDays: 15,
      legalMaxRetentionDays: 30,
      authorisation: { state: 'valid', reference: '2024/CAB/0123', expiresOn: '2029-02-28' },
      signage: 'installed',
      signagePhoto: true,
      compliant: true,
      issues: [],
    });
    const other = report.cameras.find((c) => c.cameraId !== compliantId);
    expect(other?.issues.map((i) => i.code)).toEqual(['authorisation_missing', 'signage_missing']);
    expect(other).toHaveProperty('oldestRecordingStoredAt', null);
  });

  it('writes the checklist in French by default, in English on ?lang=en, and refuses another language', async () => {
    type Check = { requirement: string; title: string; status: string; findings: string[]; action: string };
    const checklist = async (query: string) => {
      const response = await app.http.inject({ method: 'GET', url: `/api/compliance/checklist${query}`, headers: dpo });
      return {
        status: response.statusCode,
        r1: response.json<{ checks?: Check[] }>().checks?.find((c) => c.requirement === 'R1'),
      };
    };
    const name = '<script>alert("x")</script>';
    const french = await checklist('');
    expect(french.status).toBe(200);
    expect(french.r1).toMatchObject({
      status: 'fail',
      title: 'Chaque caméra qui enregistre dispose d’une autorisation préfectorale en cours de validité',
      findings: [`${name} : aucune autorisation préfectorale n’est enregistrée.`],
    });
    expect((await checklist('?lang=fr')).r1).toEqual(french.r1);
    expect((await checklist('?lang=en')).r1).toMatchObject({
      status: 'fail',
      title: 'Every recording camera has a valid prefectoral authorisation',
      findings: [`${name}: No prefectoral authorisation is recorded.`],
    });
    expect((await checklist('?lang=de')).status).toBe(400);
  });

  it('generates the record of processing from the configuration', async () => {
    const response = await app.http.inject({
      method: 'GET',
      url: '/api/compliance/record-of-processing',
      headers: dpo,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      controller: { email: 'mairie@example.org' },
      dpo: { email: 'dpo@example.org' },
      purposes: [
        { purpose: 'traffic_regulation', cameras: 1 },
        { purpose: 'public_space_safety', cameras: 1 },
      ],
      analytics: [{ type: 'people_count', cameras: 1 }],
      transfersOutsideEu: 'none',
      retention: { legalMaxDays: 30 },
    });
  });

  it('prints both as inert HTML pages, escaping what people typed', async () => {
    for (const url of ['/api/compliance/record-of-processing.html', '/api/compliance/retention.html']) {
      const response = await app.http.inject({ method: 'GET', url, headers: dpo });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
      expect(response.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(response.body).not.toContain('<script>');
      expect(response.body).not.toContain('rtsp');
    }
    const retention = await app.http.inject({ method: 'GET', url: '/api/compliance/retention.html', headers: dpo });
    expect(retention.body).toContain('Aucune autorisation préfectorale enregistrée');
    expect(retention.body).toContain('1 conforme(s)');
    const record = await app.http.inject({
      method: 'GET',
      url: '/api/compliance/record-of-processing.html',
      headers: dpo,
    });
    expect(record.body).toContain('Transferts hors de l’Union européenne</h2><p>Aucun.');
  });
  // Last: the old recording it stores makes the camera non-compliant for the tests above.
  it('takes the oldest stored recording per camera from the segment index', async () => {
    await new RecordingRepository(app.database.db).insertSegment({
      cameraId: compliantId,
      key: `${compliantId}/old.mp4`,
      startedAt: new Date('2026-05-01T00:00:00.000Z'),
      endedAt: new Date('2026-05-01T00:00:04.000Z'),
      bytes: 1000,
      sha256: '0'.repeat(64),
      initBytes: 100,
    });
    const report = await app.compliance.retentionReport();
    const row = report.cameras.find((c) => c.cameraId === compliantId);
    expect(row).toMatchObject({ oldestRecordingStoredAt: '2026-05-01T00:00:00.000Z', compliant: false });
    expect(row?.issues.map((i) => i.code)).toEqual(['recordings_past_retention']);
  });

  it('does not count footage a legal hold keeps as kept too long, and counts it again once released', async () => {
    const supervisor = await tokenAs(app, ['supervisor']);
    const placed = await app.http.inject({
      method: 'POST',
      url: '/api/holds',
      headers: supervisor,
      payload: {
        cameraId: compliantId,
        start: '2026-04-30T23:00:00.000Z',
        end: '2026-05-01T01:00:00.000Z',
        requisition: 'PV 2026/00042',
        reason: 'Réquisition du parquet',
        expiresAt: '2026-12-01T00:00:00.000Z',
      },
    });
    expect(placed.statusCode).toBe(201);
    const held = (await app.compliance.retentionReport()).cameras.find((c) => c.cameraId === compliantId);
    expect(held).toMatchObject({
      oldestRecordingStoredAt: '2026-05-01T00:00:00.000Z',
      oldestUnheldRecordingStoredAt: null,
      compliant: true,
    });
    expect(held?.issues.map((i) => i.code)).toEqual([]);
    await app.http.inject({
      method: 'POST',
      url: `/api/holds/${placed.json<{ id: string }>().id}/release`,
      headers: supervisor,
      payload: { reason: 'Affaire classée' },
    });
    const released = (await app.compliance.retentionReport()).cameras.find((c) => c.cameraId === compliantId);
    expect(released?.issues.map((i) => i.code)).toEqual(['recordings_past_retention']);
  });
});
