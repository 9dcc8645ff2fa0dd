import { randomInt } from 'node:crypto';
import {
  accessRequestDueAt,
  accessRequestReminderDue,
  definedOnly,
  extendedDueAt,
  accessRequestWindow,
  assertCanAttachFootage,
  assertMatchedRange,
  assertStatusChange,
  isAnswered,
  zonedDate,
  VigieError,
  type AccessRequest,
  type AccessRequestExtension,
  type AccessRequestInput,
  type AccessRequestReceipt,
  type AccessRequestStatusChange,
  type AccessRequestSummary,
  type Clock,
  type FootageHold,
  type LegalProfile,
  type MatchedRangeInput,
  type MatchedRangePatch,
  type Notifier,
} from '@vigie/core';
import type { AccessRequestFilter, Stores, UnitOfWork } from '@vigie/db';
import type { RateLimiter } from '../rate-limiter.js';
import type { AuditAuthor } from '../auth/requester.js';

// No 0/O, 1/I: a reference is read over the phone.
const referenceAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

async function newReference(stores: Stores, year: string): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 6 }, () => referenceAlphabet[randomInt(referenceAlphabet.length)]).join('');
    const reference = `DA-${year}-${code}`;
    if (!(await stores.accessRequests.referenceTaken(reference))) return reference;
  }
}

async function existing(stores: Stores, id: string): Promise<AccessRequest> {
  const request = await stores.accessRequests.get(id);
  if (request === undefined) throw new VigieError('ACCESS_REQUEST_NOT_FOUND', `No access request has id ${id}.`);
  return request;
}

function rangeOf(request: AccessRequest, rangeId: string) {
  const range = request.ranges.find((r) => r.id === rangeId);
  if (range === undefined) {
    throw new VigieError('ACCESS_REQUEST_RANGE_NOT_FOUND', `Request ${request.reference} has no range ${rangeId}.`);
  }
  return range;
}

/**
 * Data subjects' access to their images (GDPR art. 15; LEGAL R15): a public form, then the DPO's
 * workflow with its one-month deadline, matched footage held from the purge, every step audited in
 * the same transaction. The audit trail records references, never the person's name or description.
 */
export class AccessRequestService {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #profile: LegalProfile;
  readonly #limiter: RateLimiter;
  readonly #notifier: Notifier;
  readonly #dpoEmail: string;

  /** `notifier` writes to requesters and to the DPO (`dpoEmail`): extensions and reminders. */
  constructor(options: {
    work: UnitOfWork;
    clock: Clock;
    profile: LegalProfile;
    limiter: RateLimiter;
    notifier: Notifier;
    dpoEmail: string;
  }) {
    this.#work = options.work;
    this.#clock = options.clock;
    this.#profile = options.profile;
    this.#limiter = options.limiter;
    this.#notifier = options.notifier;
    this.#dpoEmail = options.dpoEmail;
  }

