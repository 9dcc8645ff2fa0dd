// The incident workflow as data, without schemas, so that the console bundles the server's own rule.

/** Where an incident stands: taken up, resolved (steps done or knowingly skipped), then closed. */
export const incidentStates = ['new', 'in_progress', 'resolved', 'closed'] as const;
/** An incident state. */
export type IncidentState = (typeof incidentStates)[number];

/** The states each state may move to; anything else is refused. A resolved incident may be reopened. */
export const incidentTransitions: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  new: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};
