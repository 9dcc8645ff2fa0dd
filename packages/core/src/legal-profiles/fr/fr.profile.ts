import type { LegalProfile } from '../legal-profile.types.js';
import { frenchPurposes } from './fr.purposes.js';

const decree = 'décret 2023-828 art. 3';
const cnilValenciennes = 'found disproportionate by the CNIL (Valenciennes, 2021)';

/**
 * France, public authorities (vidéoprotection, CSI L251-1 and following): the default profile. The
 * sources are in docs/legal-requirements.md (LEGAL R1–R29).
 */
export const frenchProfile: LegalProfile = {
  id: 'fr',
  title: {
    fr: 'France — vidéoprotection de la voie publique (CSI L251-1 et suivants)',
    en: 'France — public-space video protection (CSI L251-1 and following)',
  },
  maxRetentionDays: 30,
  defaultRetentionDays: 15,
  purposes: frenchPurposes,
  purposesSource: 'CSI L251-2',
  retentionSource: 'CSI L252-5',
  timeZone: 'Europe/Paris',
  authorisationMaxYears: 5,
  authorisationSource: 'CSI L252-4',
  // Prefecture guidance: the renewal file is due four months before expiry (LEGAL R1).
  renewalNoticeMonths: 4,
  // GDPR art. 12(3): one month, extendable by two (LEGAL R15).
  accessRequestDeadlineMonths: 1,
  accessRequestExtensionMonths: 2,
  // LEGAL R15: an unanswered request alerts at D+25 of its month.
  accessRequestReminderDays: 5,
  // The event types and their wording are LEGAL.md's "8 authorised algorithmic event types" (weapons: no model).
  analytics: {
    // 1° « présence d'objets abandonnés »; also a dumped object (L251-2, illegal dumping).
    abandoned_object: {
      justifiedBy: [
        'public_buildings_protection',
        'national_defence_installations',
        'public_space_safety',
        'terrorism_prevention',
        'illegal_dumping',
      ],
      basis: `${decree}, 1° (abandoned objects)`,
    },
    object_removed: { justifiedBy: [], basis: `not among the event types of ${decree}; ${cnilValenciennes}` },
    // Anonymous statistics with near-immediate deletion of the source images: lawful under the GDPR alone.
    people_count: { justifiedBy: 'any', basis: 'anonymous statistics (CNIL, caméras augmentées, 19 July 2022)' },
    // 7° « densité trop importante de personnes ».
    crowd_density: {
      justifiedBy: ['public_space_safety', 'amusement_park_safety', 'rescue_fire_defence'],
      basis: `${decree}, 7° (excessive density of people)`,
    },
    // 6° « mouvement de foule ».
    crowd_movement: {
      justifiedBy: ['public_space_safety', 'terrorism_prevention', 'amusement_park_safety'],
      basis: `${decree}, 6° (crowd movement)`,
    },
    rapid_movement: { justifiedBy: [], basis: `not among the event types of ${decree}; ${cnilValenciennes}` },
    // 5° « présence d'une personne au sol à la suite d'une chute ».
    person_on_ground: {
      justifiedBy: ['public_space_safety', 'rescue_fire_defence', 'amusement_park_safety'],
      basis: `${decree}, 5° (person on the ground after a fall)`,
    },
    // 4° « franchissement ou présence … dans une zone interdite ou sensible ».
    intrusion: {
      justifiedBy: [
        'public_buildings_protection',
        'national_defence_installations',
        'public_space_safety',
        'terrorism_prevention',
        'natural_technological_risks',
        'amusement_park_safety',
      ],
      basis: `${decree}, 4° (entering a forbidden or sensitive zone)`,
    },
    // 3° « non-respect … du sens de circulation commun ». Traffic offences are left out on purpose: no
    // prosecution may rest on an algorithm's output alone (loi 2023-380 art. 10 III).
    wrong_way: {
      justifiedBy: ['traffic_regulation', 'public_space_safety'],
      basis: `${decree}, 3° (going against the common direction of traffic)`,
    },
    // 8° « départs de feux ».
    fire_smoke: {
      justifiedBy: [
        'rescue_fire_defence',
        'natural_technological_risks',
        'public_buildings_protection',
        'public_space_safety',
      ],
      basis: `${decree}, 8° (fire outbreaks)`,
    },
    // Watches the camera, not people (covered, defocused, moved): security of the processing.
    camera_tamper: { justifiedBy: 'any', basis: 'integrity of the system itself (GDPR art. 32); it reads no person' },
  },
  analysisAuthorisation: {
    eventTypes: [
      'abandoned_object',
      'crowd_density',
      'crowd_movement',
      'person_on_ground',
      'intrusion',
      'wrong_way',
      'fire_smoke',
    ],
    // One month, renewable, is believed to be the decree's maximum [unverified in LEGAL.md]: 31 days covers any month.
    maxDays: 31,
    source: 'loi 2023-380 art. 10 I and VII; décret 2023-828 art. 13 (prefectoral authorisation)',
  },
  modelRegistry: {
    attestationRequired: true,
    attestationSource: "décret 2023-828 art. 14: the interior minister's attestation of conformity",
  },
  habilitation: {
    required: true,
    // Agents who see algorithmic alerts are trained to the AI system (décret 2023-828; AI Act art. 4).
    aiLiteracyTrainingRequired: true,
    // R10 asks for registered workstations; the configuration switches it on once they are enrolled.
    workstationsRequired: false,
    source: 'CSI L252-2 (individual designation); décret 2022-1152 (training); AI Act art. 4 (AI literacy)',
  },
  refusedCapabilities: [
    {
      id: 'face_recognition',
      words: ['faciale', 'faciales', 'visage', 'visages'],
      reason:
        'Facial recognition is refused by design: loi 2023-380 art. 10 III forbids any facial recognition technique, and AI Act art. 5 bans real-time remote biometric identification in public spaces.',
    },
    {
      id: 'biometric_identification',
      words: ['biometrique', 'biometriques', 'biometrie', 'reidentification', 'emotion', 'emotions', 'demarche'],
      reason:
        'Biometric identification, re-identification and emotion recognition are refused by design (loi 2023-380 art. 10 III; AI Act art. 5(1); GDPR art. 9).',
    },
    {
      id: 'plate_recognition',
      words: ['plaque', 'plaques', 'immatriculation', 'lapi'],
      reason:
        'Licence-plate reading is refused by design: CSI L233-1 reserves it to the national police, gendarmerie and customs (CNIL délibération 2014-219; CNIL warning to Valenciennes, 2021).',
    },
  ],
  recordOfProcessing: {
    processing: 'Video protection of public spaces (vidéoprotection, CSI L251-1 and following)',
    legalBasis:
      'CSI L251-2 (the declared purposes) and the prefectoral authorisation of each camera (CSI L252-1); GDPR art. 6(1)(e), or Directive 2016/680 (loi Informatique et Libertés, title III) for purposes of preventing and detecting offences (CSI L251-1 as amended by loi 2023-380 art. 9). The controller and the DPO confirm the regime of each purpose.',
    recipients: [
      'Named, authorised agents of the supervision centre (CSI L252-2), each within their role',
      'National police and gendarmerie agents, individually designated and authorised (CSI L252-2)',
      'Judicial authorities (public prosecutor) on request',
      'The data subject, for the images of themselves, third parties blurred (GDPR art. 15)',
    ],
    excludedData: [
      'No facial recognition, biometric identification or categorisation, emotion recognition (loi 2023-380 art. 10 III; AI Act art. 5)',
      'No licence-plate reading (CSI L233-1)',
      'No sound (CSI L251-2 covers images only)',
    ],
  },
};
