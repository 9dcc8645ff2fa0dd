import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { analysisConfigOf } from './analysis-config.js';
import type { Camera } from './camera.js';
import {
  assertNoSilentPromotion,
  defaultPromotionPolicy,
  promotionReport,
  RuleSettingsSchema,
  type RuleSettings,
} from './rule-settings.js';

describe('per-rule settings and shadow mode', () => {
  it('accepts a rule’s own thresholds only, and a mode', () => {
    expect(
      Value.Check(RuleSettingsSchema, { crowd_density: { mode: 'shadow', params: { crowdDensityPerM2: 3 } } }),
    ).toBe(true);
    expect(Value.Check(RuleSettingsSchema, { crowd_density: { params: { runningSpeedMps: 3 } } })).toBe(false);
    expect(Value.Check(RuleSettingsSchema, { crowd_density: { mode: 'paused' } })).toBe(false);
    expect(Value.Check(RuleSettingsSchema, { loitering: {} })).toBe(false);
  });

  it('gives the analysis the calibration of the rules that run and which of them are in shadow', () => {
    const ruleSettings: RuleSettings = {
      crowd_density: { mode: 'shadow', params: { crowdDensityPerM2: 3 } },
      person_on_ground: { params: { onGroundAfterS: 8 } },
      fire_smoke: { params: { fireMinFraction: 0.01 } },
    };
    const camera = { zones: [], lines: [], analytics: [], ruleSettings } as unknown as Camera;
    expect(analysisConfigOf(camera, ['crowd_density', 'person_on_ground'])).toMatchObject({
      params: { crowdDensityPerM2: 3, onGroundAfterS: 8 },
      shadow: ['crowd_density'],
    });
    expect(analysisConfigOf(camera, ['person_on_ground']).params).toEqual({ onGroundAfterS: 8 });
  });

  it('promotes only on enough labels and a sufficient precision, irrelevant labels aside', () => {
    const labels = { shadowAlerts: 40, trueAlerts: 15, falseAlarms: 5, irrelevant: 12 };
    expect(promotionReport(labels, defaultPromotionPolicy)).toMatchObject({ labelled: 20, precision: 0.75 });
    expect(() => promotionReport({ ...labels, falseAlarms: 4 }, defaultPromotionPolicy)).toThrow(/Only 19/);
    expect(() => promotionReport({ ...labels, trueAlerts: 8, falseAlarms: 12 }, defaultPromotionPolicy)).toThrow(
      /Precision in shadow is 40 %/,
    );
  });

  it('refuses a plain settings change that takes a rule out of shadow', () => {
    expect(() => assertNoSilentPromotion({ intrusion: { mode: 'shadow' } }, { intrusion: { mode: 'live' } })).toThrow(
      /promotion/,
    );
    expect(() => assertNoSilentPromotion({ intrusion: { mode: 'shadow' } }, {})).toThrow(/intrusion/);
    expect(() => assertNoSilentPromotion({}, { intrusion: { mode: 'shadow' } })).not.toThrow();
  });
});
