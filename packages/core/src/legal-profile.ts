/**
 * A legal profile gathers the rules that depend on the country. France is the default;
 * other countries can be added as data without touching the rules that read them.
 */
export interface LegalProfile {
  id: string;
  /** Longest time a recording may be kept, in days. */
  maxRetentionDays: number;
  /** Retention proposed for a new camera (privacy by default: below the maximum). */
  defaultRetentionDays: number;
  /** The closed list of purposes a camera may declare. */
  purposes: readonly Purpose[];
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
}

/** The eleven purposes of article L251-2 of the French internal-security code. */
export const purposes = [
  'public_buildings_protection',
  'national_defence_installations',
  'traffic_regulation',
  'traffic_offences',
  'public_space_safety',
  'terrorism_prevention',
  'natural_technological_risks',
  'rescue_fire_defence',
  'amusement_park_safety',
  'vehicle_insurance_check',
  'illegal_dumping',
] as const;

/** A purpose a camera may be installed for. */
export type Purpose = (typeof purposes)[number];

/** The French profile (CSI L251-2, L252-5): the default. */
export const frenchProfile: LegalProfile = {
  id: 'fr',
  maxRetentionDays: 30,
  defaultRetentionDays: 15,
  purposes,
  retentionSource: 'CSI L252-5',
  timeZone: 'Europe/Paris',
  authorisationMaxYears: 5,
  authorisationSource: 'CSI L252-4',
  // Prefecture guidance: the renewal file is due four months before expiry (LEGAL R1).
  renewalNoticeMonths: 4,
  // GDPR art. 12(3): one month, extendable by two (LEGAL R15).
  accessRequestDeadlineMonths: 1,
};
