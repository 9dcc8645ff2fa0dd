import Type, { type Static } from 'typebox';
import { addMonths, zonedDate, zonedInstant } from './calendar.js';
import { VigieError, type FieldProblem } from './errors.js';
import type { LegalProfile } from './legal-profile.js';
import { accessRequestStatuses, accessRequestTransitions, type AccessRequestStatus } from './access-request-flow.js';

export * from './access-request-flow.js';

/** Whether the request has been answered (its holds are released then). */
export function isAnswered(status: AccessRequestStatus): boolean {
  return accessRequestTransitions[status].length === 0;
}

/** Statuses in which matched footage may still be attached. */
const searchingStatuses: readonly AccessRequestStatus[] = ['received', 'searching', 'footage_found'];

const hhmm = (description: string) => Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description });

/** What a person sends to ask for the images of themselves (public form, no login). */
export const AccessRequestInputSchema = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'Day you were filmed (YYYY-MM-DD).' }),
    from: hhmm('Start of the time window, local time of the city (HH:MM).'),
    to: hhmm('End of the time window, local time of the city (HH:MM), after "from".'),
    place: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Where you were: street, square, building.' }),
    ),
    cameraId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'The camera, if you know it (ids are on the transparency page): its footage over your window is kept from deletion while your request is examined.',
      }),
    ),
    description: Type.String({
      minLength: 10,
      maxLength: 2000,
      description: 'How to recognise you: clothing, what you carried, what you did; it is used for this search only.',
    }),
    contact: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100 }),
        email: Type.String({ format: 'email', maxLength: 254 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const TimeRangeSchema = Type.Object(
  { start: Type.String({ format: 'date-time' }), end: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);

/** What the person gets back: a reference to quote and the date by which they will be answered. */
export const AccessRequestReceiptSchema = Type.Object(
  {
    reference: Type.String(),
    status: Type.Literal('received'),
    receivedAt: Type.String({ format: 'date-time' }),
    dueAt: Type.String({
      format: 'date-time',
      description: 'Legal deadline for the answer: one month after receipt (GDPR art. 12(3)).',
    }),
    window: TimeRangeSchema,
  },
  { additionalProperties: false },
);

/** Footage found for a request: a camera and a time range, its hold, and later its blurred export. */
export const MatchedRangeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    cameraId: Type.String({ format: 'uuid' }),
    start: Type.String({ format: 'date-time' }),
    end: Type.String({ format: 'date-time' }),
    hold: Type.Boolean({ description: 'While true, the retention purge keeps this footage.' }),
    exportId: Type.Union([Type.String(), Type.Null()], { description: 'The blurred export of this range, once made.' }),
    needsReview: Type.Boolean({ description: 'The export awaits a person checking that third parties are blurred.' }),
    addedAt: Type.String({ format: 'date-time' }),
    addedBy: Type.String(),
  },
  { additionalProperties: false },
);

/** One step of a request's history. */
export const AccessRequestStepSchema = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    status: Type.Enum([...accessRequestStatuses]),
    actorName: Type.String(),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const summaryFields = {
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  status: Type.Enum([...accessRequestStatuses]),
  receivedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  overdue: Type.Boolean({ description: 'Not answered and past its deadline.' }),
  window: TimeRangeSchema,
  place: Type.Optional(Type.String()),
  cameraId: Type.Optional(Type.String({ format: 'uuid' })),
  contactName: Type.String(),
  extension: Type.Union(
    [
      Type.Object({ at: Type.String({ format: 'date-time' }), reason: Type.String() }, { additionalProperties: false }),
      Type.Null(),
    ],
    { description: 'When the deadline was extended, and the reason the requester was sent (GDPR art. 12(3)).' },
  ),
};

/** A request in the DPO's list. */
export const AccessRequestSummarySchema = Type.Object(summaryFields, { additionalProperties: false });

/** A request in full, for the DPO: description, contact, history, matched footage. */
export const AccessRequestSchema = Type.Object(
  {
    ...summaryFields,
    description: Type.String(),
    contactEmail: Type.String(),
    rejectionReason: Type.Optional(Type.String()),
    history: Type.Array(AccessRequestStepSchema),
    ranges: Type.Array(MatchedRangeSchema),
  },
  { additionalProperties: false },
);

/** The DPO moves a request on. */
export const AccessRequestStatusChangeSchema = Type.Object(
  {
    status: Type.Enum([...accessRequestStatuses]),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 2000, description: 'Required to reject: sent to the person.' }),
    ),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Internal note for the history.' })),
  },
  { additionalProperties: false },
);

