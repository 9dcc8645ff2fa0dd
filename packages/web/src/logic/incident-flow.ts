// Imports nothing, so that test/legal-rules.mirror.test.ts can check it against the core's own rule.

/** Where an incident stands (core `incidentStates`). */
export type IncidentState = 'new' | 'in_progress' | 'resolved' | 'closed';

/** The states each incident state may move to, as the core enforces (checked by the mirror test). */
export const incidentTransitions: Readonly<Record<IncidentState, readonly IncidentState[]>> = {
  new: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/** The buttons an incident in a state offers, each moving it to one allowed state. */
export function stateActionsFor(state: IncidentState): ('start' | 'resolve' | 'reopen' | 'close')[] {
  return incidentTransitions[state].map((to): 'start' | 'resolve' | 'reopen' | 'close' => {
    if (to === 'resolved') return 'resolve';
    if (to === 'closed') return 'close';
    return state === 'resolved' ? 'reopen' : 'start';
  });
}
