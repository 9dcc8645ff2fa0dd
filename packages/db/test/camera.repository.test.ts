import { frenchProfile, cameraSettingsFromInput, VigieError, type CameraSettings, type Clock } from '@vigie/core';
import { CameraRepository, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let now: Date;
const clock: Clock = { now: () => now };

function settings(name: string, extra: Partial<CameraSettings> = {}): CameraSettings {
  return {
    ...cameraSettingsFromInput(
      {
        name,
        sourceUrl: `rtsp://cam/${name}`,
        location: { lat: 50.36, lon: 3.52 },
        purposes: ['public_space_safety'],
      },
      frenchProfile,
    ),
    ...extra,
  };
}

describe.each(testEngines)('camera repository on $name', (engine) => {
  let database: VigieDatabase | undefined;
  let repo: CameraRepository;

  beforeAll(async () => {
    now = new Date('2026-11-23T10:00:00Z');
    database = await engine.open();
    repo = new CameraRepository(database.db, clock);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a camera and reads every field back unchanged', async () => {
    const masks = [
      {
        id: 'door',
        label: 'Entrance of no 12',
        polygon: [
          { x: 0, y: 0 },
          { x: 0.5, y: 0 },
          { x: 0.5, y: 0.25 },
        ],
      },
    ];
    const created = await repo.create(
      settings('Hôtel de ville', {
        masks,
        masksOnCamera: true,
        purposes: ['public_buildings_protection', 'public_space_safety'],
      }),
    );
    expect(created.version).toBe(1);
    expect(created.createdAt).toBe('2026-11-23T10:00:00.000Z');
    const read = await repo.get(created.id);
    expect(read).toEqual(created);
    expect(read?.masks).toEqual(masks);
    expect(read?.masksOnCamera).toBe(true);
    expect(read?.location).toEqual({ lat: 50.36, lon: 3.52 });
  });

  it('lists cameras by name', async () => {
    await repo.create(settings('Abbaye'));
    await repo.create(settings('Zénith'));
    const names = (await repo.list()).map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : 1)));
    expect(names).toContain('Abbaye');
  });

  it('refuses a second camera with the same name', async () => {
    await repo.create(settings('Gare'));
    await expect(repo.create(settings('Gare'))).rejects.toMatchObject({
      code: 'CAMERA_NAME_TAKEN',
    });
  });

  it('updates with optimistic versioning and refuses a stale version', async () => {
    const camera = await repo.create(settings('Marché'));
    now = new Date('2026-11-23T11:00:00Z');
    const updated = await repo.update(camera.id, { ...settings('Marché'), retentionDays: 7 }, 1);
    expect(updated).toMatchObject({
      version: 2,
      retentionDays: 7,
      updatedAt: '2026-11-23T11:00:00.000Z',
    });
    expect(updated.createdAt).toBe(camera.createdAt);
    const stale = repo.update(camera.id, settings('Marché'), 1);
    await expect(stale).rejects.toBeInstanceOf(VigieError);
    await expect(stale).rejects.toMatchObject({
      code: 'CAMERA_VERSION_CONFLICT',
    });
  });

  it('reports an update of an unknown camera as not found', async () => {
    await expect(repo.update('00000000-0000-4000-8000-000000000000', settings('X'), 1)).rejects.toMatchObject({
      code: 'CAMERA_NOT_FOUND',
    });
  });

  it('refuses a retention above 30 days even when written directly', async () => {
    await expect(repo.create(settings('Illégale', { retentionDays: 31 }))).rejects.toThrow(/check constraint/);
  });

  it('removes a camera once', async () => {
    const camera = await repo.create(settings('Temporaire'));
    expect(await repo.remove(camera.id)).toBe(true);
    expect(await repo.remove(camera.id)).toBe(false);
    expect(await repo.get(camera.id)).toBeUndefined();
  });
});
