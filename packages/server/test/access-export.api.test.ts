import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '@vigie/db/testing';
import { LocalDiskStorage, locateFfmpeg } from '@vigie/media';
import { renderScene, syntheticScenes } from '@vigie/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorise,
  cameraBody,
  openTestApp,
  parisDateTime,
  storeTestSegment,
  tokenAs,
  type TestApp,
} from './support.js';

const dir = await mkdtemp(join(tmpdir(), 'vigie-access-export-'));
const clip = join(dir, 'walkers.mp4');
const scene = syntheticScenes.find((s) => s.name === 'abandoned_bag');
if (scene === undefined) throw new Error('the abandoned_bag scene is missing from the evaluation scenes');
await renderScene(scene, { ffmpegPath: locateFfmpeg().path, output: clip });
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(testEngines)('a citizen’s copy with every person pixelated on $name', (engine) => {
  let app: TestApp;
  let dpo: Record<string, string>;
  let cameraId: string;
  // Recorded yesterday at noon UTC, so the citizen's local window never crosses midnight.
  const startedAt = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 12 * 3_600_000);

  beforeAll(async () => {
    app = await openTestApp(engine);
    dpo = await tokenAs(app, ['dpo']);
    const supervisor = await tokenAs(app, ['supervisor']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ name: 'Parvis de la gare', enabled: false }),
    });
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
    const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    await storeTestSegment({ app, storage, scratch: dir }, cameraId, clip, new Date(startedAt.getTime() + 36_000), 36);
  });
  afterAll(() => app?.close());

  it('pixelates the people of the matched footage, attaches the copy for review, and audits it', async () => {
    const [date, from] = parisDateTime(new Date(startedAt.getTime() - 60_000));
    const [, to] = parisDateTime(new Date(startedAt.getTime() + 120_000));
    const filed = await app.http.inject({
      method: 'POST',
      url: '/api/access-requests',
      payload: {
        date,
        from,
        to,
        cameraId,
        description: 'Dark jacket, I walked across the square from left to right',
        contact: { name: 'A. Citizen', email: 'citizen@example.org' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id =
      (await app.http.inject({ method: 'GET', url: '/api/access-requests', headers: dpo })).json<{ id: string }[]>()[0]
        ?.id ?? '';
    await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/status`,
      headers: dpo,
      payload: { status: 'searching' },
    });
    const withRange = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/ranges`,
      headers: dpo,
      payload: {
        cameraId,
        start: new Date(startedAt.getTime() + 1_000).toISOString(),
        end: new Date(startedAt.getTime() + 9_000).toISOString(),
      },
    });
    expect(withRange.statusCode, withRange.body).toBe(201);
    const rangeId = withRange.json<{ ranges: { id: string }[] }>().ranges[0]?.id ?? '';

    const made = await app.http.inject({
      method: 'POST',
      url: `/api/access-requests/${id}/ranges/${rangeId}/export`,
      headers: dpo,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { manifest, anonymisation } = made.json<{
      manifest: { id: string; purpose: string; files: { sha256: string }[] };
      anonymisation: { frames: number; regions: number; method: string };
    }>();
    expect(manifest.purpose).toBe('data_subject_access');
    expect(anonymisation.method).toBe('motion_regions');
    expect(anonymisation.frames).toBeGreaterThan(50);
    // The walker crosses the view during the range: some region of most frames is pixelated.
    expect(anonymisation.regions).toBeGreaterThan(anonymisation.frames / 2);

    const request = (await app.http.inject({ method: 'GET', url: `/api/access-requests/${id}`, headers: dpo })).json<{
      ranges: { exportId: string | null; needsReview: boolean }[];
    }>();
    expect(request.ranges[0]).toMatchObject({ exportId: manifest.id, needsReview: true });
    const video = await app.http.inject({
      method: 'GET',
      url: `/api/access-requests/${id}/ranges/${rangeId}/video.mp4`,
      headers: dpo,
    });
    expect(video.statusCode).toBe(200);
    expect(createHash('sha256').update(video.rawPayload).digest('hex')).toBe(manifest.files[0]?.sha256);
    const trail = (await app.http.inject({ method: 'GET', url: `/api/audit?cameraId=${cameraId}`, headers: dpo })).json<
      { action: string }[]
    >();
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['export.created', 'access_request.export_attached', 'export.downloaded']),
    );
  });
});
