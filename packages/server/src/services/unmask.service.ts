import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import {
  assertLiftDecidable,
  assertLiftRequestable,
  assertLiftUsable,
  rolesGrant,
  VigieError,
  type Clock,
  type RequestLift,
  type SegmentStorage,
  type UnmaskLift,
} from '@vigie/core';
import type { SealedSegmentRecord, UnitOfWork } from '@vigie/db';
import { Fmp4Restamper, Fmp4Splitter, watermarkArgs } from '@vigie/media';
import type { PersonRequester } from '../auth/requester.js';
import type { CustodyKey } from '../security/custody-key.js';
import { decodeSealedFile, openSegment, segmentAad } from '../security/unmask-vault.js';
import type { CameraService } from './camera.service.js';

/** What unmasking needs. */
export interface UnmaskServiceDeps {
  work: UnitOfWork;
  clock: Clock;
  cameras: CameraService;
  storage: SegmentStorage;
  ffmpegPath: () => string;
  /** The custody key; absent when VIGIE_UNMASK_SECRET is not set (nothing unmasked is kept, no lift is possible). */
  custody?: CustodyKey;
}

function auditedLift(lift: UnmaskLift): { cameraId: string; rangeStart: string; rangeEnd: string } {
  return { cameraId: lift.cameraId, rangeStart: lift.start, rangeEnd: lift.end };
}

/**
 * Two-person unmasking (issue 15 #4, docs/unmasking.md): a supervisor asks for a lift of a camera's
 * liftable masks over a past range, with a reason and an expiry; someone else with the approving role
 * decides; only the requester, while the lift is approved and unexpired, gets the one view there is:
 * the sealed segments decrypted in memory and re-encoded with their name and the time burnt in. Every
 * step, refused views included, is in the audit trail.
 */
export class UnmaskService {
  constructor(private readonly deps: UnmaskServiceDeps) {}

  /** Asks for a lift (audited). */
  async request(input: RequestLift, by: PersonRequester): Promise<UnmaskLift> {
    const now = this.deps.clock.now();
    const camera = await this.deps.cameras.get(input.cameraId, by);
    assertLiftRequestable({ request: input, camera, now });
    if (this.deps.custody === undefined) {
      throw new VigieError('LIFT_UNAVAILABLE', 'This installation keeps no picture behind liftable masks.');
    }
    const id = randomUUID();
    return this.deps.work(async ({ unmask, audit }) => {
      await unmask.insertLift({
        id,
        cameraId: input.cameraId,
        start: new Date(input.start).toISOString(),
        end: new Date(input.end).toISOString(),
        reason: input.reason,
        requestedBy: by.actorName,
        requestedAt: now.toISOString(),
        expiresAt: new Date(input.expiresAt).toISOString(),
      });
      const lift = await this.#lift(unmask, id, now);
      await audit.append({
        action: 'unmask.requested',
        ...by,
        ...auditedLift(lift),
        reason: input.reason,
        details: { lift: id, expiresAt: lift.expiresAt },
      });
      return lift;
    });
  }

  /** The lifts a person may see, newest first: every one for those who decide, their own for the others. */
  async list(by: PersonRequester): Promise<UnmaskLift[]> {
    const lifts = await this.deps.work(({ unmask }) => unmask.lifts(this.deps.clock.now()));
    return rolesGrant(by.roles, 'unmask:approve') ? lifts : lifts.filter((lift) => lift.requestedBy === by.actorName);
  }

  /** Approves or refuses a lift, never one's own (audited). */
  async decide(id: string, decision: { approve: boolean; note: string }, by: PersonRequester): Promise<UnmaskLift> {
    const now = this.deps.clock.now();
    return this.deps.work(async ({ unmask, audit }) => {
      const lift = await this.#lift(unmask, id, now);
      assertLiftDecidable(lift, by.actorName, now);
      const state = decision.approve ? 'approved' : 'refused';
      if (!(await unmask.decide(id, { state, by: by.actorName, note: decision.note, at: now }))) {
        throw new VigieError('LIFT_NOT_PENDING', `Lift ${id} was decided meanwhile.`);
      }
      await audit.append({
        action: decision.approve ? 'unmask.approved' : 'unmask.refused',
        ...by,
        ...auditedLift(lift),
        reason: decision.note,
        details: { lift: id, requestedBy: lift.requestedBy },
      });
      return this.#lift(unmask, id, now);
    });
  }

