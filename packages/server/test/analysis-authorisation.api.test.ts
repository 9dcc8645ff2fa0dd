import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testEngines } from '@vigie/db/testing';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise, cameraBody, loginAs, openTestApp, type SessionHeaders, type TestApp } from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-authorisation-api-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const decision = (cameraIds: string[], startsAt: Date, endsAt: Date) => ({
  reference: 'Arrêté 2026-VSA-017',
  legalBasis: 'loi 2023-380 art. 10; décret 2023-828',
  occasion: 'Marché de Noël',
  responsibleService: 'Police municipale',
  cameraIds,
  eventTypes: ['abandoned_object'],
  startsAt: startsAt.toISOString(),
  endsAt: endsAt.toISOString(),
  publicNotice: 'Les images du marché de Noël font l’objet d’une détection des objets abandonnés.',
});

describe.each(testEngines)('analysis authorisations on $name (LEGAL R18, R19, R26)', (engine) => {
  let app: TestApp;
  let supervisor: SessionHeaders;
  let dpo: SessionHeaders;
  let cameraId: string;

  beforeAll(async () => {
    const clip = join(dir, `${engine.name}.mp4`);
    await runFfmpeg(
      locateFfmpeg().path,
      demoClipArgs({ pattern: 'testsrc2', seconds: 4, width: 320, height: 240, fps: 10, output: clip }),
    );
    app = await openTestApp(engine);
    supervisor = await loginAs(app, ['supervisor']);
    dpo = await loginAs(app, ['dpo']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({
        name: 'Market square',
        sourceUrl: pathToFileURL(clip).toString(),
        analytics: ['abandoned_object'],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    cameraId = created.json<{ id: string }>().id;
    // Prefectoral authorisation of the camera and an impact assessment, but no analysis authorisation yet.
    await app.registry.record(
      cameraId,
      {
        authorisation: { reference: '2026/CAB/1', issuedOn: '2025-01-01', expiresOn: '2029-12-31' },
        signage: { status: 'installed' },
        facing: 'public',
        dpia: {
          reference: 'AIPD-1',
          dpoOpinion: 'Favourable for the market only.',
          lessIntrusiveAlternatives: 'Foot patrols were studied: they cannot watch every stall all day long.',
          coveredAnalytics: ['abandoned_object'],
          reviewOn: '2099-12-31',
        },
      },
      { actorName: 'test setup' },
    );
    await app.analysis.start();
  });
  afterAll(async () => {
    await app?.analysis.stop();
    await app?.close();
  });

  it('runs no alert analytic without an authorisation', async () => {
    await app.analysis.resync();
    expect(app.analysis.state().runningCameraIds).not.toContain(cameraId);
  });

  it('refuses a decision covering an event type outside the decree, or longer than a month, naming why', async () => {
    const now = Date.now();
    const outside = await app.http.inject({
      method: 'POST',
      url: '/api/analysis-authorisations',
      headers: dpo,
      payload: { ...decision([cameraId], new Date(now), new Date(now + 3600_000)), eventTypes: ['rapid_movement'] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({
      error: { code: 'ANALYSIS_AUTHORISATION_INVALID', details: [{ path: '/eventTypes/0' }] },
    });
    const tooLong = await app.http.inject({
      method: 'POST',
      url: '/api/analysis-authorisations',
      headers: dpo,
      payload: decision([cameraId], new Date(now), new Date(now + 40 * 24 * 3600_000)),
    });
    expect(tooLong.json()).toMatchObject({
      error: { code: 'ANALYSIS_AUTHORISATION_INVALID', details: [{ path: '/endsAt' }] },
    });
    const bySupervisor = await app.http.inject({
      method: 'POST',
      url: '/api/analysis-authorisations',
      headers: supervisor,
      payload: decision([cameraId], new Date(now), new Date(now + 3600_000)),
    });
    expect(bySupervisor.statusCode).toBe(403);
  });

  it('starts the analytics at its start, stops them by themselves at its end, audits both, and tells the public first', async () => {
    await app.authorisationWatch.start();
    try {
      const startsAt = new Date(Date.now() + 1500);
      const endsAt = new Date(startsAt.getTime() + 3000);
      const recorded = await app.http.inject({
        method: 'POST',
        url: '/api/analysis-authorisations',
        headers: dpo,
        payload: decision([cameraId], startsAt, endsAt),
      });
      expect(recorded.statusCode, recorded.body).toBe(201);
      expect(recorded.json()).toMatchObject({ state: 'scheduled', createdBy: expect.any(String) as string });
      // Before it starts: nothing runs, and the public notice is already on the transparency page.
      expect(app.analysis.state().runningCameraIds).not.toContain(cameraId);
      const page = (await app.http.inject({ method: 'GET', url: '/api/transparency' })).json<{
        analysisAuthorisations: { reference: string; state: string; publicNotice: string; cameras: string[] }[];
      }>();
      expect(page.analysisAuthorisations).toEqual([
        expect.objectContaining({
          reference: 'Arrêté 2026-VSA-017',
          state: 'scheduled',
          cameras: ['Market square'],
        }) as unknown,
      ]);
      await until(() => app.analysis.state().runningCameraIds.includes(cameraId), 'analytics started');
      expect(Date.now()).toBeGreaterThanOrEqual(startsAt.getTime());
      await until(() => !app.analysis.state().runningCameraIds.includes(cameraId), 'analytics stopped at the end');
      expect(Date.now()).toBeGreaterThanOrEqual(endsAt.getTime());
      const trail = (await app.http.inject({ method: 'GET', url: '/api/audit', headers: dpo })).json<
        { action: string; actorName: string }[]
      >();
      const actions = trail.filter((e) => e.action.startsWith('analysis_authorisation.'));
      expect(actions.map((e) => e.action).sort()).toEqual([
        'analysis_authorisation.ended',
        'analysis_authorisation.recorded',
        'analysis_authorisation.started',
      ]);
      expect(actions.find((e) => e.action === 'analysis_authorisation.ended')?.actorName).toBe('system');
      const after = (await app.http.inject({ method: 'GET', url: '/api/transparency' })).json<{
        analysisAuthorisations: unknown[];
      }>();
      expect(after.analysisAuthorisations).toEqual([]);
    } finally {
      app.authorisationWatch.stop();
    }
  }, 30_000);

  it('lets the test helper authorise analytics for a month, as the demo does', async () => {
    await authorise(app, cameraId, { dpiaCovers: ['abandoned_object'] });
    await app.analysis.resync();
    expect(app.analysis.state().runningCameraIds).toContain(cameraId);
  });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
