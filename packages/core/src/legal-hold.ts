import Type, { type Static } from 'typebox';
import { maxReasonLength, minFootageReasonLength } from './reasons.js';

/**
 * Legal holds (issue 15, LEGAL R4): footage a judicial requisition needs is kept past its camera's retention,
 * only with the requisition's reference, placed by a supervisor, audited, and with its own expiry; the
 * retention purge skips it until the hold is released or expires, then removes it at its next cycle.
 */

/** The longest a hold may run before it must be placed again (a new requisition, a new audit entry). */
export const maxHoldDays = 365;

const DateTime = Type.String({ format: 'date-time' });

/** A hold on a camera's footage over a range, or on an export (its camera and covered range). */
export const LegalHoldSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    cameraId: Type.String(),
    start: DateTime,
    end: DateTime,
    /** The export the hold was placed from, if any: its file is kept too. */
    exportId: Type.Union([Type.String(), Type.Null()]),
    requisition: Type.String(),
    reason: Type.String(),
    placedBy: Type.String(),
    placedAt: DateTime,
    expiresAt: DateTime,
    releasedAt: Type.Union([DateTime, Type.Null()]),
    releasedBy: Type.Union([Type.String(), Type.Null()]),
    releaseReason: Type.Union([Type.String(), Type.Null()]),
    /** `active` until released or expired. */
    state: Type.Enum(['active', 'released', 'expired']),
  },
  { additionalProperties: false },
);
/** A legal hold. */
export type LegalHold = Static<typeof LegalHoldSchema>;

const Requisition = Type.String({
  minLength: 3,
  maxLength: 200,
  description: 'Reference of the judicial requisition (procès-verbal, réquisition n°): a hold needs one.',
});
const Reason = Type.String({ minLength: minFootageReasonLength, maxLength: maxReasonLength });

/** What a supervisor sends to place a hold: a camera range or an export, a requisition, a reason, an expiry. */
export const PlaceHoldSchema = Type.Union([
  Type.Object(
    {
      cameraId: Type.String({ format: 'uuid' }),
      start: DateTime,
      end: DateTime,
      requisition: Requisition,
      reason: Reason,
      expiresAt: DateTime,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { exportId: Type.String({ format: 'uuid' }), requisition: Requisition, reason: Reason, expiresAt: DateTime },
    { additionalProperties: false },
  ),
]);
/** A request to place a hold. */
export type PlaceHold = Static<typeof PlaceHoldSchema>;

/** The state of a hold at a time: released wins over expired. */
export function holdState(hold: Pick<LegalHold, 'releasedAt' | 'expiresAt'>, now: Date): LegalHold['state'] {
  if (hold.releasedAt !== null) return 'released';
  return Date.parse(hold.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** Why an expiry is refused, or undefined when it is in the future and within `maxHoldDays`. */
export function holdExpiryProblem(expiresAt: Date, now: Date): string | undefined {
  if (expiresAt.getTime() <= now.getTime()) return 'must be in the future';
  if (expiresAt.getTime() > now.getTime() + maxHoldDays * 86_400_000) {
    return `must be within ${maxHoldDays} days; place a new hold when the requisition is renewed`;
  }
  return undefined;
}
