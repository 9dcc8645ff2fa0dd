// The access-request workflow as data, without schemas, so that the console bundles the server's own rule.

/**
 * Where a data subject's access request stands (GDPR art. 15; LEGAL R15):
 * received → searching → footage_found | no_footage → export_ready → delivered; rejected (with a
 * reason) from any open step.
 */
export const accessRequestStatuses = [
  'received',
  'searching',
  'footage_found',
  'no_footage',
  'export_ready',
  'delivered',
  'rejected',
] as const;

/** One status of an access request. */
export type AccessRequestStatus = (typeof accessRequestStatuses)[number];

/** Where each status may go next; the answer has been given in the statuses that go nowhere. */
export const accessRequestTransitions: Readonly<Record<AccessRequestStatus, readonly AccessRequestStatus[]>> = {
  received: ['searching', 'rejected'],
  searching: ['footage_found', 'no_footage', 'rejected'],
  footage_found: ['export_ready', 'rejected'],
  export_ready: ['delivered', 'rejected'],
  no_footage: [],
  delivered: [],
  rejected: [],
};
