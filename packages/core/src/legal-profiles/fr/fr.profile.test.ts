import { describe, expect, it } from 'vitest';
import { analyticJustified } from '../../analytic-purposes.js';
import { analyticsEventTypes } from '../../analytic-event-types.js';
import { legalProfileProblems } from '../../legal-profile.js';
import { assertRetentionAllowed } from '../../retention.js';
import { frenchProfile as fr } from './fr.profile.js';

// The event types of décret 2023-828 art. 3 the engine implements (weapons: no reliable open model).
const decreeTypes = [
  'abandoned_object',
  'wrong_way',
  'intrusion',
  'person_on_ground',
  'crowd_movement',
  'crowd_density',
  'fire_smoke',
] as const;

describe('the French profile (LEGAL R1–R29)', () => {
  it('is consistent: every analytic has a justification citing its basis, naming only known purposes', () => {
    expect(legalProfileProblems(fr)).toEqual([]);
    expect(Object.keys(fr.analytics).sort()).toEqual([...analyticsEventTypes].sort());
    for (const { justifiedBy, basis } of Object.values(fr.analytics)) {
      if (justifiedBy !== 'any') for (const p of justifiedBy) expect(fr.purposes).toContain(p);
      expect(basis.length).toBeGreaterThan(10);
    }
  });

  it('declares the eleven purposes of CSI L251-2 and caps retention at one month (R2, R3)', () => {
    expect(fr.purposes).toHaveLength(11);
    expect(fr.maxRetentionDays).toBe(30);
    expect(fr.defaultRetentionDays).toBeLessThan(fr.maxRetentionDays);
    expect(() => assertRetentionAllowed(31, fr)).toThrow(/30 days \(CSI L252-5\)/);
  });

  it('allows an analysis authorisation to cover only the decree’s event types, for a month at most (R18, R19)', () => {
    expect([...fr.analysisAuthorisation.eventTypes].sort()).toEqual([...decreeTypes].sort());
    expect(fr.analysisAuthorisation.maxDays).toBeLessThanOrEqual(31);
    for (const type of decreeTypes) {
      expect(fr.analytics[type].basis).toContain('décret 2023-828 art. 3');
      expect(
        fr.purposes.some((purpose) => analyticJustified(type, [purpose], fr)),
        type,
      ).toBe(true);
    }
  });

  it('never allows what the CNIL found disproportionate in Valenciennes', () => {
    for (const type of ['object_removed', 'rapid_movement'] as const) {
      for (const purpose of fr.purposes)
        expect(analyticJustified(type, [purpose], fr), `${type} × ${purpose}`).toBe(false);
      expect(fr.analytics[type].basis).toContain('Valenciennes');
    }
  });

  it('lets anonymous people counting and tamper detection run whatever the purpose', () => {
    for (const purpose of fr.purposes) {
      expect(analyticJustified('people_count', [purpose], fr)).toBe(true);
      expect(analyticJustified('camera_tamper', [purpose], fr)).toBe(true);
    }
  });

  it('lets no analytic rest on traffic offences: no prosecution on an algorithm’s output (art. 10 III)', () => {
    expect(analyticsEventTypes.filter((t) => analyticJustified(t, ['traffic_offences'], fr)).sort()).toEqual([
      'camera_tamper',
      'people_count',
    ]);
  });

  it('requires the minister’s attestation for a model (R23) and quotes the French texts for refusals (R16, R17)', () => {
    expect(fr.modelRegistry.attestationRequired).toBe(true);
    const reasons = Object.fromEntries(fr.refusedCapabilities.map((c) => [c.id, c.reason]));
    expect(reasons['face_recognition']).toContain('loi 2023-380 art. 10 III');
    expect(reasons['plate_recognition']).toContain('CSI L233-1');
  });

  it('gives one month to answer an access request, extendable by two (R15), and renewals four months ahead (R1)', () => {
    expect([fr.accessRequestDeadlineMonths, fr.accessRequestExtensionMonths, fr.renewalNoticeMonths]).toEqual([
      1, 2, 4,
    ]);
    expect(fr.authorisationMaxYears).toBe(5);
  });
});
