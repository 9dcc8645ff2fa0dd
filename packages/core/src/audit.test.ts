import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditGenesisHash, auditHashInput, verifyAuditChain, type AuditEntry, type AuditInput } from './audit.js';

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
