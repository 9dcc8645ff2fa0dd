import type { AnalyticsEventType } from '../analytic-event-types.js';
import type { euPrivatePremisesPurposes } from './eu-private/eu-private.purposes.js';
import type { frenchPurposes } from './fr/fr.purposes.js';

/** A purpose a camera may be installed for: one of any profile's (the active profile's are checked apart). */
export type Purpose = (typeof frenchPurposes)[number] | (typeof euPrivatePremisesPurposes)[number];

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
  /** Days before an access request's deadline the DPO is reminded of it. */
  accessRequestReminderDays: number;
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
  /**
   * Who may see images (LEGAL R8–R10): a designation act and valid training for each person, and
   * whether images are shown only on enrolled supervision-room workstations (a configuration can require
   * it too).
   */
  habilitation: {
    required: boolean;
    aiLiteracyTrainingRequired: boolean;
    workstationsRequired: boolean;
    source: string;
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
