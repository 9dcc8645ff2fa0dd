import type { AnalyticsEventType } from './analytic-event-types.js';
import { euPrivatePremisesProfile, euPrivatePremisesPurposes } from './legal-profiles/eu-private/eu-private.profile.js';
import { frenchProfile, frenchPurposes } from './legal-profiles/fr/fr.profile.js';

export { frenchProfile } from './legal-profiles/fr/fr.profile.js';
export { euPrivatePremisesProfile } from './legal-profiles/eu-private/eu-private.profile.js';

/**
 * Every purpose any profile knows; a camera may declare only those of the active profile (checked by
 * `validateCameraSettings`). One closed list keeps the stored data and the API schema the same everywhere.
 */
export const purposes = [...frenchPurposes, ...euPrivatePremisesPurposes] as const;

/** A purpose a camera may be installed for. */
export type Purpose = (typeof purposes)[number];

/** What justifies enabling an analytic on a camera under a profile. */
export interface AnalyticJustification {
  /** The declared purposes, any one of which justifies it; 'any': it needs none; []: never allowed. */
  justifiedBy: readonly Purpose[] | 'any';
  /** The legal ground, quoted back in errors. */
  basis: string;
}

/** A capability refused by design, the words that name it in the profile's language, and the texts to quote. */
export interface RefusedCapabilityRule {
  id: 'face_recognition' | 'biometric_identification' | 'plate_recognition';
  /** Lower-case words without accents, in the profile's language (English words are known to every profile). */
  words: readonly string[];
  reason: string;
}

/**
 * A legal profile gathers the rules that depend on the country or the kind of controller, as data:
 * pure functions read them, so adding a country touches one folder under `legal-profiles/` and its tests.
 */
export interface LegalProfile {
  id: string;
  /** What the profile is for, shown to administrators and in the compliance report. */
  title: { fr: string; en: string };
  /** Longest time a recording may be kept, in days. */
  maxRetentionDays: number;
  /** Retention proposed for a new camera (privacy by default: below the maximum). */
  defaultRetentionDays: number;
  /** The closed list of purposes a camera may declare. */
  purposes: readonly Purpose[];
  /** Where the list of purposes comes from. */
  purposesSource: string;
  /** Where the retention limit comes from, quoted in error messages. */
  retentionSource: string;
  /** Time zone in which legal dates (authorisation expiry, access-request windows) are read. */
  timeZone: string;
  /** Longest validity of a camera's authorisation, in years, and where that comes from. */
  authorisationMaxYears: number;
  authorisationSource: string;
  /** How many months before expiry the renewal file is due. */
  renewalNoticeMonths: number;
  /** Months within which a data subject's access request must be answered. */
  accessRequestDeadlineMonths: number;
  /** Further months the deadline may be extended by, the requester being told why. */
  accessRequestExtensionMonths: number;
  /** Purpose → analytic table: which analytics a camera's purposes allow. */
  analytics: Readonly<Record<AnalyticsEventType, AnalyticJustification>>;
  /**
   * Analytics that raise alerts about people run only inside a dated analysis authorisation (LEGAL R18):
   * which event types one may cover (R19), how long it may last, and the text that requires it.
   */
  analysisAuthorisation: {
    eventTypes: readonly AnalyticsEventType[];
    maxDays: number;
    source: string;
  };
  /** What a detection model must carry in the model registry before it runs (LEGAL R23). */
  modelRegistry: {
    /** Whether an attestation of conformity (France: the interior minister's) is required, and its text. */
    attestationRequired: boolean;
    attestationSource: string;
  };
  /** Capabilities refused by design, with the texts quoted back (LEGAL R16, R17). */
  refusedCapabilities: readonly RefusedCapabilityRule[];
  /** Wording of the record of processing (GDPR art. 30). */
  recordOfProcessing: {
    processing: string;
    legalBasis: string;
    recipients: readonly string[];
    excludedData: readonly string[];
  };
}

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
