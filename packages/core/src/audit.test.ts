import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  auditCheckpointText,
  auditGenesisHash,
  auditHashInput,
  verifyAuditChain,
  verifyAuditTrail,
  type AuditCheckpoint,
  type AuditEntry,
  type AuditInput,
} from './audit.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(inputs: AuditInput[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = auditGenesisHash;
  inputs.forEach((input, index) => {
    const partial = { ...input, seq: index + 1, at: `2026-11-23T10:00:0${index}.000Z`, prevHash };
    const entry = { ...partial, hash: sha256(auditHashInput(partial)) };
    entries.push(entry);
    prevHash = entry.hash;
  });
  return entries;
}

const inputs: AuditInput[] = [
  { action: 'auth.login', actorName: 'alice', source: '127.0.0.1' },
  { action: 'camera.updated', actorName: 'alice', cameraId: 'c1', details: { retentionDays: { from: 15, to: 7 } } },
  { action: 'export.created', actorName: 'bob', cameraId: 'c1', reason: 'réquisition judiciaire 2026/123' },
];

describe('audit hash chain', () => {
  it('accepts an untouched chain', () => {
    const entries = chain(inputs);
    expect(verifyAuditChain(entries, { seq: 3, hash: entries[2]!.hash }, sha256)).toEqual({
      valid: true,
      entries: 3,
      breaks: [],
    });
  });

  it('hashes the same content identically whatever the key order', () => {
    const a = {
      action: 'auth.login' as const,
      actorName: 'x',
      seq: 1,
      at: 't',
      prevHash: 'p',
      details: { b: 1, a: 2 },
    };
    const b = {
      details: { a: 2, b: 1 },
      prevHash: 'p',
      at: 't',
      seq: 1,
      actorName: 'x',
      action: 'auth.login' as const,
    };
    expect(auditHashInput(a)).toBe(auditHashInput(b));
  });

  it('detects a modified entry', () => {
    const entries = chain(inputs);
    entries[1] = { ...entries[1]!, actorName: 'mallory' };
    expect(verifyAuditChain(entries, { seq: 3, hash: entries[2]!.hash }, sha256).breaks).toEqual([
      { seq: 2, problem: 'modified' },
    ]);
  });

  it('detects a deleted entry in the middle and at the end', () => {
    const entries = chain(inputs);
    const head = { seq: 3, hash: entries[2]!.hash };
    expect(verifyAuditChain([entries[0]!, entries[2]!], head, sha256).valid).toBe(false);
    expect(verifyAuditChain(entries.slice(0, 2), head, sha256).breaks).toContainEqual({ seq: 3, problem: 'missing' });
  });

  it('detects an inserted entry even with a recomputed hash', () => {
    const entries = chain(inputs);
    const forged = { ...entries[1]!, seq: 2, actorName: 'forger' };
    const rehashed = { ...forged, hash: sha256(auditHashInput({ ...forged })) };
    const tampered = [entries[0]!, rehashed, ...entries.slice(1).map((e) => ({ ...e, seq: e.seq + 1 }))];
    const result = verifyAuditChain(tampered, { seq: 3, hash: entries[2]!.hash }, sha256);
    expect(result.valid).toBe(false);
  });
});

describe('audit checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const checkpointOf = (entries: readonly AuditEntry[], at = '2026-11-23T11:00:00.000Z'): AuditCheckpoint => {
    const unsigned = { entries: entries.length, headHash: entries.at(-1)?.hash ?? auditGenesisHash, at, keyId: 'k1' };
    return {
      ...unsigned,
      signature: sign(null, Buffer.from(auditCheckpointText(unsigned)), privateKey).toString('base64'),
    };
  };
  const crypto = {
    digest: sha256,
    verifySignature: (c: AuditCheckpoint) =>
      verify(null, Buffer.from(auditCheckpointText(c)), publicKey, Buffer.from(c.signature, 'base64')),
  };
  const headOf = (entries: readonly AuditEntry[]) => {
    const last = entries.at(-1);
    return last === undefined ? undefined : { seq: last.seq, hash: last.hash };
  };
  const verifyWith = (entries: readonly AuditEntry[], checkpoint: AuditCheckpoint) =>
    verifyAuditTrail({ entries, head: headOf(entries) }, [checkpoint], crypto);
  const longer: AuditInput[] = [...inputs, { action: 'auth.logout', actorName: 'bob' }];

  it('accepts a trail that grew after its checkpoint', () => {
    const checkpoint = checkpointOf(chain(inputs));
    const result = verifyWith(chain(longer), checkpoint);
    expect(result).toMatchObject({ valid: true, entries: 4, checkpoints: 1, anchoredEntries: 3, checkpointBreaks: [] });
  });

  // Each rewrite below keeps the chain itself consistent (hashes recomputed, head record updated), as
  // someone with write access to the database would: only the checkpoint can tell.
  it('detects the last entries deleted and the head record updated', () => {
    const entries = chain(longer);
    const result = verifyWith(entries.slice(0, 2), checkpointOf(entries));
    expect(verifyAuditChain(entries.slice(0, 2), headOf(entries.slice(0, 2)), sha256).valid).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.checkpointBreaks).toEqual([
      { at: '2026-11-23T11:00:00.000Z', entries: 4, problem: 'entries_missing' },
    ]);
  });

  it('detects a changed entry with every following hash recomputed', () => {
    const checkpoint = checkpointOf(chain(longer));
    const rewritten = chain(longer.map((input, n) => (n === 1 ? { ...input, actorName: 'mallory' } : input)));
    expect(verifyAuditChain(rewritten, headOf(rewritten), sha256).valid).toBe(true);
    expect(verifyWith(rewritten, checkpoint).checkpointBreaks).toEqual([
      { at: checkpoint.at, entries: 4, problem: 'rewritten' },
    ]);
  });

  it('detects a middle entry deleted and the rest renumbered and rehashed, also once new entries follow', () => {
    const checkpoint = checkpointOf(chain(longer));
    const without = longer.filter((_, n) => n !== 1);
    expect(verifyWith(chain(without), checkpoint).checkpointBreaks[0]?.problem).toBe('entries_missing');
    const padded = chain([...without, { action: 'auth.login', actorName: 'carol' }]);
    expect(verifyWith(padded, checkpoint).checkpointBreaks[0]?.problem).toBe('rewritten');
  });

  it('detects a wiped trail', () => {
    const result = verifyWith([], checkpointOf(chain(longer)));
    expect(result).toMatchObject({ valid: false, entries: 0 });
    expect(result.checkpointBreaks[0]?.problem).toBe('entries_missing');
  });

  it('refuses a checkpoint whose signature does not hold, and does not count it', () => {
    const entries = chain(longer);
    const forged = { ...checkpointOf(entries.slice(0, 2)), entries: 4, headHash: entries[3]!.hash };
    const result = verifyWith(entries, forged);
    expect(result).toMatchObject({ valid: false, checkpoints: 0, anchoredEntries: 0 });
    expect(result.checkpointBreaks[0]?.problem).toBe('signature_invalid');
  });
});
