import {
  accessRequestOverdue,
  accessRequestStatuses,
  definedOnly,
  isAnswered,
  provisionalHoldStatuses,
  type AccessRequest,
  type AccessRequestStatus,
  type AccessRequestSummary,
  type Clock,
  type FootageHold,
  type MatchedRange,
} from '@vigie/core';
import type { Kysely, Selectable } from 'kysely';
import type { AccessRequestRangeTable, AccessRequestTable, Tables } from './tables.js';

/** A request as first stored. */
export interface NewAccessRequest {
  reference: string;
  receivedAt: Date;
  dueAt: Date;
  window: { start: Date; end: Date };
  place: string | undefined;
  cameraHint: string | undefined;
  description: string;
  contact: { name: string; email: string };
}

/** Filters of the DPO's list. */
export interface AccessRequestFilter {
  status?: AccessRequestStatus;
  /** true: only unanswered requests past their deadline; false: only the others. */
  overdue?: boolean;
}

const answered = accessRequestStatuses.filter(isAnswered);

function toRange(row: Selectable<AccessRequestRangeTable>): MatchedRange {
  return {
    id: row.id,
    cameraId: row.camera_id,
    start: row.range_start.toISOString(),
    end: row.range_end.toISOString(),
    hold: row.hold,
    exportId: row.export_id,
    needsReview: row.needs_review,
    addedAt: row.added_at.toISOString(),
    addedBy: row.added_by,
  };
}

/** Access requests, their steps, and the footage matched and held for them. */
export class AccessRequestRepository {
  readonly #db: Kysely<Tables>;
  readonly #clock: Clock;

