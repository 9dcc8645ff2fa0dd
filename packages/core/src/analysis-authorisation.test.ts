import { describe, expect, it } from 'vitest';
import {
  analysisAuthorisationState,
  analyticsAuthorisedAt,
  assertAnalysisAuthorisation,
  nextAuthorisationChange,
  type AnalysisAuthorisationInput,
} from './analysis-authorisation.js';
import { VigieError } from './errors.js';
import { euPrivatePremisesProfile, frenchProfile } from './legal-profile.js';

const camera = '11111111-1111-4111-8111-111111111111';
const other = '22222222-2222-4222-8222-222222222222';
const now = new Date('2026-12-01T08:00:00Z');

const decision: AnalysisAuthorisationInput = {
  reference: 'Arrêté 2026-VSA-017',
  legalBasis: 'loi 2023-380 art. 10; décret 2023-828',
  occasion: 'Marché de Noël 2026',
  responsibleService: 'Police municipale',
  cameraIds: [camera],
  eventTypes: ['abandoned_object', 'crowd_density'],
  startsAt: '2026-12-05T09:00:00Z',
  endsAt: '2026-12-24T23:00:00Z',
  publicNotice: 'Des traitements algorithmiques analysent les images du marché de Noël du 5 au 24 décembre.',
};

function problems(input: AnalysisAuthorisationInput, profile = frenchProfile) {
  try {
    assertAnalysisAuthorisation(input, { now, profile });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).code).toBe('ANALYSIS_AUTHORISATION_INVALID');
    return (error as VigieError).details.map((d) => d.path);
  }
}

describe('analysis authorisations (LEGAL R18, R19)', () => {
  it('accepts a decision of the prefect within a month, covering the decree’s event types', () => {
    expect(problems(decision)).toEqual([]);
  });

  it('refuses an end before the start, in the past, or beyond the profile’s longest period', () => {
    expect(problems({ ...decision, endsAt: decision.startsAt })).toEqual(['/endsAt']);
    expect(problems({ ...decision, startsAt: '2026-10-01T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' })).toEqual([
      '/endsAt',
    ]);
    expect(problems({ ...decision, endsAt: '2027-02-01T00:00:00Z' })).toEqual(['/endsAt']);
    // A private controller's yearly decision fits its profile, not the French one.
    const yearly = { ...decision, eventTypes: ['intrusion' as const], endsAt: '2027-10-01T00:00:00Z' };
    expect(problems(yearly, euPrivatePremisesProfile)).toEqual([]);
    expect(problems(yearly)).toEqual(['/endsAt']);
  });

  it('refuses event types the decree does not list: loitering-like rapid movement, people counting (R19)', () => {
    expect(problems({ ...decision, eventTypes: ['crowd_density', 'rapid_movement', 'people_count'] })).toEqual([
      '/eventTypes/1',
      '/eventTypes/2',
    ]);
    expect(problems({ ...decision, eventTypes: ['wrong_way'] }, euPrivatePremisesProfile)).toEqual(['/eventTypes/0']);
  });

  it('is scheduled, then active from its start, then ended at its end', () => {
    expect(analysisAuthorisationState(decision, now)).toBe('scheduled');
    expect(analysisAuthorisationState(decision, new Date(decision.startsAt))).toBe('active');
    expect(analysisAuthorisationState(decision, new Date(Date.parse(decision.endsAt) - 1))).toBe('active');
    expect(analysisAuthorisationState(decision, new Date(decision.endsAt))).toBe('ended');
  });

  it('lets alert analytics run only inside an active authorisation for that camera; counts and tamper always', () => {
    const enabled = {
      id: camera,
      analytics: ['abandoned_object', 'intrusion', 'people_count', 'camera_tamper'] as const,
    };
    const at = (iso: string) =>
      analyticsAuthorisedAt({ ...enabled, analytics: [...enabled.analytics] }, [decision], new Date(iso));
    expect(at('2026-12-01T08:00:00Z')).toEqual({
      allowed: ['people_count', 'camera_tamper'],
      blocked: ['abandoned_object', 'intrusion'],
    });
    expect(at('2026-12-10T12:00:00Z').allowed).toEqual(['abandoned_object', 'people_count', 'camera_tamper']);
    expect(at(decision.endsAt).allowed).toEqual(['people_count', 'camera_tamper']);
    const elsewhere = analyticsAuthorisedAt(
      { id: other, analytics: ['abandoned_object'] },
      [decision],
      new Date('2026-12-10T12:00:00Z'),
    );
    expect(elsewhere.blocked).toEqual(['abandoned_object']);
  });

  it('tells when analytics must next be re-checked: the next start or end', () => {
    expect(nextAuthorisationChange([decision], now)?.toISOString()).toBe('2026-12-05T09:00:00.000Z');
    expect(nextAuthorisationChange([decision], new Date('2026-12-06T00:00:00Z'))?.toISOString()).toBe(
      '2026-12-24T23:00:00.000Z',
    );
    expect(nextAuthorisationChange([decision], new Date('2026-12-25T00:00:00Z'))).toBeUndefined();
  });
});
