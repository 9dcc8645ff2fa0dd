import Type, { type Static } from 'typebox';
import { analyticsEventTypes } from './analytic-event-types.js';
import { RuleParamsSchema } from './analytics.js';
import { AlertFactsSchema } from './alert-facts.js';
import { shadowLabels, type ShadowLabel } from './alert-record.js';
import { precisionOf } from './rule-settings.js';

/** Longest stretch of recordings one replay may analyse: a day takes the CPU of about one camera-day at 5 fps. */
export const maxReplayHours = 24;

/** Seconds either side of a labelled alert within which a replayed event is taken for the same situation. */
export const replayMatchS = 10;

const DateTime = Type.String({ format: 'date-time' });

/** What a supervisor asks: the rule's parameters to try (the camera's own for those left out) over a period. */
export const ReplayInputSchema = Type.Object(
  {
    params: Type.Optional(RuleParamsSchema),
    from: DateTime,
    to: DateTime,
  },
  { additionalProperties: false },
);

/** A replay request. */
export type ReplayInput = Static<typeof ReplayInputSchema>;

/** Where a replay stands. */
export const replayStatuses = ['running', 'done', 'failed', 'cancelled'] as const;

/** One replay status. */
export type ReplayStatus = (typeof replayStatuses)[number];

/** An event the rule would have raised, with the verdict of the labelled alert it overlaps, if any. */
export const ReplayEventSchema = Type.Object(
  {
    at: DateTime,
    endedAt: DateTime,
    zoneId: Type.Optional(Type.String()),
    facts: AlertFactsSchema,
    verdict: Type.Optional(Type.Enum([...shadowLabels], { description: 'The overlapping alert’s label or verdict.' })),
    alertId: Type.Optional(Type.String({ format: 'uuid', description: 'The labelled alert it overlaps.' })),
  },
  { additionalProperties: false },
);

/** One replayed event. */
export type ReplayEvent = Static<typeof ReplayEventSchema>;

const Count = Type.Integer({ minimum: 0 });

/** How the replayed events compare with the verdicts already given on the same period. */
export const ReplaySummarySchema = Type.Object(
  {
    events: Count,
    trueEvents: Count,
    falseEvents: Count,
    irrelevant: Count,
    unlabelled: Count,
    precision: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
      description: 'true / (true + false) over the replayed events that overlap a labelled alert; null without any.',
    }),
    missedTrue: Type.Integer({
      minimum: 0,
      description: 'Alerts labelled true in the period that no replayed event overlaps.',
    }),
  },
  { additionalProperties: false },
);

/** A replay summary. */
export type ReplaySummary = Static<typeof ReplaySummarySchema>;

/** A replay of stored footage through one rule: its request, progress and, once done, its events. */
export const ReplaySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    cameraId: Type.String({ format: 'uuid' }),
    type: Type.Enum([...analyticsEventTypes]),
    params: RuleParamsSchema,
    from: DateTime,
    to: DateTime,
    status: Type.Enum([...replayStatuses]),
    progress: Type.Object(
      {
        segments: Count,
        segmentsDone: Count,
        recordedS: Type.Number({ minimum: 0, description: 'Seconds of recordings in the period.' }),
        analysedS: Type.Number({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    startedAt: DateTime,
    finishedAt: Type.Optional(DateTime),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false })),
    events: Type.Array(ReplayEventSchema),
    summary: Type.Optional(ReplaySummarySchema),
  },
  { additionalProperties: false },
);

/** A replay. */
export type Replay = Static<typeof ReplaySchema>;

/** A verdict given on an alert of the period: a supervisor's label, or an operator's qualification. */
export interface GivenVerdict {
  alertId: string;
  from: Date;
  to: Date;
  verdict: ShadowLabel;
}

/**
 * Gives each replayed event the verdict of the labelled alert its time overlaps (within `replayMatchS`;
 * the nearest one when several do), and sums them up: precision against the verdicts, and the alerts
 * judged true that the replayed rule would not have raised.
 */
export function matchReplay(
  events: readonly (Omit<ReplayEvent, 'verdict' | 'alertId'> & { zoneId?: string })[],
  verdicts: readonly GivenVerdict[],
): { events: ReplayEvent[]; summary: ReplaySummary } {
  const slack = replayMatchS * 1000;
  const overlapped = new Set<string>();
  const matched: ReplayEvent[] = events.map((event) => {
    const from = Date.parse(event.at);
    const to = Date.parse(event.endedAt);
    const gap = (v: GivenVerdict) => Math.max(0, v.from.getTime() - to, from - v.to.getTime());
    const near = verdicts.filter((v) => gap(v) <= slack).sort((a, b) => gap(a) - gap(b))[0];
    if (near === undefined) return { ...event };
    overlapped.add(near.alertId);
    return { ...event, verdict: near.verdict, alertId: near.alertId };
  });
  const count = (label: ShadowLabel) => matched.filter((e) => e.verdict === label).length;
  const trueEvents = count('true');
  const falseEvents = count('false');
  return {
    events: matched,
    summary: {
      events: matched.length,
      trueEvents,
      falseEvents,
      irrelevant: count('irrelevant'),
      unlabelled: matched.filter((e) => e.verdict === undefined).length,
      precision: precisionOf({ trueAlerts: trueEvents, falseAlarms: falseEvents }),
      missedTrue: verdicts.filter((v) => v.verdict === 'true' && !overlapped.has(v.alertId)).length,
    },
  };
}
