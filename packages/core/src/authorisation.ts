import Type, { type Static } from 'typebox';

/** Where a camera's prefectoral authorisation stands at a given moment (R1). */
export const authorisationStates = ['valid', 'renewal_due', 'expired', 'missing'] as const;

/** An authorisation state. */
export type AuthorisationState = (typeof authorisationStates)[number];

/** The read-only summary a camera carries, so a console can show a red banner. */
export const AuthorisationSummarySchema = Type.Object(
  {
    state: Type.Enum([...authorisationStates]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false, description: 'Prefectoral authorisation, from the legal registry; read-only.' },
);

/** A camera's authorisation summary. */
export type AuthorisationSummary = Static<typeof AuthorisationSummarySchema>;
