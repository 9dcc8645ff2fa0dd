import type { LegalProfile } from '../legal-profile.types.js';
import { euPrivatePremisesPurposes } from './eu-private.purposes.js';

const edpb = 'EDPB Guidelines 3/2019 on video devices';
const notProvided = `not offered: it watches individual conduct, which legitimate interests do not outweigh (${edpb}, §§ 30-39)`;

/**
 * A private controller filming its own premises under the GDPR alone (EU-wide): no public-space
 * purposes, a short retention, alert analytics only for safety and property, each under a dated
 * decision of the controller recorded like a prefect's. National law may add rules: a country-specific
 * profile then copies this folder.
 */
export const euPrivatePremisesProfile: LegalProfile = {
  id: 'eu-private',
  title: {
    fr: 'UE — locaux privés filmés par leur exploitant (RGPD seul)',
    en: 'EU — private premises filmed by their operator (GDPR only)',
  },
  // EDPB 3/2019 § 121: erased after a few days; beyond 72 hours the controller must argue for it.
  maxRetentionDays: 30,
  defaultRetentionDays: 3,
  purposes: euPrivatePremisesPurposes,
  purposesSource: `GDPR art. 6(1)(f) (legitimate interests); ${edpb}, § 18-20`,
  retentionSource: `GDPR art. 5(1)(e); ${edpb}, § 121 (beyond 72 hours needs a documented reason)`,
  timeZone: 'UTC',
  authorisationMaxYears: 3,
  authorisationSource:
    "GDPR art. 5(2) and 24: the controller's documented decision, reviewed at least every three years",
  renewalNoticeMonths: 2,
  accessRequestDeadlineMonths: 1,
  accessRequestExtensionMonths: 2,
  // LEGAL R15: an unanswered request alerts at D+25 of its month.
  accessRequestReminderDays: 5,
  analytics: {
    abandoned_object: {
      justifiedBy: ['premises_visitor_safety'],
      basis: 'safety of visitors (GDPR art. 6(1)(f))',
    },
    object_removed: { justifiedBy: [], basis: notProvided },
    people_count: { justifiedBy: 'any', basis: 'anonymous statistics; source images deleted at once (GDPR art. 89)' },
    crowd_density: { justifiedBy: ['premises_visitor_safety'], basis: 'safety of visitors (GDPR art. 6(1)(f))' },
    crowd_movement: { justifiedBy: ['premises_visitor_safety'], basis: 'safety of visitors (GDPR art. 6(1)(f))' },
    rapid_movement: { justifiedBy: [], basis: notProvided },
    person_on_ground: {
      justifiedBy: ['premises_visitor_safety', 'premises_emergency_response'],
      basis: 'vital interests and safety of visitors (GDPR art. 6(1)(d), (f))',
    },
    intrusion: {
      justifiedBy: ['premises_property_protection'],
      basis: 'protection of property outside opening hours (GDPR art. 6(1)(f))',
    },
    wrong_way: { justifiedBy: [], basis: notProvided },
    fire_smoke: {
      justifiedBy: ['premises_emergency_response', 'premises_property_protection'],
      basis: 'fire safety (GDPR art. 6(1)(d), (f))',
    },
    camera_tamper: { justifiedBy: 'any', basis: 'integrity of the system itself (GDPR art. 32); it reads no person' },
  },
  analysisAuthorisation: {
    eventTypes: ['abandoned_object', 'crowd_density', 'crowd_movement', 'person_on_ground', 'intrusion', 'fire_smoke'],
    maxDays: 366,
    source: "GDPR art. 35 and 24: the controller's dated decision, with its impact assessment, reviewed yearly",
  },
  modelRegistry: {
    attestationRequired: false,
    attestationSource: 'AI Act art. 16 and 26: the provider’s documentation; no national attestation',
  },
  habilitation: {
    required: true,
    aiLiteracyTrainingRequired: false,
    workstationsRequired: false,
    source: 'GDPR art. 29 and 32(4) (staff act only on instructions, trained); EDPB Guidelines 3/2019 § 131',
  },
  refusedCapabilities: [
    {
      id: 'face_recognition',
      words: [],
      reason:
        'Facial recognition is refused by design: biometric data are special categories (GDPR art. 9) and AI Act art. 5(1)(e) bans building face databases from CCTV footage.',
    },
    {
      id: 'biometric_identification',
      words: [],
      reason:
        'Biometric identification, categorisation, re-identification and emotion recognition are refused by design (GDPR art. 9; AI Act art. 5(1)(f)-(h)).',
    },
    {
      id: 'plate_recognition',
      words: [],
      reason:
        'Licence-plate reading is refused by design: it identifies people and is not needed to protect premises (GDPR art. 5(1)(c)).',
    },
  ],
  recordOfProcessing: {
    processing: 'Video surveillance of private premises by their operator',
    legalBasis:
      'GDPR art. 6(1)(f): the legitimate interests of the controller in protecting persons and property on its premises, weighed against those of the persons filmed (EDPB Guidelines 3/2019).',
    recipients: [
      'Named, authorised security staff of the controller, each within their role',
      'Police and judicial authorities on lawful request',
      'The data subject, for the images of themselves, third parties blurred (GDPR art. 15)',
    ],
    excludedData: [
      'No facial recognition, biometric identification or categorisation, emotion recognition (GDPR art. 9; AI Act art. 5)',
      'No licence-plate reading',
      'No sound',
    ],
  },
};
