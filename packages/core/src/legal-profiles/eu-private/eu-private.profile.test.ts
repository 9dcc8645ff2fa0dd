import { describe, expect, it } from 'vitest';
import { analyticJustified, assertAnalyticsJustified } from '../../analytic-purposes.js';
import { analyticsEventTypes } from '../../analytic-event-types.js';
import { cameraSettingsFromInput, validateCameraSettings } from '../../camera-rules.js';
import { VigieError } from '../../errors.js';
import { legalProfileProblems } from '../../legal-profile.js';
import { euPrivatePremisesProfile as eu } from './eu-private.profile.js';

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VigieError) return error.code;
    throw error;
  }
  return undefined;
}

const shop = {
  name: 'Mall entrance',
  sourceUrl: 'rtsp://cam.example/1',
  location: { lat: 50.35, lon: 3.52 },
  purposes: ['premises_property_protection' as const],
};

describe('the EU private-premises profile', () => {
  it('is consistent', () => {
    expect(legalProfileProblems(eu)).toEqual([]);
  });

  it('proposes 72 hours of retention by default (EDPB 3/2019 § 121) and caps it at 30 days', () => {
    const settings = cameraSettingsFromInput(shop, eu);
    expect(settings.retentionDays).toBe(3);
    expect(eu.retentionSource).toContain('72 hours');
    expect(codeOf(() => validateCameraSettings({ ...settings, retentionDays: 31 }, eu))).toBe(
      'RETENTION_EXCEEDS_LEGAL_MAXIMUM',
    );
  });

  it('accepts only its own purposes: a shop cannot declare a public-space purpose, nor a city a shop’s', () => {
    const settings = cameraSettingsFromInput(shop, eu);
    expect(codeOf(() => validateCameraSettings(settings, eu))).toBeUndefined();
    expect(codeOf(() => validateCameraSettings({ ...settings, purposes: ['public_space_safety'] }, eu))).toBe(
      'PURPOSE_NOT_IN_PROFILE',
    );
  });

  it('allows intrusion after hours for property, never wrong-way or rapid-movement watching', () => {
    expect(analyticJustified('intrusion', ['premises_property_protection'], eu)).toBe(true);
    expect(analyticJustified('crowd_density', ['premises_property_protection'], eu)).toBe(false);
    for (const type of ['wrong_way', 'rapid_movement', 'object_removed'] as const) {
      for (const purpose of eu.purposes) expect(analyticJustified(type, [purpose], eu)).toBe(false);
    }
    expect(() =>
      assertAnalyticsJustified({ purposes: ['premises_visitor_safety'], analytics: ['wrong_way'] }, eu),
    ).toThrow(/legitimate interests do not outweigh/);
  });

  it('needs no national attestation for a model, and still refuses face, biometric and plate capabilities', () => {
    expect(eu.modelRegistry.attestationRequired).toBe(false);
    expect(eu.refusedCapabilities.map((c) => c.id).sort()).toEqual([
      'biometric_identification',
      'face_recognition',
      'plate_recognition',
    ]);
    expect(eu.analysisAuthorisation.eventTypes.every((t) => analyticsEventTypes.includes(t))).toBe(true);
  });
});
