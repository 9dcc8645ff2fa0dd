import Type, { type Static } from 'typebox';
import { VigieError } from './errors.js';
import { LocationSchema } from './camera.js';
import { incidentStates, incidentTransitions, type IncidentState } from './incident-flow.js';

export * from './incident-flow.js';

/**
 * Incidents with procedures (issue 15 #5): alerts of nearby cameras group into one incident, handled along
 * its type's checklist (standard operating procedure), from `new` to `closed` by the transitions below.
 */

/** Throws INCIDENT_TRANSITION_INVALID unless `from` may move to `to`. */
export function assertIncidentTransition(from: IncidentState, to: IncidentState): void {
  if (!incidentTransitions[from].includes(to)) {
    const allowed = incidentTransitions[from];
    throw new VigieError(
      'INCIDENT_TRANSITION_INVALID',
      `An incident that is ${from} cannot become ${to}; it may become ${allowed.length === 0 ? 'nothing else' : allowed.join(' or ')}.`,
    );
  }
}

const DateTime = Type.String({ format: 'date-time' });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$' });

/** One step of a procedure; a required step skipped at resolution notifies a supervisor. */
export const SopStepSchema = Type.Object(
  { id: Slug, label: Type.String({ minLength: 3, maxLength: 300 }), required: Type.Boolean() },
  { additionalProperties: false },
);
/** A procedure step. */
export type SopStep = Static<typeof SopStepSchema>;

/** What a supervisor writes for an incident type: its name and its checklist. */
export const IncidentTypeInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 100 }),
    steps: Type.Array(SopStepSchema, { minItems: 1, maxItems: 30 }),
  },
  { additionalProperties: false },
);
/** An incident type as written by a supervisor. */
export type IncidentTypeInput = Static<typeof IncidentTypeInputSchema>;

/** An incident type with its checklist, and who last changed it. */
export const IncidentTypeSchema = Type.Object(
  {
    id: Slug,
    ...IncidentTypeInputSchema.properties,
    updatedBy: Type.String(),
    updatedAt: DateTime,
  },
  { additionalProperties: false },
);
/** An incident type. */
export type IncidentType = Static<typeof IncidentTypeSchema>;

/** The type new incidents take; the database seeds it, supervisors edit its checklist. */
export const defaultIncidentTypeId = 'general';

/** Throws INCIDENT_TYPE_INVALID when two steps share an id (they could not be ticked apart). */
export function assertDistinctSteps(input: IncidentTypeInput): void {
  const ids = input.steps.map((s) => s.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) {
    throw new VigieError('INCIDENT_TYPE_INVALID', `Two steps have the id "${twice}".`, [
      { path: `/steps/${ids.lastIndexOf(twice)}/id`, reason: 'must be unique' },
    ]);
  }
}

/** Evidence linked to an incident: a clip of a camera, or a signed export. */
export const IncidentLinkSchema = Type.Union([
  Type.Object(
    { kind: Type.Literal('clip'), cameraId: Type.String({ format: 'uuid' }), from: DateTime, to: DateTime },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('export'), exportId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
]);
/** A clip or export linked to an incident. */
export type IncidentLink = Static<typeof IncidentLinkSchema>;

/** What the timeline records. */
export const incidentEventKinds = [
  'opened',
  'alert_added',
  'state_changed',
  'owner_changed',
  'type_changed',
  'step_done',
  'step_skipped',
  'note',
  'linked',
] as const;

/** One line of an incident's timeline: when, who, what. */
export const IncidentEventSchema = Type.Object(
  { at: DateTime, by: Type.String(), kind: Type.Enum([...incidentEventKinds]), text: Type.String() },
  { additionalProperties: false },
);
/** A timeline line. */
export type IncidentEvent = Static<typeof IncidentEventSchema>;

/** A step ticked off, by whom and when. */
export const DoneStepSchema = Type.Object(
  { stepId: Type.String(), by: Type.String(), at: DateTime },
  { additionalProperties: false },
);

/** An incident: its alerts and cameras, where on the map, its procedure's progress, owner and timeline. */
export const IncidentSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    typeId: Type.String(),
    title: Type.String(),
    state: Type.Enum([...incidentStates]),
    owner: Type.Union([Type.String(), Type.Null()]),
    location: LocationSchema,
    cameraIds: Type.Array(Type.String({ format: 'uuid' })),
    alertIds: Type.Array(Type.String({ format: 'uuid' })),
    openedAt: DateTime,
    lastAlertAt: DateTime,
    updatedAt: DateTime,
    doneSteps: Type.Array(DoneStepSchema),
    links: Type.Array(IncidentLinkSchema),
    timeline: Type.Array(IncidentEventSchema),
  },
  { additionalProperties: false },
);
/** An incident. */
export type Incident = Static<typeof IncidentSchema>;

const Note = Type.String({ minLength: 1, maxLength: 2000 });

/** What an operator or supervisor does to an incident. */
export const IncidentActionSchema = Type.Union([
  Type.Object({ action: Type.Literal('start') }, { additionalProperties: false }),
  Type.Object(
    { action: Type.Literal('assign'), owner: Type.String({ minLength: 1, maxLength: 100 }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('retype'), typeId: Slug }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('step'), stepId: Slug }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('note'), note: Note }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('link'), link: IncidentLinkSchema }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('resolve'), summary: Note }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('reopen'), reason: Note }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('close') }, { additionalProperties: false }),
]);
/** An incident action. */
export type IncidentAction = Static<typeof IncidentActionSchema>;

/** The required steps of a checklist not ticked off. */
export function skippedRequiredSteps(
  type: Pick<IncidentType, 'steps'>,
  done: readonly { stepId: string }[],
): SopStep[] {
  return type.steps.filter((step) => step.required && !done.some((d) => d.stepId === step.id));
}
