import { randomUUID } from 'node:crypto';
import { holdExpiryProblem, VigieError, type Clock, type LegalHold, type PlaceHold } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { PersonRequester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/**
 * Legal holds (issue 15): a supervisor keeps footage past retention for a judicial requisition, naming it,
 * with a reason and an expiry; placing and releasing are audited in the same transaction; the retention
 * purge asks `activeFor` what to keep.
 */
export class LegalHoldService {
  constructor(private readonly deps: { work: UnitOfWork; clock: Clock; cameras: CameraService }) {}

  /** Places a hold on a camera range, or on an export (its camera and covered range, and its file). */
  async place(input: PlaceHold, by: PersonRequester): Promise<LegalHold> {
    const now = this.deps.clock.now();
    const expiresAt = new Date(input.expiresAt);
    const problem = holdExpiryProblem(expiresAt, now);
    if (problem !== undefined) {
      throw new VigieError('HOLD_INVALID', `The hold's expiry ${problem}.`, [{ path: '/expiresAt', reason: problem }]);
    }
    const id = randomUUID();
    // Checked before the transaction: the embedded database has one connection, a nested one would wait forever.
    if ('cameraId' in input) await this.deps.cameras.get(input.cameraId, by);
    return this.deps.work(async ({ recordings, legalHolds, audit }) => {
      let target: { cameraId: string; start: string; end: string; exportId: string | null };
      if ('exportId' in input) {
        const exported = await recordings.export(input.exportId);
        if (exported === undefined) throw new VigieError('EXPORT_NOT_FOUND', `No export has id ${input.exportId}.`);
        target = {
          cameraId: exported.cameraId,
          start: exported.from.toISOString(),
          end: exported.to.toISOString(),
          exportId: exported.id,
        };
      } else {
        if (Date.parse(input.end) <= Date.parse(input.start)) {
          throw new VigieError('HOLD_INVALID', 'The held range must end after it starts.', [
            { path: '/end', reason: 'must be after start' },
          ]);
        }
        target = { cameraId: input.cameraId, start: input.start, end: input.end, exportId: null };
      }
      await legalHolds.insert({
        id,
        ...target,
        requisition: input.requisition,
        reason: input.reason,
        placedBy: by.actorName,
        placedAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      await audit.append({
        action: 'hold.placed',
        ...by,
        cameraId: target.cameraId,
        rangeStart: target.start,
        rangeEnd: target.end,
        reason: input.reason,
        details: {
          hold: id,
          requisition: input.requisition,
          expiresAt: expiresAt.toISOString(),
          export: target.exportId,
        },
      });
      const placed = await legalHolds.get(id, now);
      if (placed === undefined) throw new VigieError('HOLD_NOT_FOUND', `Hold ${id} vanished while being placed.`);
      return placed;
    });
  }

  /** Every hold with its state (active, released, expired), newest first. */
  async list(): Promise<LegalHold[]> {
    return this.deps.work(({ legalHolds }) => legalHolds.list(this.deps.clock.now()));
  }

  /** Releases a hold, with a reason; audited. The footage then goes at the next purge if past retention. */
  async release(id: string, reason: string, by: PersonRequester): Promise<LegalHold> {
    const now = this.deps.clock.now();
    return this.deps.work(async ({ legalHolds, audit }) => {
      const hold = await legalHolds.get(id, now);
      if (hold === undefined) throw new VigieError('HOLD_NOT_FOUND', `No legal hold has id ${id}.`);
      if (!(await legalHolds.release(id, { by: by.actorName, reason, at: now }))) {
        throw new VigieError('HOLD_RELEASED', `Hold ${id} (${hold.requisition}) was already released.`);
      }
      await audit.append({
        action: 'hold.released',
        ...by,
        cameraId: hold.cameraId,
        rangeStart: hold.start,
        rangeEnd: hold.end,
        reason,
        details: { hold: id, requisition: hold.requisition },
      });
      return (await legalHolds.get(id, now)) ?? hold;
    });
  }
}
