import { VigieError } from './errors.js';
import {
  assertIncidentTransition,
  skippedRequiredSteps,
  type Incident,
  type IncidentAction,
  type IncidentEvent,
  type IncidentLink,
  type IncidentState,
  type IncidentType,
  type SopStep,
} from './incident.js';

/** An action's outcome: the incident after it, and the required steps it skipped (at resolution only). */
export interface IncidentChange {
  incident: Incident;
  skipped: SopStep[];
}

function linkText(link: IncidentLink): string {
  return link.kind === 'clip' ? `clip ${link.cameraId} ${link.from} → ${link.to}` : `export ${link.exportId}`;
}

/**
 * What an action does to an incident, by the rules: state changes only along `incidentTransitions`; taking
 * an incident up makes the actor its owner when it has none; a step must be on the type's checklist;
 * resolving names the required steps left undone (the caller notifies a supervisor); a closed incident
 * takes notes only. Every change adds a timeline line.
 */
export function applyIncidentAction(input: {
  incident: Incident;
  type: IncidentType;
  action: IncidentAction;
  by: string;
  now: Date;
}): IncidentChange {
  const { incident, type, action, by } = input;
  const at = input.now.toISOString();
  const line = (kind: IncidentEvent['kind'], text: string): IncidentEvent => ({ at, by, kind, text });
  const next = (changes: Partial<Incident>, ...events: IncidentEvent[]): Incident => ({
    ...incident,
    ...changes,
    updatedAt: at,
    timeline: [...incident.timeline, ...events],
  });
  const move = (to: IncidentState, text: string): Partial<Incident> & { event: IncidentEvent } => {
    assertIncidentTransition(incident.state, to);
    return { state: to, event: line('state_changed', `${incident.state} → ${to}${text === '' ? '' : `: ${text}`}`) };
  };
  if (incident.state === 'closed' && action.action !== 'note') {
    throw new VigieError('INCIDENT_CLOSED', `This incident is closed; it can no longer take "${action.action}".`);
  }
  switch (action.action) {
    case 'start': {
      const { event, ...changes } = move('in_progress', '');
      const owner = incident.owner ?? by;
      const events = incident.owner === null ? [event, line('owner_changed', owner)] : [event];
      return { incident: next({ ...changes, owner }, ...events), skipped: [] };
    }
    case 'assign':
      return { incident: next({ owner: action.owner }, line('owner_changed', action.owner)), skipped: [] };
    case 'retype':
      return { incident: next({ typeId: action.typeId }, line('type_changed', action.typeId)), skipped: [] };
    case 'step': {
      const step = type.steps.find((s) => s.id === action.stepId);
      if (step === undefined) {
        throw new VigieError('INCIDENT_STEP_UNKNOWN', `The procedure "${type.name}" has no step "${action.stepId}".`, [
          { path: '/stepId', reason: `must be one of ${type.steps.map((s) => s.id).join(', ')}` },
        ]);
      }
      if (incident.doneSteps.some((d) => d.stepId === step.id)) return { incident, skipped: [] };
      return {
        incident: next(
          { doneSteps: [...incident.doneSteps, { stepId: step.id, by, at }] },
          line('step_done', step.label),
        ),
        skipped: [],
      };
    }
    case 'note':
      return { incident: next({}, line('note', action.note)), skipped: [] };
    case 'link':
      return {
        incident: next({ links: [...incident.links, action.link] }, line('linked', linkText(action.link))),
        skipped: [],
      };
    case 'resolve': {
      const { event, ...changes } = move('resolved', action.summary);
      const skipped = skippedRequiredSteps(type, incident.doneSteps);
      const skippedLines = skipped.map((step) => line('step_skipped', step.label));
      return { incident: next(changes, ...skippedLines, event), skipped };
    }
    case 'reopen': {
      const { event, ...changes } = move('in_progress', action.reason);
      return { incident: next(changes, event), skipped: [] };
    }
    case 'close': {
      const { event, ...changes } = move('closed', '');
      return { incident: next(changes, event), skipped: [] };
    }
  }
}
