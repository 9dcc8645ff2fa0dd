import { incidentTransitions, type IncidentState } from '@vigie/core/incident-flow';

/** The buttons an incident in a state offers, each moving it to one allowed state. */
export function stateActionsFor(state: IncidentState): ('start' | 'resolve' | 'reopen' | 'close')[] {
  return incidentTransitions[state].map((to): 'start' | 'resolve' | 'reopen' | 'close' => {
    if (to === 'resolved') return 'resolve';
    if (to === 'closed') return 'close';
    return state === 'resolved' ? 'reopen' : 'start';
  });
}
