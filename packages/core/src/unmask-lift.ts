import Type, { type Static } from 'typebox';
import type { Camera } from './camera.js';
import { VigieError } from './errors.js';

/**
 * Two-person unmasking (issue 15 #4): masks are permanent unless a camera declares one *liftable*; seeing
 * behind it, for a past range, needs a request by one authorised person, with a written reason and an
 * expiry, then the approval of a different person holding the approving role. Only an approved lift, before
 * its expiry, may release the key of the encrypted unmasked footage (docs/unmasking.md).
 */

/** The longest a lift may stay usable once requested. */
export const maxLiftHours = 72;

const DateTime = Type.String({ format: 'date-time' });

/** Where a lift stands; `expired` is computed from the clock, whatever the stored state. */
export const liftStates = ['requested', 'approved', 'refused', 'expired'] as const;
/** A lift's state. */
export type LiftState = (typeof liftStates)[number];

/** A lift of a camera's liftable masks over a past range. */
export const UnmaskLiftSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    cameraId: Type.String({ format: 'uuid' }),
    start: DateTime,
    end: DateTime,
    reason: Type.String(),
    requestedBy: Type.String(),
    requestedAt: DateTime,
    expiresAt: DateTime,
    decidedBy: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([DateTime, Type.Null()]),
    decisionNote: Type.Union([Type.String(), Type.Null()]),
    state: Type.Enum([...liftStates]),
  },
  { additionalProperties: false },
);
/** An unmasking lift. */
export type UnmaskLift = Static<typeof UnmaskLiftSchema>;

/** What a person sends to ask for a lift. */
export const RequestLiftSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    start: DateTime,
    end: DateTime,
    reason: Type.String({ minLength: 10, maxLength: 1000, description: 'Why the masked area must be seen.' }),
    expiresAt: DateTime,
  },
  { additionalProperties: false },
);
/** A lift request. */
export type RequestLift = Static<typeof RequestLiftSchema>;

/** The state of a lift at a time: an undecided or approved lift past its expiry is expired. */
export function liftStateAt(lift: Pick<UnmaskLift, 'state' | 'expiresAt'>, now: Date): LiftState {
  if (lift.state === 'refused') return 'refused';
  return Date.parse(lift.expiresAt) <= now.getTime() ? 'expired' : lift.state;
}

/** Throws LIFT_INVALID unless the camera has a liftable mask, the range is past and ordered, the expiry near. */
export function assertLiftRequestable(input: { request: RequestLift; camera: Camera; now: Date }): void {
  const { request, camera, now } = input;
  const problems: { path: string; reason: string }[] = [];
  if (!camera.masks.some((mask) => mask.liftable === true)) {
    problems.push({ path: '/cameraId', reason: 'this camera declares no liftable mask: its masks are permanent' });
  }
  if (Date.parse(request.end) <= Date.parse(request.start))
    problems.push({ path: '/end', reason: 'must be after start' });
  if (Date.parse(request.end) > now.getTime()) problems.push({ path: '/end', reason: 'must be in the past' });
  const expires = Date.parse(request.expiresAt);
  if (expires <= now.getTime() || expires > now.getTime() + maxLiftHours * 3_600_000) {
    problems.push({ path: '/expiresAt', reason: `must be in the future, within ${maxLiftHours} hours` });
  }
  if (problems.length > 0) {
    throw new VigieError('LIFT_INVALID', `This lift cannot be requested: ${problems[0]?.reason}.`, problems);
  }
}

/** Throws unless `approver` may decide on the lift: still requested, not expired, not the requester. */
export function assertLiftDecidable(lift: UnmaskLift, approver: string, now: Date): void {
  const state = liftStateAt(lift, now);
  if (state !== 'requested') {
    throw new VigieError('LIFT_NOT_PENDING', `This lift is ${state}; only a requested lift can be decided.`);
  }
  if (approver === lift.requestedBy) {
    throw new VigieError('LIFT_SELF_APPROVAL', 'A lift must be approved by someone other than the person who asked.');
  }
}

/** Throws unless `viewer` may see behind the masks now: the lift approved, not expired, and asked by them. */
export function assertLiftUsable(lift: UnmaskLift, viewer: string, now: Date): void {
  const state = liftStateAt(lift, now);
  if (state === 'expired') throw new VigieError('LIFT_EXPIRED', `This lift expired at ${lift.expiresAt}.`);
  if (state !== 'approved') throw new VigieError('LIFT_NOT_APPROVED', `This lift is ${state}, not approved.`);
  if (viewer !== lift.requestedBy) {
    throw new VigieError('LIFT_NOT_APPROVED', 'An approved lift is for the person who asked for it only.');
  }
}

/** What the approving person sends: a note, required when refusing and when approving. */
export const DecideLiftSchema = Type.Object(
  { note: Type.String({ minLength: 3, maxLength: 1000, description: 'Why this decision.' }) },
  { additionalProperties: false },
);
/** A decision on a lift. */
export type DecideLift = Static<typeof DecideLiftSchema>;