  /** Receives a person's request (rate-limited per address); returns its reference and legal deadline. */
  async submit(input: AccessRequestInput, source: string): Promise<AccessRequestReceipt> {
    const receivedAt = this.#clock.now();
    const window = accessRequestWindow(input, { now: receivedAt, profile: this.#profile });
    this.#limiter.take(source);
    const dueAt = accessRequestDueAt(receivedAt, this.#profile);
    const reference = await this.#work(async (stores) => {
      if (input.cameraId !== undefined && (await stores.cameras.get(input.cameraId)) === undefined) {
        throw new VigieError('VALIDATION_FAILED', 'The camera named in the request does not exist.', [
          { path: '/cameraId', reason: 'is not a camera listed on the transparency page' },
        ]);
      }
      const assigned = await newReference(stores, zonedDate(receivedAt, this.#profile.timeZone).slice(0, 4));
      const id = await stores.accessRequests.create({
        reference: assigned,
        receivedAt,
        dueAt,
        window,
        place: input.place,
        cameraHint: input.cameraId,
        description: input.description,
        contact: input.contact,
      });
      await stores.accessRequests.addStep(id, { status: 'received', actorName: 'public form' });
      await stores.audit.append({
        action: 'access_request.received',
        actorName: 'anonymous',
        source,
        ...(input.cameraId === undefined
          ? {}
          : { cameraId: input.cameraId, rangeStart: window.start.toISOString(), rangeEnd: window.end.toISOString() }),
        details: { requestId: id, reference: assigned, provisionalHold: input.cameraId !== undefined },
      });
      return assigned;
    });
    return {
      reference,
      status: 'received',
      receivedAt: receivedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      window: { start: window.start.toISOString(), end: window.end.toISOString() },
    };
  }

  /** Requests, oldest deadline first. */
  async list(filter: AccessRequestFilter = {}): Promise<AccessRequestSummary[]> {
    return this.#work(({ accessRequests }) => accessRequests.list(filter));
  }

  /** A request in full; throws ACCESS_REQUEST_NOT_FOUND. */
  async get(id: string): Promise<AccessRequest> {
    return this.#work((stores) => existing(stores, id));
  }

  /** Moves a request along the workflow; answering it releases its holds; audited. */
  async changeStatus(id: string, change: AccessRequestStatusChange, actor: AuditAuthor): Promise<AccessRequest> {
    return this.#work(async (stores) => {
      const request = await existing(stores, id);
      assertStatusChange(request, change);
      const moved = await stores.accessRequests.setStatus(id, {
        from: request.status,
        to: change.status,
        ...(change.status === 'rejected' && change.reason !== undefined ? { rejectionReason: change.reason } : {}),
      });
      if (!moved) {
        throw new VigieError(
          'ACCESS_REQUEST_TRANSITION_INVALID',
          'Someone else moved this request meanwhile; reload it.',
        );
      }
      await stores.accessRequests.addStep(id, {
        status: change.status,
        actorName: actor.actorName,
        ...definedOnly({ note: change.note }),
      });
      const releasedHolds = isAnswered(change.status) ? await stores.accessRequests.releaseHolds(id) : 0;
      await stores.audit.append({
        action: 'access_request.status_changed',
        ...actor,
        ...definedOnly({ reason: change.reason }),
        details: {
          requestId: id,
          reference: request.reference,
          from: request.status,
          to: change.status,
          releasedHolds,
        },
      });
      return existing(stores, id);
    });
  }

  /**
   * Extends a request's deadline by the profile's further months (once, before it passes); the reason and
   * the new date are sent to the requester; audited.
   */
  async extendDeadline(id: string, extension: AccessRequestExtension, actor: AuditAuthor): Promise<AccessRequest> {
    const now = this.#clock.now();
    const { request, dueAt } = await this.#work(async (stores) => {
      const request = await existing(stores, id);
      const dueAt = extendedDueAt(request, now, this.#profile);
      if (!(await stores.accessRequests.extend(id, { dueAt, reason: extension.reason, at: now }))) {
        throw new VigieError('ACCESS_REQUEST_EXTENSION_REFUSED', 'This deadline was already extended.');
      }
      await stores.accessRequests.addStep(id, {
        status: request.status,
        actorName: actor.actorName,
        note: extension.reason,
      });
      await stores.audit.append({
        action: 'access_request.deadline_extended',
        ...actor,
        reason: extension.reason,
        details: { requestId: id, reference: request.reference, from: request.dueAt, to: dueAt.toISOString() },
      });
      return { request, dueAt };
    });
    const day = zonedDate(dueAt, this.#profile.timeZone);
    await this.#notifier.send({
      to: request.contactEmail,
      subject: `Votre demande d’accès ${request.reference} / Your access request ${request.reference}`,
      text: [
        `Bonjour ${request.contactName},`,
        '',
        `Nous avons besoin de plus de temps pour répondre à votre demande ${request.reference}. Nous vous répondrons au plus tard le ${day}.`,
        `Motif : ${extension.reason}`,
        '',
        `We need more time to answer your request ${request.reference}; you will be answered by ${day} at the latest.`,
        `Reason: ${extension.reason}`,
      ].join('\n'),
    });
    return this.get(id);
  }

  /**
   * Reminds the DPO, once per deadline, of each open request whose deadline is within the profile's
   * reminder days (also one already past); audited. Returns the references reminded.
   */
  async remindDeadlines(): Promise<string[]> {
    const now = this.#clock.now();
    const due = await this.#work(async (stores) => {
      const open = await stores.accessRequests.notReminded();
      const reminded = open.filter((request) => accessRequestReminderDue(request, now, this.#profile));
      for (const request of reminded) {
        await stores.accessRequests.markReminded(request.id, now);
        await stores.audit.append({
          action: 'access_request.reminder_sent',
          actorName: 'system (deadline reminder)',
          details: { requestId: request.id, reference: request.reference, dueAt: request.dueAt },
        });
      }
      return reminded;
    });
    for (const request of due) {
      const day = zonedDate(new Date(request.dueAt), this.#profile.timeZone);
      await this.#notifier.send({
        to: this.#dpoEmail,
        subject: `Échéance de la demande d’accès ${request.reference} : ${day}`,
        text: `La demande d’accès ${request.reference} doit recevoir une réponse au plus tard le ${day}. / Access request ${request.reference} must be answered by ${day}.`,
      });
    }
    return due.map((request) => request.reference);
  }

  /** Attaches footage found for a request, held from the purge unless told otherwise; audited. */
  async addRange(id: string, range: MatchedRangeInput, actor: AuditAuthor): Promise<AccessRequest> {
    assertMatchedRange(range);
    return this.#work(async (stores) => {
      const request = await existing(stores, id);
      assertCanAttachFootage(request.status);
      if ((await stores.cameras.get(range.cameraId)) === undefined) {
        throw new VigieError('CAMERA_NOT_FOUND', `No camera has id ${range.cameraId}.`, [
          { path: '/cameraId', reason: 'does not exist' },
        ]);
      }
      const hold = range.hold ?? true;
      const rangeId = await stores.accessRequests.addRange(id, { ...range, hold, addedBy: actor.actorName });
      await stores.audit.append({
        action: 'access_request.range_added',
        ...actor,
        cameraId: range.cameraId,
        rangeStart: range.start,
        rangeEnd: range.end,
        details: { requestId: id, reference: request.reference, rangeId, hold },
      });
      return existing(stores, id);
    });
  }

  /** Releases or restores a range's hold, or records that a person reviewed its export; audited. */
  async updateRange(id: string, rangeId: string, patch: MatchedRangePatch, actor: AuditAuthor): Promise<AccessRequest> {
    return this.#work(async (stores) => {
      const request = await existing(stores, id);
      const range = rangeOf(request, rangeId);
      if (patch.hold === true && isAnswered(request.status)) {
        throw new VigieError(
          'ACCESS_REQUEST_TRANSITION_INVALID',
          `Request ${request.reference} was answered (${request.status}); its footage can no longer be held.`,
        );
      }
      if (patch.reviewed === true && range.exportId === null) {
        throw new VigieError('ACCESS_REQUEST_TRANSITION_INVALID', 'This range has no export to review yet.');
      }
      await stores.accessRequests.updateRange(id, rangeId, {
        ...definedOnly({ hold: patch.hold }),
        ...(patch.reviewed === true ? { needsReview: false } : {}),
      });
      await stores.audit.append({
        action: 'access_request.range_changed',
        ...actor,
        cameraId: range.cameraId,
        rangeStart: range.start,
        rangeEnd: range.end,
        details: { requestId: id, reference: request.reference, rangeId, ...patch },
      });
      return existing(stores, id);
    });
  }

  /**
   * Links the blurred export of a matched range; it then needs a person's review before delivery.
   * For the export pipeline to call once it has produced the file; audited.
   */
  async attachExport(
    target: { requestId: string; rangeId: string; exportId: string },
    actor: AuditAuthor,
  ): Promise<AccessRequest> {
    return this.#work(async (stores) => {
      const request = await existing(stores, target.requestId);
      const range = rangeOf(request, target.rangeId);
      if (isAnswered(request.status)) {
        throw new VigieError('ACCESS_REQUEST_TRANSITION_INVALID', `Request ${request.reference} was already answered.`);
      }
      await stores.accessRequests.updateRange(target.requestId, target.rangeId, {
        exportId: target.exportId,
        needsReview: true,
      });
      await stores.audit.append({
        action: 'access_request.export_attached',
        ...actor,
        cameraId: range.cameraId,
        rangeStart: range.start,
        rangeEnd: range.end,
        details: {
          requestId: target.requestId,
          reference: request.reference,
          rangeId: range.id,
          exportId: target.exportId,
        },
      });
      return existing(stores, target.requestId);
    });
  }

  /** The footage of a camera the retention purge must keep (matched ranges held, provisional windows). */
  async holdsFor(cameraId: string): Promise<FootageHold[]> {
    return this.#work(({ accessRequests }) => accessRequests.holdsFor(cameraId));
  }
}
