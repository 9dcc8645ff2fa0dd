import { VigieError } from './errors.js';
import type { LegalProfile, RefusedCapabilityRule } from './legal-profile.js';
import { legalProfiles } from './legal-profile.js';

/**
 * The English words that name each capability Vigie refuses by design (LEGAL R16, R17), known to every
 * profile; each profile adds the words of its own language and the texts it quotes.
 */
const englishWords: Readonly<Record<RefusedCapabilityRule['id'], readonly string[]>> = {
  face_recognition: ['face', 'faces', 'facial'],
  biometric_identification: [
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
  plate_recognition: ['plate', 'plates', 'lapi', 'anpr', 'alpr', 'lpr', 'immatriculation'],
};

/** A refused capability as recognised: its id, and the reason the active profile quotes. */
export interface RefusedCapability {
  id: RefusedCapabilityRule['id'];
  reason: string;
}

/** Splits an identifier or phrase into lowercase words without accents: `reconnaissanceFaciale`, `plate-reader`. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * Finds the refused capability a field name or value names, if any (whole words only: "surface" is
 * fine), in English or in the language of any profile, so that a French field name is refused under
 * every profile; the reason quoted is the given profile's.
 */
export function refusedCapabilityNamed(text: string, profile: LegalProfile): RefusedCapability | undefined {
  const found = words(text);
  const names = (id: RefusedCapabilityRule['id']) =>
    englishWords[id].some((word) => found.includes(word)) ||
    Object.values(legalProfiles).some((p) =>
      p.refusedCapabilities.some((rule) => rule.id === id && rule.words.some((word) => found.includes(word))),
    );
  const rule = profile.refusedCapabilities.find((capability) => names(capability.id));
  return rule === undefined ? undefined : { id: rule.id, reason: rule.reason };
}

/** Throws CAPABILITY_REFUSED_BY_LAW when a request names a refused capability at the given path. */
export function assertNotRefusedCapability(text: string, where: { path: string; profile: LegalProfile }): void {
  const refused = refusedCapabilityNamed(text, where.profile);
  if (refused !== undefined) {
    throw new VigieError('CAPABILITY_REFUSED_BY_LAW', refused.reason, [
      { path: where.path, reason: `${refused.id} is refused by design` },
    ]);
  }
}
