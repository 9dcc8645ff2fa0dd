import { describe, expect, it } from 'vitest';
import { analyticsEventTypes } from './analytic-event-types.js';
import { analyticJustified, assertAnalyticsJustified } from './analytic-purposes.js';
import { VigieError } from './errors.js';
import { frenchProfile, type Purpose } from './legal-profile.js';

const analyticJustifications = frenchProfile.analytics;
const purposes = frenchProfile.purposes;

function refusal(action: () => void): VigieError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VigieError) return error;
    throw error;
  }
  return undefined;
}

// The eight event types of décret 2023-828 art. 3 that the engine implements (weapons: no reliable model).
const decreeTypes = [
  'abandoned_object',
  'wrong_way',
  'intrusion',
  'person_on_ground',
  'crowd_movement',
  'crowd_density',
  'fire_smoke',
] as const;

describe('purpose → analytic table', () => {
  it('covers every analytic and names only known purposes', () => {
    expect(Object.keys(analyticJustifications).sort()).toEqual([...analyticsEventTypes].sort());
    for (const { justifiedBy, basis } of Object.values(analyticJustifications)) {
      if (justifiedBy !== 'any') for (const p of justifiedBy) expect(purposes).toContain(p);
      expect(basis.length).toBeGreaterThan(10);
    }
  });

  it('justifies the decree’s event types by at least one purpose each, citing the decree', () => {
    for (const type of decreeTypes) {
      const { justifiedBy, basis } = analyticJustifications[type];
      expect(Array.isArray(justifiedBy) && justifiedBy.length > 0, type).toBe(true);
      expect(basis).toContain('décret 2023-828 art. 3');
    }
  });

  it('justifies the analytics the CNIL found disproportionate in Valenciennes by no purpose at all', () => {
    for (const type of ['object_removed', 'rapid_movement'] as const) {
      for (const purpose of purposes)
        expect(analyticJustified(type, [purpose], frenchProfile), `${type} × ${purpose}`).toBe(false);
      expect(analyticJustifications[type].basis).toContain('Valenciennes');
    }
  });

  it('lets anonymous people counting and tamper detection run whatever the purpose', () => {
    for (const purpose of purposes) {
      expect(analyticJustified('people_count', [purpose], frenchProfile)).toBe(true);
      expect(analyticJustified('camera_tamper', [purpose], frenchProfile)).toBe(true);
    }
  });

  it('keeps traffic offences from justifying any analytic: no prosecution on an algorithm’s output', () => {
    const byOffences = analyticsEventTypes.filter((t) => {
      const { justifiedBy } = analyticJustifications[t];
      return justifiedBy !== 'any' && justifiedBy.includes('traffic_offences');
    });
    expect(byOffences).toEqual([]);
  });

  it('refuses an unjustified analytic, naming the purposes that would justify it', () => {
    const error = refusal(() =>
      assertAnalyticsJustified(
        { purposes: ['traffic_regulation'], analytics: ['people_count', 'crowd_density'] },
        frenchProfile,
      ),
    );
    expect(error?.code).toBe('ANALYTIC_NOT_JUSTIFIED');
    expect(error?.details).toEqual([
      {
        path: '/analytics/1',
        reason:
          '"crowd_density": it needs one of the purposes public_space_safety, amusement_park_safety, rescue_fire_defence (décret 2023-828 art. 3, 7° (excessive density of people))',
      },
    ]);
    expect(error?.message).toContain('not justified by this camera’s purposes (traffic_regulation)'.replace('’', "'"));
  });

  it('refuses removing the purpose an enabled analytic needs, blaming the purposes', () => {
    const settings = { purposes: ['traffic_regulation'] as Purpose[], analytics: ['intrusion' as const] };
    const error = refusal(() =>
      assertAnalyticsJustified(settings, frenchProfile, { purposes: ['traffic_regulation'] }),
    );
    expect(error?.details[0]?.path).toBe('/purposes');
    expect(error?.message).toMatch(/^These purposes cannot be removed: the enabled analytic "intrusion"/);
    expect(error?.message).toContain('Disable the analytic first');
    expect(
      refusal(() => assertAnalyticsJustified(settings, frenchProfile, { analytics: ['intrusion'] }))?.details[0]?.path,
    ).toBe('/analytics/0');
    expect(
      refusal(() => assertAnalyticsJustified({ ...settings, analytics: [] }, frenchProfile, { purposes: [] })),
    ).toBeUndefined();
  });
});
