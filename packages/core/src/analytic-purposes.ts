import type { AnalyticsEventType } from './analytic-event-types.js';
import type { CameraPatch, CameraSettings } from './camera.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { LegalProfile, Purpose } from './legal-profile.js';

/** Whether the given purposes justify an analytic under the profile's purpose → analytic table. */
export function analyticJustified(
  type: AnalyticsEventType,
  declared: readonly Purpose[],
  profile: Pick<LegalProfile, 'analytics'>,
): boolean {
  const { justifiedBy } = profile.analytics[type];
  return justifiedBy === 'any' || justifiedBy.some((purpose) => declared.includes(purpose));
}

function wouldJustify(type: AnalyticsEventType, profile: LegalProfile): string {
  const { justifiedBy, basis } = profile.analytics[type];
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
  profile: LegalProfile,
  change?: Pick<CameraPatch, 'purposes' | 'analytics'>,
): void {
  const blamePurposes = change?.purposes !== undefined && change.analytics === undefined;
  const problems: FieldProblem[] = [];
  const sentences: string[] = [];
  settings.analytics.forEach((type, index) => {
    if (analyticJustified(type, settings.purposes, profile)) return;
    const reason = wouldJustify(type, profile);
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
