import { describe, expect, it } from 'vitest';
import { assertAnalyticsJustified } from './analytic-purposes.js';
import { VigieError } from './errors.js';
import { frenchProfile, type Purpose } from './legal-profile.js';

function refusal(action: () => void): VigieError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VigieError) return error;
    throw error;
  }
  return undefined;
}

describe('purpose → analytic rule (the French profile’s table is tested in legal-profiles/fr)', () => {
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