/** The DPO extends a request's deadline (once, before it passes); the reason is sent to the requester. */
export const AccessRequestExtensionSchema = Type.Object(
  {
    reason: Type.String({
      minLength: 10,
      maxLength: 2000,
      description: 'Why more time is needed (complexity, number of requests): sent to the requester.',
    }),
  },
  { additionalProperties: false },
);
/** The extension a DPO sends. */
export type AccessRequestExtension = Static<typeof AccessRequestExtensionSchema>;

/**
 * The new deadline of a request extended now (GDPR art. 12(3): by the profile's further months, once,
 * the requester told why within the first deadline); throws ACCESS_REQUEST_EXTENSION_REFUSED otherwise.
 */
export function extendedDueAt(
  request: Pick<AccessRequestSummary, 'status' | 'dueAt' | 'extension'>,
  now: Date,
  profile: LegalProfile,
): Date {
  const refuse = (why: string) => new VigieError('ACCESS_REQUEST_EXTENSION_REFUSED', why);
  if (isAnswered(request.status)) throw refuse('This request is answered: its deadline no longer runs.');
  if (request.extension !== null) throw refuse('This deadline was already extended; it can be extended once.');
  if (now.getTime() > Date.parse(request.dueAt)) throw refuse('The deadline has passed: it can no longer be extended.');
  return addMonths(new Date(request.dueAt), profile.accessRequestExtensionMonths);
}

/** Whether the DPO should be reminded of an open request now: its deadline is within the profile's reminder days. */
export function accessRequestReminderDue(
  request: Pick<AccessRequestSummary, 'status' | 'dueAt'>,
  now: Date,
  profile: LegalProfile,
): boolean {
  const remindFrom = Date.parse(request.dueAt) - profile.accessRequestReminderDays * 86_400_000;
  return !isAnswered(request.status) && now.getTime() >= remindFrom;
}

/** The DPO attaches footage found for a request; it is held from the purge unless `hold` is false. */
export const MatchedRangeInputSchema = Type.Object(
  {
    cameraId: Type.String({ format: 'uuid' }),
    start: Type.String({ format: 'date-time' }),
    end: Type.String({ format: 'date-time' }),
    hold: Type.Optional(Type.Boolean({ description: 'Default true: keep this footage past its retention.' })),
  },
  { additionalProperties: false },
);

