import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EvidenceManifest, type LegalHold, type Segment } from '@vigie/core';
import { RecordingRepository } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { LocalDiskStorage } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTestClip } from '../../media/test/support/test-clips.js';
import { authorise, cameraBody, openTestApp, storeTestSegment, tokenAs, type TestApp } from './support.js';

const day = 86_400_000;
const dir = await mkdtemp(join(tmpdir(), 'vigie-holds-'));
const clip = await renderTestClip({ dir, seconds: 4 });
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(testEngines)('legal holds against the retention purge on $name', (engine) => {
  let app: TestApp;
  let current = Date.now();
  const clock = { now: () => new Date(current) };
  let supervisor: Record<string, string>;
  let dpo: Record<string, string>;
  let operator: Record<string, string>;
  let cameraId: string;
  let storage: LocalDiskStorage;
  const start = current;

  function store(endedAt: Date): Promise<Segment> {
    return storeTestSegment({ app, storage, scratch: dir }, cameraId, clip, endedAt);
  }

  async function kept(segment: Segment): Promise<boolean> {
    const indexed = await new RecordingRepository(app.database.db).segmentsBetween(
      cameraId,
      { from: new Date(0), to: new Date(current + day) },
      new Date(0),
    );
    const file = await access(storage.pathOf(segment.key)).then(
      () => true,
      () => false,
    );
    const inIndex = indexed.some((s) => s.key === segment.key);
    expect(file, `file and index agree for ${segment.key}`).toBe(inIndex);
    return inIndex;
  }

  async function place(headers: Record<string, string>, body: Record<string, unknown>) {
    return app.http.inject({ method: 'POST', url: '/api/holds', headers, payload: body });
  }

  beforeAll(async () => {
    app = await openTestApp(engine, clock);
    storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
    supervisor = await tokenAs(app, ['supervisor']);
    dpo = await tokenAs(app, ['dpo']);
    operator = await tokenAs(app, ['operator']);
    const created = await app.http.inject({
      method: 'POST',
      url: '/api/cameras',
      headers: supervisor,
      payload: cameraBody({ retentionDays: 7, enabled: false }),
    });
    cameraId = created.json<{ id: string }>().id;
    await authorise(app, cameraId);
  });
  afterAll(() => app?.close());

  it('keeps held footage past retention, purges the unheld, and purges the held once released or expired', async () => {
    const held = await store(new Date(start - 8 * day));
    const unheld = await store(new Date(start - 8 * day - 3_600_000));
    const second = await store(new Date(start - 8 * day + 3_600_000));
    const around = (s: Segment) => ({
      cameraId,
      start: new Date(s.startedAt.getTime() - 1000).toISOString(),
      end: new Date(s.endedAt.getTime() + 1000).toISOString(),
    });
    const expiresAt = new Date(start + 30 * day).toISOString();
    const body = { ...around(held), requisition: 'PV 2026/0042', reason: 'Réquisition du parquet', expiresAt };
    expect((await place(operator, body)).statusCode).toBe(403);
    expect((await place(dpo, body)).statusCode).toBe(403);
    const { requisition: _none, ...withoutRequisition } = body;
    expect((await place(supervisor, withoutRequisition)).statusCode).toBe(400);
    const tooLong = await place(supervisor, { ...body, expiresAt: new Date(start + 400 * day).toISOString() });
    expect(tooLong.json<{ error: { code: string } }>().error.code).toBe('HOLD_INVALID');
    const placed = await place(supervisor, body);
    expect(placed.statusCode, placed.body).toBe(201);
    const hold = placed.json<LegalHold>();
    expect(hold).toMatchObject({ state: 'active', requisition: 'PV 2026/0042' });
    expect(hold.placedBy).toMatch(/^supervisor/);
    const shortHold = (
      await place(supervisor, {
        ...around(second),
        requisition: 'PV 2026/0043',
        reason: 'Réquisition, prolongation à confirmer',
        expiresAt: new Date(start + 2 * day).toISOString(),
      })
    ).json<LegalHold>();

    await app.purge.run();
    expect(await kept(held)).toBe(true);
    expect(await kept(second)).toBe(true);
    expect(await kept(unheld)).toBe(false);

    const listed = (await app.http.inject({ method: 'GET', url: '/api/holds', headers: dpo })).json<LegalHold[]>();
    expect(listed.map((h) => h.id).sort()).toEqual([hold.id, shortHold.id].sort());
    const report = (await app.http.inject({ method: 'GET', url: '/api/compliance/retention', headers: dpo })).json<{
      legalHolds: LegalHold[];
    }>();
    expect(report.legalHolds.map((h) => h.requisition).sort()).toEqual(['PV 2026/0042', 'PV 2026/0043']);

    // Three days later the short hold has expired on its own: its footage goes, the other stays.
    current = start + 3 * day;
    await app.purge.run();
    expect(await kept(second)).toBe(false);
    expect(await kept(held)).toBe(true);

    const releasedByOperator = await app.http.inject({
      method: 'POST',
      url: `/api/holds/${hold.id}/release`,
      headers: operator,
      payload: { reason: 'Classement sans suite' },
    });
    expect(releasedByOperator.statusCode).toBe(403);
    const released = await app.http.inject({
      method: 'POST',
      url: `/api/holds/${hold.id}/release`,
      headers: supervisor,
      payload: { reason: 'Classement sans suite' },
    });
    expect(released.json<LegalHold>()).toMatchObject({ state: 'released', releaseReason: 'Classement sans suite' });
    const again = await app.http.inject({
      method: 'POST',
      url: `/api/holds/${hold.id}/release`,
      headers: supervisor,
      payload: { reason: 'Classement sans suite' },
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('HOLD_RELEASED');
    await app.purge.run();
    expect(await kept(held)).toBe(false);

    const trail = (await app.http.inject({ method: 'GET', url: '/api/audit?limit=200', headers: dpo })).json<
      { action: string; reason: string; details: Record<string, unknown> }[]
    >();
    expect(trail.filter((e) => e.action === 'hold.placed').map((e) => e.details['requisition'])).toEqual(
      expect.arrayContaining(['PV 2026/0042', 'PV 2026/0043']),
    );
    expect(trail).toContainEqual(expect.objectContaining({ action: 'hold.released', reason: 'Classement sans suite' }));
  });

  it('holds an export: its camera and the range its file really covers', async () => {
    current = Date.now();
    const recent = await store(new Date(current - 60_000));
    const exported = await app.http.inject({
      method: 'POST',
      url: `/api/cameras/${cameraId}/exports`,
      headers: supervisor,
      payload: {
        from: new Date(recent.startedAt.getTime() + 1000).toISOString(),
        to: new Date(recent.endedAt.getTime() - 1000).toISOString(),
        purpose: 'public_space_safety',
        reason: 'Agression signalée',
      },
    });
    expect(exported.statusCode, exported.body).toBe(201);
    const manifest = exported.json<EvidenceManifest>();
    const placed = await place(supervisor, {
      exportId: manifest.id,
      requisition: 'PV 2026/0050',
      reason: 'Pièce du dossier pénal',
      expiresAt: new Date(current + 90 * day).toISOString(),
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json<LegalHold>()).toMatchObject({
      cameraId,
      exportId: manifest.id,
      start: manifest.covered.from,
      end: manifest.covered.to,
    });
  });
});
