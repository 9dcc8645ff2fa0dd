import { createHash } from 'node:crypto';
import { authorisationPeriod, cameraSettingsFromInput, frenchProfile, type Clock } from '@vigie/core';
import { CameraRepository, LegalRegistryRepository, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let now = new Date('2026-06-15T10:00:00Z');
const clock: Clock = { now: () => now };

const input = {
  authorisation: { reference: '2024/CAB/0123', issuedOn: '2024-03-01', expiresOn: '2029-02-28' },
  signage: { status: 'installed' as const, notes: 'Panneau à l’angle de la rue' },
  facing: 'public' as const,
};

function period(issuedOn: string, expiresOn: string) {
  return authorisationPeriod({ reference: 'x', issuedOn, expiresOn }, { now, profile: frenchProfile });
}

describe.each(testEngines)('legal registry repository on $name', (engine) => {
  let database: VigieDatabase | undefined;
  let registry: LegalRegistryRepository;
  let cameras: CameraRepository;

  beforeAll(async () => {
    database = await engine.open();
    registry = new LegalRegistryRepository(database.db, clock);
    cameras = new CameraRepository(database.db, clock);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function camera(name: string) {
    return cameras.create(
      cameraSettingsFromInput(
        {
          name,
          sourceUrl: `rtsp://cam/${name}`,
          location: { lat: 50.36, lon: 3.52 },
          purposes: ['public_space_safety'],
        },
        frenchProfile,
      ),
    );
  }

  it('records an entry, reads its dates back as written, and versions each change', async () => {
    const { id } = await camera('Gare');
    expect(await registry.get(id)).toBeUndefined();
    const first = await registry.record(id, input, { period: period('2024-03-01', '2029-02-28'), updatedBy: 'dpo' });
    expect(first).toEqual({
      cameraId: id,
      authorisation: {
        reference: '2024/CAB/0123',
        issuedOn: '2024-03-01',
        expiresOn: '2029-02-28',
        expiresAt: '2029-02-28T23:00:00.000Z',
        renewalDueAt: '2028-10-27T22:00:00.000Z',
        state: 'valid',
      },
      signage: { status: 'installed', notes: 'Panneau à l’angle de la rue', photo: null },
      facing: 'public',
      version: 1,
      updatedAt: '2026-06-15T10:00:00.000Z',
      updatedBy: 'dpo',
    });
    const second = await registry.record(
      id,
      { ...input, signage: { status: 'missing' } },
      { period: period('2024-03-01', '2029-02-28'), updatedBy: 'dpo2' },
    );
    expect(second).toMatchObject({ version: 2, signage: { status: 'missing', photo: null }, updatedBy: 'dpo2' });
    expect(second.signage).not.toHaveProperty('notes');
    expect(await registry.list()).toContainEqual(second);
  });

  it('gives each camera its authorisation summary, computed at read time', async () => {
    const { id } = await camera('Marché');
    expect((await cameras.get(id))?.authorisation).toEqual({ state: 'missing', expiresAt: null });
    await registry.record(
      id,
      { ...input, authorisation: { reference: 'A', issuedOn: '2022-01-01', expiresOn: '2026-12-31' } },
      { period: period('2022-01-01', '2026-12-31'), updatedBy: 'dpo' },
    );
    expect((await cameras.get(id))?.authorisation).toEqual({ state: 'valid', expiresAt: '2026-12-31T23:00:00.000Z' });
    now = new Date('2026-09-01T10:00:00Z');
    expect((await cameras.list()).find((c) => c.id === id)?.authorisation.state).toBe('renewal_due');
    now = new Date('2027-01-01T00:00:00Z');
    expect((await registry.get(id))?.authorisation.state).toBe('expired');
    const renamed = await cameras.update(id, { ...(await cameras.get(id))!, name: 'Marché couvert' }, 1);
    expect(renamed.authorisation.state).toBe('expired');
    now = new Date('2026-06-15T10:00:00Z');
  });

  it('stores a sign photo as bytes and serves it back identical, without loading it with the entry', async () => {
    const { id } = await camera('Hôtel de ville');
    await registry.record(id, input, { period: period('2024-03-01', '2029-02-28'), updatedBy: 'dpo' });
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 300 }, (_, i) => i % 256)]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = await registry.setPhoto(id, { contentType: 'image/jpeg', bytes, sha256 });
    expect(meta).toEqual({ contentType: 'image/jpeg', bytes: 304, sha256, uploadedAt: '2026-06-15T10:00:00.000Z' });
    expect((await registry.get(id))?.signage.photo).toEqual(meta);
    const file = await registry.photo(id);
    expect(file?.contentType).toBe('image/jpeg');
    expect(Buffer.from(file!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses, in the database itself, an authorisation longer than five years or a photo of another type', async () => {
    const { id } = await camera('Illégale');
    await expect(
      registry.record(
        id,
        { ...input, authorisation: { reference: 'A', issuedOn: '2024-01-01', expiresOn: '2029-01-02' } },
        { period: period('2024-01-01', '2029-01-01'), updatedBy: 'dpo' },
      ),
    ).rejects.toThrow(/check constraint/);
    await registry.record(id, input, { period: period('2024-03-01', '2029-02-28'), updatedBy: 'dpo' });
    await expect(
      database!.db
        .insertInto('camera_signage_photos')
        .values({
          camera_id: id,
          content_type: 'image/svg+xml',
          bytes: new Uint8Array([1]),
          sha256: 'x',
          uploaded_at: now,
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('forgets the entry and its photo when the camera is removed', async () => {
    const { id } = await camera('Temporaire');
    await registry.record(id, input, { period: period('2024-03-01', '2029-02-28'), updatedBy: 'dpo' });
    await registry.setPhoto(id, { contentType: 'image/png', bytes: new Uint8Array([0x89, 0x50]), sha256: 'x' });
    await cameras.remove(id);
    expect(await registry.get(id)).toBeUndefined();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from camera_signage_photos where camera_id = ${id}`.execute(database!.db);
    expect(left.rows[0]?.n).toBe(0);
  });
});
