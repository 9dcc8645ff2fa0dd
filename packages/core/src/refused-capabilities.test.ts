import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import { assertNotRefusedCapability, refusedCapabilityNamed } from './refused-capabilities.js';

describe('capabilities refused by design', () => {
  it.each([
    ['faceRecognition', 'face_recognition'],
    ['facial_match', 'face_recognition'],
    ['biometricId', 'biometric_identification'],
    ['person-reid', 'biometric_identification'],
    ['emotionDetection', 'biometric_identification'],
    ['plateReading', 'plate_recognition'],
    ['LAPI', 'plate_recognition'],
    ['anpr_camera', 'plate_recognition'],
  ])('recognises %s as %s', (text, id) => {
    expect(refusedCapabilityNamed(text)?.id).toBe(id);
  });

  it.each(['surface', 'interface', 'template', 'crowdDensity', 'abandoned_object'])('leaves %s alone', (text) => {
    expect(refusedCapabilityNamed(text)).toBeUndefined();
  });

  it('refuses with the legal reason and the field path', () => {
    try {
      assertNotRefusedCapability('plateReading', '/plateReading');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(VigieError);
      expect((error as VigieError).code).toBe('CAPABILITY_REFUSED_BY_LAW');
      expect((error as VigieError).message).toContain('CSI L233-1');
      expect((error as VigieError).details).toEqual([
        { path: '/plateReading', reason: 'plate_recognition is refused by design' },
      ]);
    }
  });
});