  constructor(db: Kysely<Tables>, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  #summary(row: Selectable<AccessRequestTable>): AccessRequestSummary {
    const status = row.status as AccessRequestStatus;
    const dueAt = row.due_at.toISOString();
    return {
      id: row.id,
      reference: row.reference,
      status,
      receivedAt: row.received_at.toISOString(),
      dueAt,
      overdue: accessRequestOverdue({ status, dueAt }, this.#clock.now()),
      window: { start: row.window_start.toISOString(), end: row.window_end.toISOString() },
      ...(row.place === null ? {} : { place: row.place }),
      ...(row.camera_hint === null ? {} : { cameraId: row.camera_hint }),
      contactName: row.contact_name,
      extension:
        row.extended_at === null ? null : { at: row.extended_at.toISOString(), reason: row.extension_reason ?? '' },
    };
  }

  /** Stores a new request in the `received` status; returns its id. */
  async create(request: NewAccessRequest): Promise<string> {
    const row = await this.#db
      .insertInto('access_requests')
      .values({
        reference: request.reference,
        status: 'received',
        received_at: request.receivedAt,
        due_at: request.dueAt,
        window_start: request.window.start,
        window_end: request.window.end,
        place: request.place ?? null,
        camera_hint: request.cameraHint ?? null,
        description: request.description,
        contact_name: request.contact.name,
        contact_email: request.contact.email,
        updated_at: request.receivedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Whether a reference is already used. */
  async referenceTaken(reference: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('access_requests')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Appends a step to a request's history, now. */
  async addStep(requestId: string, step: { status: AccessRequestStatus; actorName: string; note?: string }) {
    await this.#db
      .insertInto('access_request_steps')
      .values({
        request_id: requestId,
        at: this.#clock.now(),
        status: step.status,
        actor_name: step.actorName,
        note: step.note ?? null,
      })
      .execute();
  }

  /** A request in full with its history (oldest first) and matched ranges, or undefined. */
  async get(id: string): Promise<AccessRequest | undefined> {
    const row = await this.#db.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const steps = await this.#db
      .selectFrom('access_request_steps')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute();
    const ranges = await this.#db
      .selectFrom('access_request_ranges')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('added_at')
      .orderBy('range_start')
      .execute();
    return {
      ...this.#summary(row),
      description: row.description,
      contactEmail: row.contact_email,
      ...(row.rejection_reason === null ? {} : { rejectionReason: row.rejection_reason }),
      history: steps.map((step) => ({
        at: step.at.toISOString(),
        status: step.status as AccessRequestStatus,
        actorName: step.actor_name,
        ...(step.note === null ? {} : { note: step.note }),
      })),
      ranges: ranges.map(toRange),
    };
  }

  /** Requests, oldest deadline first, optionally filtered by status and by being overdue. */
  async list(filter: AccessRequestFilter = {}): Promise<AccessRequestSummary[]> {
    const now = this.#clock.now();
    let query = this.#db.selectFrom('access_requests').selectAll().orderBy('due_at').orderBy('reference');
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.overdue === true) query = query.where('due_at', '<', now).where('status', 'not in', answered);
    if (filter.overdue === false) {
      query = query.where((eb) => eb.or([eb('due_at', '>=', now), eb('status', 'in', answered)]));
    }
    return (await query.execute()).map((row) => this.#summary(row));
  }

  /** Extends an unextended request's deadline; false when it was already extended. */
  async extend(id: string, extension: { dueAt: Date; reason: string; at: Date }): Promise<boolean> {
    const result = await this.#db
      .updateTable('access_requests')
      .set({
        due_at: extension.dueAt,
        extended_at: extension.at,
        extension_reason: extension.reason,
        // The new deadline gets its own reminder.
        reminded_at: null,
        updated_at: extension.at,
      })
      .where('id', '=', id)
      .where('extended_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Open requests whose DPO has not been reminded of their current deadline, oldest deadline first. */
  async notReminded(): Promise<AccessRequestSummary[]> {
    const rows = await this.#db
      .selectFrom('access_requests')
      .selectAll()
      .where('status', 'not in', answered)
      .where('reminded_at', 'is', null)
      .orderBy('due_at')
      .execute();
    return rows.map((row) => this.#summary(row));
  }

  /** Records that the DPO was reminded of a request's deadline. */
  async markReminded(id: string, at: Date): Promise<void> {
    await this.#db.updateTable('access_requests').set({ reminded_at: at }).where('id', '=', id).execute();
  }

  /** Moves a request from one status to another; false if it was no longer in `from` (someone else moved it). */
  async setStatus(
    id: string,
    change: { from: AccessRequestStatus; to: AccessRequestStatus; rejectionReason?: string },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable('access_requests')
      .set({
        status: change.to,
        updated_at: this.#clock.now(),
        ...definedOnly({ rejection_reason: change.rejectionReason }),
      })
      .where('id', '=', id)
      .where('status', '=', change.from)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Attaches footage to a request; returns the range's id. */
  async addRange(
    requestId: string,
    range: { cameraId: string; start: string; end: string; hold: boolean; addedBy: string },
  ): Promise<string> {
    const row = await this.#db
      .insertInto('access_request_ranges')
      .values({
        request_id: requestId,
        camera_id: range.cameraId,
        range_start: new Date(range.start),
        range_end: new Date(range.end),
        hold: range.hold,
        added_at: this.#clock.now(),
        added_by: range.addedBy,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Changes a matched range's hold, review flag or export; false if the request has no such range. */
  async updateRange(
    requestId: string,
    rangeId: string,
    change: { hold?: boolean; needsReview?: boolean; exportId?: string },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable('access_request_ranges')
      .set({
        ...definedOnly({ hold: change.hold, needs_review: change.needsReview, export_id: change.exportId }),
      })
      .where('id', '=', rangeId)
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Releases every hold of a request; returns how many ranges were held. */
  async releaseHolds(requestId: string): Promise<number> {
    const result = await this.#db
      .updateTable('access_request_ranges')
      .set({ hold: false })
      .where('request_id', '=', requestId)
      .where('hold', '=', true)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /**
   * The footage of a camera the retention purge must keep, oldest first: every held matched range,
   * and the window of each request still received or searching that names this camera. The purge
   * deletes a segment only if it overlaps none of them.
   */
  async holdsFor(cameraId: string): Promise<FootageHold[]> {
    const matched = await this.#db
      .selectFrom('access_request_ranges as r')
      .innerJoin('access_requests as a', 'a.id', 'r.request_id')
      .select(['r.id', 'r.request_id', 'a.reference', 'r.range_start', 'r.range_end'])
      .where('r.camera_id', '=', cameraId)
      .where('r.hold', '=', true)
      .execute();
    const provisional = await this.#db
      .selectFrom('access_requests')
      .select(['id', 'reference', 'window_start', 'window_end'])
      .where('camera_hint', '=', cameraId)
      .where('status', 'in', provisionalHoldStatuses)
      .execute();
    const holds: FootageHold[] = [
      ...matched.map((row) => ({
        requestId: row.request_id,
        reference: row.reference,
        kind: 'matched' as const,
        rangeId: row.id,
        cameraId,
        start: row.range_start.toISOString(),
        end: row.range_end.toISOString(),
      })),
      ...provisional.map((row) => ({
        requestId: row.id,
        reference: row.reference,
        kind: 'provisional' as const,
        rangeId: null,
        cameraId,
        start: row.window_start.toISOString(),
        end: row.window_end.toISOString(),
      })),
    ];
    return holds.sort((a, b) => a.start.localeCompare(b.start));
  }
}
