import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import { euPrivatePremisesProfile, frenchProfile } from './legal-profile.js';
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
    ['reconnaissanceFaciale', 'face_recognition'],
    ['reconnaissance_visages', 'face_recognition'],
    ['identificationBiométrique', 'biometric_identification'],
    ['détectionÉmotion', 'biometric_identification'],
    ['lectureDePlaques', 'plate_recognition'],
    ['plaque_immatriculation', 'plate_recognition'],
  ])('recognises %s as %s', (text, id) => {
    expect(refusedCapabilityNamed(text, frenchProfile)?.id).toBe(id);
  });

  it.each(['surface', 'interface', 'template', 'crowdDensity', 'abandoned_object', 'placement', 'visibilite'])(
    'leaves %s alone',
    (text) => {
      expect(refusedCapabilityNamed(text, frenchProfile)).toBeUndefined();
    },
  );

  it('refuses with the legal reason and the field path', () => {
    try {
      assertNotRefusedCapability('plateReading', { path: '/plateReading', profile: frenchProfile });
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

  it('recognises French names under every profile and quotes the active profile’s texts', () => {
    expect(refusedCapabilityNamed('reconnaissanceFaciale', euPrivatePremisesProfile)?.id).toBe('face_recognition');
    expect(refusedCapabilityNamed('lapi', euPrivatePremisesProfile)?.reason).toContain('GDPR art. 5(1)(c)');
    expect(refusedCapabilityNamed('lapi', frenchProfile)?.reason).toContain('CSI L233-1');
    expect(refusedCapabilityNamed('faceMatch', euPrivatePremisesProfile)?.reason).toContain('AI Act art. 5(1)(e)');
  });
});
