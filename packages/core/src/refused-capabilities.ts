import { VigieError } from './errors.js';

/**
 * Capabilities Vigie refuses by design, not merely switches off (LEGAL R16, R17): each with the words
 * that name it in a request and the legal reason quoted back to the caller.
 */
export const refusedCapabilities = [
  {
    id: 'face_recognition',
    words: ['face', 'faces', 'facial', 'visage', 'visages'],
    reason:
      'Facial recognition is refused by design: loi 2023-380 art. 10 III forbids any facial recognition technique, and AI Act art. 5 bans real-time remote biometric identification in public spaces.',
  },
  {
    id: 'biometric_identification',
    words: [
      'biometric',
      'biometrics',
      'biometry',
      'identification',
      'identify',
      'reid',
      'reidentification',
      'embedding',
      'embeddings',
      'gait',
      'emotion',
      'emotions',
      'watchlist',
    ],
    reason:
      'Biometric identification, re-identification and emotion recognition are refused by design (loi 2023-380 art. 10 III; AI Act art. 5(1); GDPR art. 9).',
  },
  {
    id: 'plate_recognition',
    words: ['plate', 'plates', 'lapi', 'anpr', 'alpr', 'lpr', 'immatriculation'],
    reason:
      'Licence-plate reading is refused by design: CSI L233-1 reserves it to the national police, gendarmerie and customs (CNIL délibération 2014-219; CNIL warning to Valenciennes, 2021).',
  },
] as const;

/** Splits an identifier or phrase into lowercase words: `faceRecognition`, `face_match`, `plate-reader`. */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Finds the refused capability a field name or value names, if any (whole words only: "surface" is fine). */
export function refusedCapabilityNamed(text: string): (typeof refusedCapabilities)[number] | undefined {
  const found = words(text);
  return refusedCapabilities.find((capability) => capability.words.some((word) => found.includes(word)));
}

/** Throws CAPABILITY_REFUSED_BY_LAW when a request names a refused capability at the given path. */
export function assertNotRefusedCapability(text: string, path: string): void {
  const refused = refusedCapabilityNamed(text);
  if (refused !== undefined) {
    throw new VigieError('CAPABILITY_REFUSED_BY_LAW', refused.reason, [
      { path, reason: `${refused.id} is refused by design` },
    ]);
  }
}
