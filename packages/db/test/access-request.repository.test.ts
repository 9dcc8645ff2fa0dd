import { cameraSettingsFromInput, frenchProfile, type Clock } from '@vigie/core';
import { AccessRequestRepository, CameraRepository, type NewAccessRequest, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

function request(reference: string, overrides: Partial<NewAccessRequest> = {}): NewAccessRequest {
  return {
    reference,
    receivedAt: now,
    dueAt: new Date('2026-07-15T10:00:00Z'),
    window: { start: new Date('2026-06-14T06:00:00Z'), end: new Date('2026-06-14T07:00:00Z') },
    place: 'Place d’Armes',
    cameraHint: undefined,
    description: 'Veste rouge, sac à dos bleu',
    contact: { name: 'Camille Martin', email: 'camille@example.org' },
    ...overrides,
  };
}

describe.each(testEngines)('access request repository on $name', (engine) => {
  let database: VigieDatabase | undefined;
  let repo: AccessRequestRepository;
  let cameraId: string;
  let otherCameraId: string;

  beforeAll(async () => {
    database = await engine.open();
    repo = new AccessRequestRepository(database.db, clock);
    const cameras = new CameraRepository(database.db, clock);
    const settings = (name: string) =>
      cameraSettingsFromInput(
        {
          name,
          sourceUrl: `rtsp://cam/${name}`,
          location: { lat: 50.36, lon: 3.52 },
          purposes: ['public_space_safety'],
        },
        frenchProfile,
      );
    cameraId = (await cameras.create(settings('Gare'))).id;
    otherCameraId = (await cameras.create(settings('Marché'))).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a request and reads it back with its history and ranges', async () => {
    const id = await repo.create(request('DA-2026-AAAAAA', { cameraHint: cameraId }));
    await repo.addStep(id, { status: 'received', actorName: 'anonymous' });
    expect(await repo.referenceTaken('DA-2026-AAAAAA')).toBe(true);
    expect(await repo.referenceTaken('DA-2026-ZZZZZZ')).toBe(false);
    expect(await repo.get(id)).toEqual({
      id,
      reference: 'DA-2026-AAAAAA',
      status: 'received',
      receivedAt: '2026-06-15T10:00:00.000Z',
      dueAt: '2026-07-15T10:00:00.000Z',
      extension: null,
      overdue: false,
      window: { start: '2026-06-14T06:00:00.000Z', end: '2026-06-14T07:00:00.000Z' },
      place: 'Place d’Armes',
      cameraId,
      contactName: 'Camille Martin',
      description: 'Veste rouge, sac à dos bleu',
      contactEmail: 'camille@example.org',
      history: [{ at: '2026-06-15T10:00:00.000Z', status: 'received', actorName: 'anonymous' }],
      ranges: [],
    });
  });

  it('moves a status only from the one expected, so two DPOs cannot both move it', async () => {
    const id = await repo.create(request('DA-2026-BBBBBB'));
    expect(await repo.setStatus(id, { from: 'received', to: 'searching' })).toBe(true);
    expect(await repo.setStatus(id, { from: 'received', to: 'rejected', rejectionReason: 'x' })).toBe(false);
    expect((await repo.get(id))?.status).toBe('searching');
    expect(await repo.setStatus(id, { from: 'searching', to: 'rejected', rejectionReason: 'Demande abusive' })).toBe(
      true,
    );
    expect(await repo.get(id)).toMatchObject({ status: 'rejected', rejectionReason: 'Demande abusive' });
  });

  it('filters by status and by being overdue', async () => {
    const late = await repo.create(
      request('DA-2026-CCCCCC', {
        receivedAt: new Date('2026-05-01T10:00:00Z'),
        dueAt: new Date('2026-06-01T10:00:00Z'),
      }),
    );
    const answeredLate = await repo.create(
      request('DA-2026-DDDDDD', {
        receivedAt: new Date('2026-05-01T10:00:00Z'),
        dueAt: new Date('2026-06-01T10:00:00Z'),
      }),
    );
    await repo.setStatus(answeredLate, { from: 'received', to: 'searching' });
    await repo.setStatus(answeredLate, { from: 'searching', to: 'no_footage' });
    const overdue = await repo.list({ overdue: true });
    expect(overdue.map((r) => r.id)).toEqual([late]);
    expect(overdue[0]?.overdue).toBe(true);
    const notOverdue = (await repo.list({ overdue: false })).map((r) => r.id);
    expect(notOverdue).toContain(answeredLate);
    expect(notOverdue).not.toContain(late);
    expect((await repo.list({ status: 'no_footage' })).map((r) => r.reference)).toEqual(['DA-2026-DDDDDD']);
    expect((await repo.list()).length).toBeGreaterThanOrEqual(4);
  });

  it('holds matched footage per camera until released, and carries an export and its review flag', async () => {
    const id = await repo.create(request('DA-2026-EEEEEE'));
    const held = await repo.addRange(id, {
      cameraId,
      start: '2026-06-14T06:10:00Z',
      end: '2026-06-14T06:20:00Z',
      hold: true,
      addedBy: 'dpo',
    });
    await repo.addRange(id, {
      cameraId: otherCameraId,
      start: '2026-06-14T06:00:00Z',
      end: '2026-06-14T06:05:00Z',
      hold: false,
      addedBy: 'dpo',
    });
    const heldFor = async (camera: string) => (await repo.holdsFor(camera)).filter((h) => h.requestId === id);
    expect(await heldFor(cameraId)).toEqual([
      {
        requestId: id,
        reference: 'DA-2026-EEEEEE',
        kind: 'matched',
        rangeId: held,
        cameraId,
        start: '2026-06-14T06:10:00.000Z',
        end: '2026-06-14T06:20:00.000Z',
      },
    ]);
    expect(await heldFor(otherCameraId)).toEqual([]);
    expect(await repo.updateRange(id, held, { exportId: 'export-1', needsReview: true })).toBe(true);
    expect((await repo.get(id))?.ranges.find((r) => r.id === held)).toMatchObject({
      id: held,
      exportId: 'export-1',
      needsReview: true,
      hold: true,
    });
    expect(await repo.updateRange('6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90', held, { hold: false })).toBe(false);
    expect(await repo.releaseHolds(id)).toBe(1);
    expect(await heldFor(cameraId)).toEqual([]);
  });

  it('holds the window on the camera a person named while the request is received or searching', async () => {
    const camera = (await new CameraRepository(database!.db, clock).list()).find((c) => c.name === 'Marché')!.id;
    const id = await repo.create(request('DA-2026-GGGGGG', { cameraHint: camera }));
    const provisional = {
      requestId: id,
      reference: 'DA-2026-GGGGGG',
      kind: 'provisional',
      rangeId: null,
      cameraId: camera,
      start: '2026-06-14T06:00:00.000Z',
      end: '2026-06-14T07:00:00.000Z',
    };
    expect(await repo.holdsFor(camera)).toEqual([provisional]);
    await repo.setStatus(id, { from: 'received', to: 'searching' });
    expect(await repo.holdsFor(camera)).toEqual([provisional]);
    await repo.setStatus(id, { from: 'searching', to: 'no_footage' });
    expect(await repo.holdsFor(camera)).toEqual([]);
  });

  it('refuses a range that ends before it starts, even written directly', async () => {
    const id = await repo.create(request('DA-2026-FFFFFF'));
    await expect(
      repo.addRange(id, {
        cameraId,
        start: '2026-06-14T07:00:00Z',
        end: '2026-06-14T06:00:00Z',
        hold: true,
        addedBy: 'dpo',
      }),
    ).rejects.toThrow(/check constraint/);
    now = new Date('2026-06-15T10:00:00Z');
  });
});