/** The DPO releases or restores a hold, or marks an export as reviewed. */
export const MatchedRangePatchSchema = Type.Object(
  {
    hold: Type.Optional(Type.Boolean()),
    reviewed: Type.Optional(
      Type.Literal(true, { description: 'A person checked the export: third parties are blurred.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** A person's access request. */
export type AccessRequestInput = Static<typeof AccessRequestInputSchema>;
/** The receipt a person gets. */
export type AccessRequestReceipt = Static<typeof AccessRequestReceiptSchema>;
/** A request in a list. */
export type AccessRequestSummary = Static<typeof AccessRequestSummarySchema>;
/** A request in full. */
export type AccessRequest = Static<typeof AccessRequestSchema>;
/** Footage matched to a request. */
export type MatchedRange = Static<typeof MatchedRangeSchema>;
/** A status change. */
export type AccessRequestStatusChange = Static<typeof AccessRequestStatusChangeSchema>;
/** Footage to attach. */
export type MatchedRangeInput = Static<typeof MatchedRangeInputSchema>;
/** A change to matched footage. */
export type MatchedRangePatch = Static<typeof MatchedRangePatchSchema>;

/**
 * A stretch of footage of one camera the retention purge must keep (a hold): a matched range the
 * DPO holds, or, while a request is received or searching, the request's own window on the camera
 * the person named (provisional: held from the moment the request arrives, LEGAL R15).
 */
export interface FootageHold {
  requestId: string;
  reference: string;
  kind: 'matched' | 'provisional';
  /** The matched range, for `matched` holds. */
  rangeId: string | null;
  cameraId: string;
  start: string;
  end: string;
}

/** Statuses in which the window on the named camera is held, before footage is matched. */
export const provisionalHoldStatuses: readonly AccessRequestStatus[] = ['received', 'searching'];

/** Longest stretch of footage one matched range may hold. */
export const maxMatchedRangeHours = 24;

function windowInvalid(message: string, problems: FieldProblem[]): VigieError {
  return new VigieError('TIME_WINDOW_INVALID', message, problems);
}

/** The instants a person's local date and times denote; refuses a window that ends before it starts or lies ahead. */
export function accessRequestWindow(
  input: Pick<AccessRequestInput, 'date' | 'from' | 'to'>,
  context: { now: Date; profile: LegalProfile },
): { start: Date; end: Date } {
  const { now, profile } = context;
  if (input.date > zonedDate(now, profile.timeZone)) {
    throw windowInvalid(`${input.date} is in the future: give the day you were filmed.`, [
      { path: '/date', reason: 'is in the future' },
    ]);
  }
  if (input.to <= input.from) {
    throw windowInvalid(`The time window ${input.from}–${input.to} ends before it starts.`, [
      { path: '/to', reason: `must be after ${input.from}` },
    ]);
  }
  return {
    start: zonedInstant(input.date, input.from, profile.timeZone),
    end: zonedInstant(input.date, input.to, profile.timeZone),
  };
}

/** Checks footage to attach: it ends after it starts and spans at most a day. */
export function assertMatchedRange(range: { start: string; end: string }): void {
  const length = Date.parse(range.end) - Date.parse(range.start);
  if (length <= 0)
    throw windowInvalid('The range ends before it starts.', [{ path: '/end', reason: 'must be after start' }]);
  if (length > maxMatchedRangeHours * 3600_000) {
    throw windowInvalid(`A matched range spans at most ${maxMatchedRangeHours} hours; attach several ranges.`, [
      { path: '/end', reason: `must be within ${maxMatchedRangeHours} hours of start` },
    ]);
  }
}

/** The legal deadline of a request received at `receivedAt`: one month in France (GDPR art. 12(3)). */
export function accessRequestDueAt(receivedAt: Date, profile: LegalProfile): Date {
  return addMonths(receivedAt, profile.accessRequestDeadlineMonths);
}

/** Whether a request is unanswered past its deadline. */
export function accessRequestOverdue(request: { status: AccessRequestStatus; dueAt: string }, now: Date): boolean {
  return !isAnswered(request.status) && now.getTime() > Date.parse(request.dueAt);
}

function transitionRefused(message: string): VigieError {
  return new VigieError('ACCESS_REQUEST_TRANSITION_INVALID', message);
}

/**
 * Checks that a request may move to the asked status: the workflow allows it, footage was attached
 * before saying it was found, every range is exported before the export is ready, every export was
 * reviewed (third parties blurred) before delivery, and a rejection gives its reason.
 */
export function assertStatusChange(
  request: Pick<AccessRequest, 'status' | 'ranges'>,
  change: Pick<AccessRequestStatusChange, 'status' | 'reason'>,
): void {
  const allowed = accessRequestTransitions[request.status];
  if (!allowed.includes(change.status)) {
    throw transitionRefused(
      allowed.length === 0
        ? `This request was answered (${request.status}); it cannot change any more.`
        : `A request that is ${request.status} can move to ${allowed.join(' or ')}, not ${change.status}.`,
    );
  }
  const ranges = request.ranges;
  if (change.status === 'footage_found' && ranges.length === 0) {
    throw transitionRefused('Attach the footage found (POST …/ranges) before marking it found.');
  }
  if (change.status === 'export_ready' && ranges.some((r) => r.exportId === null)) {
    throw transitionRefused('Every matched range needs its blurred export before the answer is ready.');
  }
  if (change.status === 'delivered' && ranges.some((r) => r.needsReview)) {
    throw transitionRefused('A person must review every export (third parties blurred) before it is delivered.');
  }
  if (change.status === 'rejected' && change.reason === undefined) {
    throw new VigieError('VALIDATION_FAILED', 'A rejection must give its reason: it is sent to the person.', [
      { path: '/reason', reason: 'is required to reject' },
    ]);
  }
}

/** Refuses attaching footage to a request that is no longer searching. */
export function assertCanAttachFootage(status: AccessRequestStatus): void {
  if (!searchingStatuses.includes(status)) {
    throw transitionRefused(
      `Footage can be attached while a request is received, searching or footage_found, not ${status}.`,
    );
  }
}
