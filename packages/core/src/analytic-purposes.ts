import type { AnalyticsEventType } from './analytic-event-types.js';
import type { CameraPatch, CameraSettings } from './camera.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { Purpose } from './legal-profile.js';

/** What justifies enabling an analytic on a camera. */
export interface AnalyticJustification {
  /** The declared purposes (CSI L251-2), any one of which justifies it; 'any': it needs none. */
  justifiedBy: readonly Purpose[] | 'any';
  /** The legal ground, quoted back in errors. */
  basis: string;
}

const decree = 'décret 2023-828 art. 3';

/**
 * Purpose → analytic table, as data. An analytic may run on a camera only if one of the camera's
 * declared purposes justifies it (GDPR art. 5(1)(b)-(c): purpose limitation and minimisation). The
 * event types and their wording are LEGAL.md's "8 authorised algorithmic event types".
 */
export const analyticJustifications: Readonly<Record<AnalyticsEventType, AnalyticJustification>> = {
  // LEGAL.md list item 1: « présence d'objets abandonnés »; also a dumped object (L251-2, illegal dumping).
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
  // Not on the decree's list; the CNIL found Valenciennes' "object removal" analytic disproportionate (2021).
  object_removed: {
    justifiedBy: [],
    basis: `not among the event types of ${decree}; found disproportionate by the CNIL (Valenciennes, 2021)`,
  },
  // Anonymous statistics with near-immediate deletion of the source images: lawful under the GDPR
  // alone (CNIL, « caméras augmentées », 19 July 2022, LEGAL.md "Legal status of the experiment").
  people_count: {
    justifiedBy: 'any',
    basis: 'anonymous statistics (CNIL, caméras augmentées, 19 July 2022)',
  },
  // LEGAL.md list item 7: « densité trop importante de personnes ».
  crowd_density: {
    justifiedBy: ['public_space_safety', 'amusement_park_safety', 'rescue_fire_defence'],
    basis: `${decree}, 7° (excessive density of people)`,
  },
  // LEGAL.md list item 6: « mouvement de foule ».
  crowd_movement: {
    justifiedBy: ['public_space_safety', 'terrorism_prevention', 'amusement_park_safety'],
    basis: `${decree}, 6° (crowd movement)`,
  },
  // Not on the decree's list; "rapid movement" is one of the analytics the CNIL found disproportionate.
  rapid_movement: {
    justifiedBy: [],
    basis: `not among the event types of ${decree}; found disproportionate by the CNIL (Valenciennes, 2021)`,
  },
  // LEGAL.md list item 5: « présence d'une personne au sol à la suite d'une chute ».
  person_on_ground: {
    justifiedBy: ['public_space_safety', 'rescue_fire_defence', 'amusement_park_safety'],
    basis: `${decree}, 5° (person on the ground after a fall)`,
  },
  // LEGAL.md list item 4: « franchissement ou présence … dans une zone interdite ou sensible ».
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
  // LEGAL.md list item 3: « non-respect … du sens de circulation commun ». Traffic offences are left
  // out on purpose: no prosecution may rest on an algorithm's output alone (loi 2023-380 art. 10 III).
  wrong_way: {
    justifiedBy: ['traffic_regulation', 'public_space_safety'],
    basis: `${decree}, 3° (going against the common direction of traffic)`,
  },
  // LEGAL.md list item 8: « départs de feux ».
  fire_smoke: {
    justifiedBy: [
      'rescue_fire_defence',
      'natural_technological_risks',
      'public_buildings_protection',
      'public_space_safety',
    ],
    basis: `${decree}, 8° (fire outbreaks)`,
  },
  // Watches the camera, not people (covered, defocused, moved): security of the processing, GDPR art. 32.
  camera_tamper: {
    justifiedBy: 'any',
    basis: 'integrity of the system itself (GDPR art. 32); it reads no person',
  },
};

/** Whether the given purposes justify an analytic. */
export function analyticJustified(type: AnalyticsEventType, declared: readonly Purpose[]): boolean {
  const { justifiedBy } = analyticJustifications[type];
  return justifiedBy === 'any' || justifiedBy.some((purpose) => declared.includes(purpose));
}

function wouldJustify(type: AnalyticsEventType): string {
  const { justifiedBy, basis } = analyticJustifications[type];
  return justifiedBy === 'any' || justifiedBy.length === 0
    ? `no purpose justifies it (${basis})`
    : `it needs one of the purposes ${justifiedBy.join(', ')} (${basis})`;
}

/**
 * Refuses analytics the camera's purposes do not justify. When a change removed purposes and left
 * the analytics alone, the problem is reported on `/purposes`: it is the removal that is refused.
 */
export function assertAnalyticsJustified(
  settings: Pick<CameraSettings, 'purposes' | 'analytics'>,
  change?: Pick<CameraPatch, 'purposes' | 'analytics'>,
): void {
  const blamePurposes = change?.purposes !== undefined && change.analytics === undefined;
  const problems: FieldProblem[] = [];
  const sentences: string[] = [];
  settings.analytics.forEach((type, index) => {
    if (analyticJustified(type, settings.purposes)) return;
    const reason = wouldJustify(type);
    problems.push({ path: blamePurposes ? '/purposes' : `/analytics/${index}`, reason: `"${type}": ${reason}` });
    sentences.push(
      blamePurposes
        ? `the enabled analytic "${type}" would lose its justification: ${reason}`
        : `"${type}" is not justified by this camera's purposes (${settings.purposes.join(', ')}): ${reason}`,
    );
  });
  if (problems.length === 0) return;
  throw new VigieError(
    'ANALYTIC_NOT_JUSTIFIED',
    blamePurposes
      ? `These purposes cannot be removed: ${sentences.join('; ')}. Disable the analytic first, or keep a purpose that justifies it.`
      : `Analytics refused: ${sentences.join('; ')}.`,
    problems,
  );
}
