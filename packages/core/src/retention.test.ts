import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import { frenchProfile } from './legal-profile.js';
import { assertRetentionAllowed, isPastRetention, retentionCutoff } from './retention.js';

const now = new Date('2026-11-23T12:00:00Z');

describe('retention policy', () => {
  it('accepts the legal maximum and refuses one day more, citing the law', () => {
    expect(() => assertRetentionAllowed(30, frenchProfile)).not.toThrow();
    expect(() => assertRetentionAllowed(31, frenchProfile)).toThrow(/legal maximum of 30 days \(CSI L252-5\)/);
    try {
      assertRetentionAllowed(45, frenchProfile);
    } catch (error) {
      expect(error).toBeInstanceOf(VigieError);
      expect((error as VigieError).code).toBe('RETENTION_EXCEEDS_LEGAL_MAXIMUM');
      expect((error as VigieError).details[0]?.path).toBe('/retentionDays');
    }
  });

  it('puts the cutoff exactly retention days before now', () => {
    expect(retentionCutoff(now, 7).toISOString()).toBe('2026-11-16T12:00:00.000Z');
  });

  it('treats a recording that ended before the cutoff as expired, and one at the cutoff as kept', () => {
    expect(isPastRetention(new Date('2026-11-16T11:59:59Z'), 7, now)).toBe(true);
    expect(isPastRetention(new Date('2026-11-16T12:00:00Z'), 7, now)).toBe(false);
    expect(isPastRetention(new Date('2026-11-23T11:00:00Z'), 1, now)).toBe(false);
  });
});