  /**
   * The only way to unmasked pixels: checks the lift (a refusal is audited), then streams the sealed
   * segments of its range, decrypted in memory, watermarked with the viewer's name, the lift and the time.
   */
  async view(id: string, by: PersonRequester): Promise<Readable> {
    const now = this.deps.clock.now();
    const { lift, segments } = await this.deps.work(async ({ unmask }) => {
      const found = await this.#lift(unmask, id, now);
      return {
        lift: found,
        segments: await unmask.sealedBetween(found.cameraId, { from: new Date(found.start), to: new Date(found.end) }),
      };
    });
    try {
      assertLiftUsable(lift, by.actorName, now);
      await this.deps.cameras.get(lift.cameraId, by);
      if (this.deps.custody === undefined || segments.length === 0) {
        throw new VigieError('LIFT_UNAVAILABLE', 'No sealed picture is kept for this camera over this range.');
      }
    } catch (error) {
      await this.deps.work(({ audit }) =>
        audit.append({
          action: 'unmask.view_refused',
          ...by,
          ...auditedLift(lift),
          details: { lift: id, code: error instanceof VigieError ? error.code : 'INTERNAL' },
        }),
      );
      throw error;
    }
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'unmask.viewed',
        ...by,
        ...auditedLift(lift),
        reason: lift.reason,
        details: { lift: id, segments: segments.length, watermark: by.actorName, at: now.toISOString() },
      }),
    );
    return this.#watermarked(segments, { viewer: by.actorName, liftId: id, at: now }, this.deps.custody);
  }

  async #lift(unmask: { lift(id: string, now: Date): Promise<UnmaskLift | undefined> }, id: string, now: Date) {
    const lift = await unmask.lift(id, now);
    if (lift === undefined) throw new VigieError('LIFT_NOT_FOUND', `No lift has id ${id}.`);
    return lift;
  }

  /** Decrypts the segments into one ffmpeg process that burns the watermark; its output is the view. */
  #watermarked(
    segments: readonly SealedSegmentRecord[],
    mark: { viewer: string; liftId: string; at: Date },
    custody: CustodyKey,
  ): Readable {
    const child = spawn(this.deps.ffmpegPath(), watermarkArgs(mark), { stdio: ['pipe', 'pipe', 'ignore'] });
    const out = new PassThrough();
    child.stdout.pipe(out);
    child.on('error', (error) => out.destroy(error));
    child.stdin.on('error', () => undefined); // ffmpeg may stop reading if the viewer goes away
    out.on('close', () => child.kill('SIGKILL'));
    const feed = async (): Promise<void> => {
      const key = custody.open();
      const restamper = new Fmp4Restamper();
      let initSent = false;
      for (const segment of segments) {
        const chunks: Buffer[] = [];
        for await (const chunk of this.deps.storage.read(segment.key)) chunks.push(Buffer.from(chunk));
        const sealed = decodeSealedFile(Buffer.concat(chunks));
        const plain = openSegment(sealed, {
          aad: segmentAad(segment.cameraId, segment.startedAt.toISOString()),
          custody: key,
        });
        for (const piece of new Fmp4Splitter().push(plain)) {
          if (piece.kind === 'init') {
            if (!initSent) child.stdin.write(piece.data);
            initSent = true;
          } else if (!child.stdin.write(restamper.restamp(piece.data))) {
            await new Promise((resolve) => {
              child.stdin.once('drain', resolve);
              child.stdin.once('close', resolve);
            });
          }
        }
        plain.fill(0);
      }
      child.stdin.end();
    };
    feed().catch((error: unknown) => {
      child.stdin.destroy();
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    return out;
  }
}
