import type { AnalyticsEventType } from './analytic-event-types.js';

// Which analytics need an impact assessment (LEGAL R27), without schemas, so that the console bundles the
// server's own rule.

/** The part of a camera's impact assessment the rule reads. */
export interface DpiaCoverage {
  coveredAnalytics: readonly AnalyticsEventType[];
  reviewOn: string;
}

/** Analytics that raise no alert about a person and need no impact assessment: anonymous counts, camera health. */
export const analyticsWithoutDpia: readonly AnalyticsEventType[] = ['people_count', 'camera_tamper'];

/**
 * The camera's enabled analytics that may run now: those needing no assessment, and those an
 * assessment covers whose review date has not passed (`today` as YYYY-MM-DD in the legal time zone).
 */
export function analyticsAllowedToRun(
  enabled: readonly AnalyticsEventType[],
  dpia: DpiaCoverage | undefined,
  today: string,
): { allowed: AnalyticsEventType[]; blocked: AnalyticsEventType[] } {
  const current = dpia !== undefined && dpia.reviewOn >= today;
  const allowed = enabled.filter(
    (a) => analyticsWithoutDpia.includes(a) || (current && dpia.coveredAnalytics.includes(a)),
  );
  return { allowed, blocked: enabled.filter((a) => !allowed.includes(a)) };
}
