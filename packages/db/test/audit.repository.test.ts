import { cameraSettingsFromInput, definedOnly, frenchProfile, type Clock } from '@vigie/core';
import { AuditRepository, CameraRepository, unitOfWork, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const clock: Clock = { now: () => new Date('2026-11-23T10:00:00Z') };
// The chain's own checks; checkpoints are held to it in the server's audit-anchor tests.
const unanchored = { checkpoints: [], verifySignature: () => false };

describe.each(testEngines)('audit trail on $name', (engine) => {
  let database: VigieDatabase | undefined;
  let audit: AuditRepository;

  // One database per engine, emptied before each test (a fresh one per test cost most of this file's time).
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await sql`truncate audit_log, audit_head, cameras cascade`.execute(database!.db);
    audit = new AuditRepository(database!.db, clock);
    await audit.append({ action: 'auth.login', actorName: 'alice', source: '10.1.2.3' });
    await audit.append({
      action: 'playback.viewed',
      actorName: 'alice',
      cameraId: '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90',
      rangeStart: '2026-11-22T08:00:00Z',
      rangeEnd: '2026-11-22T08:05:00Z',
      reason: 'Plainte pour vol, PV 2026/4411',
    });
    await audit.append({ action: 'camera.updated', actorName: 'bob', details: { retentionDays: { from: 15, to: 7 } } });
  });

  it('chains entries and verifies an untouched trail', async () => {
    const entries = await audit.list();
    expect(entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(entries[2]?.prevHash).toBe('0'.repeat(64));
    expect(entries[1]?.prevHash).toBe(entries[2]?.hash);
    expect(entries[1]).toMatchObject({
      rangeStart: '2026-11-22T08:00:00.000Z',
      reason: 'Plainte pour vol, PV 2026/4411',
    });
    expect(await audit.verify(unanchored)).toMatchObject({ valid: true, entries: 3, breaks: [] });
  });

  it('filters by part of the actor’s name in any case (its wildcards literal) and by period', async () => {
    expect((await audit.list({ actor: 'ALI' })).map((e) => e.seq)).toEqual([2, 1]);
    expect(await audit.list({ actor: '%' })).toEqual([]);
    const at = clock.now();
    expect(await audit.list({ from: at, actor: 'bob' })).toHaveLength(1);
    expect(await audit.list({ to: at })).toEqual([]);
    expect(await audit.list({ from: new Date(at.getTime() + 1) })).toEqual([]);
  });

  it('finds a free text in the action, target, author, reason, source or details, any case, its wildcards literal', async () => {
    const seqs = async (text: string, limit?: number) =>
      (await audit.list({ text, ...definedOnly({ limit }) })).map((e) => e.seq);
    expect(await seqs('PLAYBACK.')).toEqual([2]);
    expect(await seqs('Bob')).toEqual([3]);
    expect(await seqs('plainte pour VOL')).toEqual([2]);
    expect(await seqs('10.1.2.3')).toEqual([1]);
    expect(await seqs('6F1C2B7E')).toEqual([2]);
    expect(await seqs('retentiondays')).toEqual([3]);
    expect(await seqs('%')).toEqual([]);
    expect(await seqs('_')).toEqual([]);
    expect(await seqs('a')).toEqual([3, 2, 1]);
    expect(await seqs('a', 2)).toEqual([3, 2]);
    expect((await audit.list({ text: 'alice', action: 'auth.login' })).map((e) => e.seq)).toEqual([1]);
    const camera = await new CameraRepository(database!.db, clock).create(
      cameraSettingsFromInput(
        { name: 'Gare — Parvis', sourceUrl: 'rtsp://cam/gare', location: { lat: 50.36, lon: 3.52 }, purposes: [] },
        frenchProfile,
      ),
    );
    await audit.append({ action: 'live.started', actorName: 'carol', cameraId: camera.id });
    expect(await seqs('gare — PARVIS')).toEqual([4]);
  });

  it('verifies an entry appended from a wider object, such as a request caller spread with its roles', async () => {
    const userId = '0b5d8a52-8f0e-4f6b-9a63-6a2f3c1d9e10';
    const caller = { userId, roles: ['supervisor'], actorId: userId, actorName: 'carol', source: '10.1.2.4' };
    const appended = await audit.append({ action: 'live.started', ...caller, details: { session: 's1' } });
    expect(appended).not.toHaveProperty('roles');
    expect(await audit.verify(unanchored)).toMatchObject({ valid: true, entries: 4, breaks: [] });
  });

  it('detects a row modified directly in the database', async () => {
    await sql`update audit_log set actor_name = 'mallory' where seq = 2`.execute(database!.db);
    expect((await audit.verify(unanchored)).breaks).toEqual([{ seq: 2, problem: 'modified' }]);
  });

  it('detects a row deleted in the middle', async () => {
    await sql`delete from audit_log where seq = 2`.execute(database!.db);
    const result = await audit.verify(unanchored);
    expect(result.valid).toBe(false);
    expect(result.breaks).toContainEqual({ seq: 3, problem: 'missing' });
  });

  it('detects the newest row deleted', async () => {
    await sql`delete from audit_log where seq = 3`.execute(database!.db);
    expect((await audit.verify(unanchored)).breaks).toEqual([{ seq: 3, problem: 'missing' }]);
  });

  it('detects an inserted row, even one with a self-consistent hash', async () => {
    await sql`insert into audit_log (seq, at, action, actor_name, prev_hash, hash)
              select 4, now(), 'auth.login', 'ghost', hash, repeat('a', 64) from audit_head`.execute(database!.db);
    expect((await audit.verify(unanchored)).valid).toBe(false);
  });

  it('keeps the chain linear under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => audit.append({ action: 'live.started', actorName: `op${i}` })),
    );
    const result = await audit.verify(unanchored);
    expect(result).toMatchObject({ valid: true, entries: 11, breaks: [] });
  });

  it('rolls back the audit entry with the change it describes', async () => {
    const run = unitOfWork(database!.db, clock);
    await expect(
      run(async (stores) => {
        await stores.audit.append({ action: 'setting.changed', actorName: 'bob' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await audit.list()).map((e) => e.action)).not.toContain('setting.changed');
    expect((await audit.verify(unanchored)).valid).toBe(true);
  });
});
