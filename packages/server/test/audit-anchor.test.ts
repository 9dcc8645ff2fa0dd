import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { auditGenesisHash, auditHashInput, systemClock, type AuditEntry, type CameraInput } from '@vigie/core';
import { AuditRepository, sha256Hex, type VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cameraBody, openTestApp, type TestApp } from './support.js';

/**
 * Rewrites the trail as someone with write access to the database would, leaving a consistent chain:
 * every hash recomputed from the first change on, seqs contiguous, the head record updated.
 */
async function rewriteTrail(database: VigieDatabase, change: (entries: AuditEntry[]) => AuditEntry[]): Promise<void> {
  const stored = (await new AuditRepository(database.db, systemClock).list({ limit: 100_000 })).reverse();
  const rewritten = change(stored);
  await database.db.deleteFrom('audit_log').execute();
  await database.db.deleteFrom('audit_head').execute();
  let prevHash = auditGenesisHash;
  for (const [index, entry] of rewritten.entries()) {
    const { hash: _old, ...fields } = entry;
    const partial = { ...fields, seq: index + 1, prevHash };
    const hash = sha256Hex(auditHashInput(partial));
    await database.db
      .insertInto('audit_log')
      .values({
        seq: partial.seq,
        at: partial.at,
        action: partial.action,
        actor_id: partial.actorId ?? null,
        actor_name: partial.actorName,
        camera_id: partial.cameraId ?? null,
        range_start: partial.rangeStart ?? null,
        range_end: partial.rangeEnd ?? null,
        reason: partial.reason ?? null,
        source: partial.source ?? null,
        details: partial.details === undefined ? null : JSON.stringify(partial.details),
        prev_hash: prevHash,
        hash,
      })
      .execute();
    await database.db
      .insertInto('audit_head')
      .values({ id: 1, seq: partial.seq, hash })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq: partial.seq, hash }))
      .execute();
    prevHash = hash;
  }
}

describe.each(testEngines)('audit checkpoints on $name', (engine) => {
  let app: TestApp;

  beforeEach(async () => {
    app = await openTestApp(engine);
    for (const name of ['Beffroi', 'Gare', 'Marché', 'Port'])
      await app.cameras.create(cameraBody({ name }) as unknown as CameraInput, {
        actorName: 'alice',
        source: '192.0.2.7',
      });
    await app.auditAnchor.checkpoint();
  }, 60_000);
  afterEach(async () => {
    await app?.close();
  });

  it('signs the head into the database and the file outside it, and publishes the newest', async () => {
    const head = await app.database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const lines = (await readFile(join(app.mediaDir, 'audit-checkpoints.jsonl'), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      entries: 4,
      headHash: head.hash,
      keyId: app.installationKey.keyId,
    });
    // Nothing new: no new checkpoint.
    await app.auditAnchor.checkpoint();
    expect((await readFile(join(app.mediaDir, 'audit-checkpoints.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
    const published = await app.http.inject({ method: 'GET', url: '/api/transparency/audit' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      algorithm: 'Ed25519',
      keyId: app.installationKey.keyId,
      publicKeyPem: app.installationKey.publicKeyPem,
      checkpoint: { entries: 4, headHash: head.hash },
    });
  });

  it('accepts the trail as it grows after a checkpoint', async () => {
    await app.cameras.create(cameraBody({ name: 'Mairie' }) as unknown as CameraInput, { actorName: 'bob' });
    expect(await app.auditAnchor.verify()).toMatchObject({
      valid: true,
      entries: 5,
      checkpoints: 1,
      anchoredEntries: 4,
      checkpointBreaks: [],
    });
  });

  const rewrites: [string, (entries: AuditEntry[]) => AuditEntry[], string][] = [
    ['the last entries deleted and the head record updated', (entries) => entries.slice(0, 2), 'entries_missing'],
    [
      'an entry changed and every following hash recomputed',
      (entries) => entries.map((e, n) => (n === 1 ? { ...e, actorName: 'mallory' } : e)),
      'rewritten',
    ],
    [
      'a middle entry deleted and the rest recomputed',
      (entries) => entries.filter((_, n) => n !== 1),
      'entries_missing',
    ],
    ['everything wiped', () => [], 'entries_missing'],
  ];
  it.each(rewrites)(
    'detects %s, even with the database copy of the checkpoints deleted',
    async (_name, change, problem) => {
      await rewriteTrail(app.database, change);
      await app.database.db.deleteFrom('audit_checkpoints').execute();
      // The chain alone is consistent: that is what made these rewrites pass before checkpoints.
      const chainOnly = await new AuditRepository(app.database.db, systemClock).verify({
        checkpoints: [],
        verifySignature: () => false,
      });
      expect(chainOnly.valid).toBe(true);
      const result = await app.auditAnchor.verify();
      expect(result.valid).toBe(false);
      expect(result.checkpointBreaks).toEqual([expect.objectContaining({ entries: 4, problem })]);
      const response = await app.http.inject({ method: 'GET', url: '/api/audit/verify' });
      expect(response.statusCode).toBe(401);
    },
  );

  it('refuses a checkpoint forged into the database', async () => {
    const [genuine] = await new AuditRepository(app.database.db, systemClock).checkpoints();
    await app.database.db
      .insertInto('audit_checkpoints')
      .values({
        at: new Date(),
        entries: 2,
        head_hash: 'f'.repeat(64),
        key_id: genuine?.keyId ?? '',
        signature: genuine?.signature ?? '',
      })
      .execute();
    const result = await app.auditAnchor.verify();
    expect(result.valid).toBe(false);
    expect(result.checkpointBreaks.map((b) => b.problem)).toEqual(['signature_invalid']);
  });
});
