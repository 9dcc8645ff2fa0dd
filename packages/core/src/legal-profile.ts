import { euPrivatePremisesProfile } from './legal-profiles/eu-private/eu-private.profile.js';
import { euPrivatePremisesPurposes } from './legal-profiles/eu-private/eu-private.purposes.js';
import { frenchProfile } from './legal-profiles/fr/fr.profile.js';
import { frenchPurposes } from './legal-profiles/fr/fr.purposes.js';
import type { LegalProfile, Purpose } from './legal-profiles/legal-profile.types.js';

export type * from './legal-profiles/legal-profile.types.js';

export { frenchProfile } from './legal-profiles/fr/fr.profile.js';
export { euPrivatePremisesProfile } from './legal-profiles/eu-private/eu-private.profile.js';

/**
 * Every purpose any profile knows; a camera may declare only those of the active profile (checked by
 * `validateCameraSettings`). One closed list keeps the stored data and the API schema the same everywhere.
 */
export const purposes: readonly Purpose[] = [...frenchPurposes, ...euPrivatePremisesPurposes];

/** Every profile Vigie ships, by id. */
export const legalProfiles: Readonly<Record<string, LegalProfile>> = {
  [frenchProfile.id]: frenchProfile,
  [euPrivatePremisesProfile.id]: euPrivatePremisesProfile,
};

/** The profile used when the configuration names none. */
export const defaultLegalProfileId = frenchProfile.id;

/**
 * The inconsistencies of a profile, as sentences (empty: usable). Run on every profile by its tests
 * and on the configured one at start, so a mistyped profile never reaches the rules that read it.
 */
export function legalProfileProblems(profile: LegalProfile): string[] {
  const problems: string[] = [];
  const declared = new Set<string>(profile.purposes);
  if (profile.purposes.length === 0) problems.push('it declares no purpose');
  if (declared.size !== profile.purposes.length) problems.push('a purpose is listed twice');
  if (!(profile.defaultRetentionDays >= 1 && profile.defaultRetentionDays <= profile.maxRetentionDays)) {
    problems.push(`defaultRetentionDays ${profile.defaultRetentionDays} is not between 1 and maxRetentionDays`);
  }
  // The camera schema caps retention at 30 days for every profile; a profile may only lower it.
  if (profile.maxRetentionDays > 30) problems.push(`maxRetentionDays ${profile.maxRetentionDays} exceeds 30`);
  for (const [type, rule] of Object.entries(profile.analytics)) {
    if (rule.justifiedBy === 'any') continue;
    for (const purpose of rule.justifiedBy) {
      if (!declared.has(purpose)) problems.push(`analytic "${type}" names "${purpose}", not one of its purposes`);
    }
  }
  for (const type of profile.analysisAuthorisation.eventTypes) {
    const rule = profile.analytics[type];
    if (rule.justifiedBy !== 'any' && rule.justifiedBy.length === 0) {
      problems.push(`analysis authorisations may cover "${type}", which no purpose allows`);
    }
  }
  if (profile.analysisAuthorisation.maxDays < 1) problems.push('analysisAuthorisation.maxDays must be 1 or more');
  const refused = new Set(profile.refusedCapabilities.map((c) => c.id));
  for (const id of ['face_recognition', 'biometric_identification', 'plate_recognition'] as const) {
    if (!refused.has(id)) problems.push(`it does not refuse ${id}`);
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: profile.timeZone });
  } catch {
    problems.push(`time zone "${profile.timeZone}" is unknown`);
  }
  return problems;
}

/**
 * The profile with this id, checked; throws an Error naming the known profiles otherwise (the
 * configuration reports it at start, before anything runs).
 */
export function legalProfileById(id: string): LegalProfile {
  const profile = Object.hasOwn(legalProfiles, id) ? legalProfiles[id] : undefined;
  if (profile === undefined) {
    const known = Object.values(legalProfiles)
      .map((p) => `"${p.id}" (${p.title.en})`)
      .join(', ');
    throw new Error(`"${id}" is not a legal profile Vigie knows; choose one of ${known}.`);
  }
  const problems = legalProfileProblems(profile);
  if (problems.length > 0) throw new Error(`Legal profile "${id}" is inconsistent: ${problems.join('; ')}.`);
  return profile;
}
