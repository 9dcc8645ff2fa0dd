import Type, { type Static } from 'typebox';
import { alertSeverities, analyticsEventTypes, BoxSchema } from './analytics.js';

/** What an alert is about, in words a sentence can be built from. */
export const alertSubjects = ['person', 'persons', 'object', 'flames', 'view'] as const;

/** Units of an alert's measure. */
export const alertMeasureUnits = ['persons_per_m2', 'm_per_s', 'per_s', 'fraction_of_view'] as const;

/** Qualifiers some rules give: how a view was tampered with, which way a crowd moved. */
export const alertManners = ['covered', 'defocused', 'moved', 'converging', 'dispersing'] as const;

/**
 * The structured parameters of an alert: what was seen, where, for how long, how sure, and the rule's
 * measure with its peak. The console builds the operator's sentence from them in the operator's
 * language, and filters on them; no identity of any kind (R17), track numbers stay in the worker.
 */
export const AlertFactsSchema = Type.Object(
  {
    subject: Type.Enum([...alertSubjects]),
    count: Type.Optional(Type.Integer({ minimum: 0, description: 'Persons involved, when several.' })),
    zoneId: Type.Optional(Type.String({ maxLength: 64 })),
    region: Type.Optional(BoxSchema),
    durationS: Type.Number({
      minimum: 0,
      description: 'How long the situation has lasted, including what the rule waited before raising it.',
    }),
    confidence: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Mean detector score of the persons involved.' }),
    ),
    measure: Type.Optional(
      Type.Object(
        { value: Type.Number(), peak: Type.Number(), unit: Type.Enum([...alertMeasureUnits]) },
        { additionalProperties: false },
      ),
    ),
    manner: Type.Optional(Type.Enum([...alertManners])),
  },
  { additionalProperties: false },
);

/** An alert's structured parameters. */
export type AlertFacts = Static<typeof AlertFactsSchema>;

/**
 * An attention alert for an operator to qualify (R20), as an analysis reports it: one per situation
 * (its key), with the stream times it was opened, last seen and ended at, and its structured facts.
 */
export const AlertSchema = Type.Object(
  {
    key: Type.String({ description: 'The situation this alert is about (unique per camera).' }),
    cameraId: Type.String(),
    type: Type.Enum([...analyticsEventTypes]),
    severity: Type.Enum([...alertSeverities]),
    zoneId: Type.Optional(Type.String()),
    firstT: Type.Number(),
    lastT: Type.Number(),
    endT: Type.Optional(Type.Number({ description: 'Stream time it was last seen at, once it ended.' })),
    occurrences: Type.Integer({ minimum: 1 }),
    region: Type.Optional(BoxSchema),
    reason: Type.String({ maxLength: 200 }),
    facts: AlertFactsSchema,
  },
  { additionalProperties: false },
);

/** An alert. */
export type Alert = Static<typeof AlertSchema>;
