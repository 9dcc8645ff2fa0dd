// Rules of the core the console applies before asking the server: it bundles only the core's data modules
// (role matrix, legal profile), not the ones holding schemas. This module imports nothing, so that
// test/legal-rules.mirror.test.ts can check each rule against the core's own.

/** Where an access request stands (core `accessRequestStatuses`). */
export type RequestStatus =
  'received' | 'searching' | 'footage_found' | 'no_footage' | 'export_ready' | 'delivered' | 'rejected';

/** Where each status of an access request may go next (core `accessRequestTransitions`). */
export const nextStatuses: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ['searching', 'rejected'],
  searching: ['footage_found', 'no_footage', 'rejected'],
  footage_found: ['export_ready', 'rejected'],
  export_ready: ['delivered', 'rejected'],
  no_footage: [],
  delivered: [],
  rejected: [],
};

/** Analytics that raise no alert about a person, so need no impact assessment (core `analyticsWithoutDpia`). */
export const analyticsWithoutDpia: readonly string[] = ['people_count', 'camera_tamper'];

/**
 * The camera's enabled analytics that do not run for want of a current assessment covering them (core
 * `analyticsAllowedToRun(…).blocked`, LEGAL R27); `today` is YYYY-MM-DD in the legal time zone.
 */
export function uncoveredAnalytics<A extends string>(
  enabled: readonly A[],
  dpia: { coveredAnalytics: readonly A[]; reviewOn: string } | undefined,
  today: string,
): A[] {
  const current = dpia !== undefined && dpia.reviewOn >= today;
  return enabled.filter((a) => !analyticsWithoutDpia.includes(a) && !(current && dpia.coveredAnalytics.includes(a)));
}
