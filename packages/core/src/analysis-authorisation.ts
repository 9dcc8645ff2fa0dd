import Type, { type Static } from 'typebox';
import { analyticsEventTypes, type AnalyticsEventType } from './analytic-event-types.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { LegalProfile } from './legal-profile.js';
import { analyticsWithoutDpia } from './registry.js';

const dayMs = 24 * 3600_000;

const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

/**
 * The decision that lets alert analytics run on some cameras for a while (France: the prefect's order
 * under loi 2023-380 art. 10, LEGAL R18): they run only between its start and its end, then stop by
 * themselves. Its public notice is shown on the transparency page before it starts (R26).
 */
export const AnalysisAuthorisationInputSchema = Type.Object(
  {
    reference: text(100, 'Reference of the decision, e.g. the number of the prefectoral order.'),
    legalBasis: text(500, 'The text the decision rests on, e.g. "loi 2023-380 art. 10; décret 2023-828".'),
    occasion: text(300, 'The event or place it is for, e.g. "Marché de Noël 2026, place d’Armes".'),
    responsibleService: text(200, 'The service answerable for the processing.'),
    cameraIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true }),
    eventTypes: Type.Array(Type.Enum([...analyticsEventTypes]), {
      minItems: 1,
      maxItems: analyticsEventTypes.length,
      uniqueItems: true,
      description: 'The event types it allows, a subset of those the legal profile allows.',
    }),
    startsAt: Type.String({ format: 'date-time' }),
    endsAt: Type.String({ format: 'date-time', description: 'The analytics stop by themselves at this instant.' }),
    publicNotice: Type.String({
      minLength: 20,
      maxLength: 4000,
      description: 'What the public is told before it starts (loi 2023-380 art. 10 II).',
    }),
  },
  { additionalProperties: false },
);

/** Where an analysis authorisation stands at a given instant. */
export const analysisAuthorisationStates = ['scheduled', 'active', 'ended'] as const;

/** A stored analysis authorisation, with its state computed at read time. */
export const AnalysisAuthorisationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    ...AnalysisAuthorisationInputSchema.properties,
    state: Type.Enum([...analysisAuthorisationStates]),
    createdAt: Type.String({ format: 'date-time' }),
    createdBy: Type.String(),
  },
  { additionalProperties: false },
);

/** What a DPO records. */
export type AnalysisAuthorisationInput = Static<typeof AnalysisAuthorisationInputSchema>;
/** A stored analysis authorisation. */
export type AnalysisAuthorisation = Static<typeof AnalysisAuthorisationSchema>;
/** An authorisation's state. */
export type AnalysisAuthorisationState = (typeof analysisAuthorisationStates)[number];

/** What the rules below read of an authorisation. */
export type AuthorisationWindow = Pick<AnalysisAuthorisationInput, 'cameraIds' | 'eventTypes' | 'startsAt' | 'endsAt'>;

/** Scheduled before its start, active from its start until its end (excluded), ended after. */
export function analysisAuthorisationState(
  window: Pick<AuthorisationWindow, 'startsAt' | 'endsAt'>,
  now: Date,
): AnalysisAuthorisationState {
  const t = now.getTime();
  if (t < Date.parse(window.startsAt)) return 'scheduled';
  return t < Date.parse(window.endsAt) ? 'active' : 'ended';
}

/**
 * Checks a decision against the profile: it ends after it starts and not in the past, lasts no longer
 * than the profile allows, and covers only event types the profile lets an authorisation cover (R19).
 */
export function assertAnalysisAuthorisation(
  input: AnalysisAuthorisationInput,
  context: { now: Date; profile: LegalProfile },
): void {
  const { now, profile } = context;
  const rules = profile.analysisAuthorisation;
  const problems: FieldProblem[] = [];
  const start = Date.parse(input.startsAt);
  const end = Date.parse(input.endsAt);
  if (end <= start) problems.push({ path: '/endsAt', reason: 'must be after startsAt' });
  else if (end - start > rules.maxDays * dayMs) {
    problems.push({ path: '/endsAt', reason: `must be within ${rules.maxDays} days of startsAt (${rules.source})` });
  }
  if (end <= now.getTime()) problems.push({ path: '/endsAt', reason: 'is in the past' });
  input.eventTypes.forEach((type, index) => {
    if (!rules.eventTypes.includes(type)) {
      problems.push({
        path: `/eventTypes/${index}`,
        reason: `"${type}" cannot be authorised under ${profile.id}: only ${rules.eventTypes.join(', ')} (${profile.analytics[type].basis})`,
      });
    }
  });
  if (problems.length > 0) {
    throw new VigieError(
      'ANALYSIS_AUTHORISATION_INVALID',
      `This analysis authorisation cannot be recorded: ${problems.map((p) => `${p.path} ${p.reason}`).join('; ')}.`,
      problems,
    );
  }
}

/** Whether an analytic needs an authorisation to run: all that raise alerts about people do. */
export function analyticNeedsAuthorisation(type: AnalyticsEventType): boolean {
  return !analyticsWithoutDpia.includes(type);
}

/**
 * The camera's enabled analytics that an authorisation lets run at `now`: those needing none, and those
 * an active authorisation covers for this camera. The others are `blocked` until one starts (R18).
 */
export function analyticsAuthorisedAt(
  camera: { id: string; analytics: readonly AnalyticsEventType[] },
  authorisations: readonly AuthorisationWindow[],
  now: Date,
): { allowed: AnalyticsEventType[]; blocked: AnalyticsEventType[] } {
  const active = authorisations.filter(
    (a) => a.cameraIds.includes(camera.id) && analysisAuthorisationState(a, now) === 'active',
  );
  const allowed = camera.analytics.filter(
    (type) => !analyticNeedsAuthorisation(type) || active.some((a) => a.eventTypes.includes(type)),
  );
  return { allowed, blocked: camera.analytics.filter((type) => !allowed.includes(type)) };
}

/** The next instant after `now` at which an authorisation starts or ends (when analytics must be re-checked). */
export function nextAuthorisationChange(
  authorisations: readonly Pick<AuthorisationWindow, 'startsAt' | 'endsAt'>[],
  now: Date,
): Date | undefined {
  const t = now.getTime();
  const next = authorisations
    .flatMap((a) => [Date.parse(a.startsAt), Date.parse(a.endsAt)])
    .filter((instant) => instant > t)
    .sort((a, b) => a - b)[0];
  return next === undefined ? undefined : new Date(next);
}
