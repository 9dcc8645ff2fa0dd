import { randomBytes } from 'node:crypto';
import { VigieError, type Camera, type Segment } from '@vigie/core';
import type { AccessStamp } from '../auth/recent-access.js';

/** A segment as a session serves it: where it is stored, its size, and when it was filmed (retention). */
export type ServedSegment = Pick<Segment, 'key' | 'bytes' | 'startedAt' | 'endedAt'>;

/** An open live view or playback: who watches which camera, and for playback which time range. */
export interface ViewingSession {
  id: string;
  kind: 'live' | 'playback';
  cameraId: string;
  userId: string;
  actorName: string;
  source: string;
  openedAt: Date;
  lastSeenAt: Date;
  /** Playback only: the range the reason was given for; segments outside it are refused. */
  range?: { from: Date; to: Date };
  /** Live only: where the last playlist's window began, and its media sequence number. */
  liveWindow?: { firstStartedAt: Date; sequence: number };
  /** The camera as last checked for this viewer, and when: segments reuse it while the check holds. */
  checked?: { camera: Camera; stamp: AccessStamp };
  /** The segments the session's last playlist listed, by id: served without looking them up again. */
  listed?: ReadonlyMap<string, ServedSegment>;
}

/**
 * The viewing sessions of this process. Every segment served belongs to one, so every byte shown
 * is tied to an audited opening (and, for playback, to its reason). A session nobody polls for
 * `idleMs` ends, and its end is audited like an explicit stop.
 */
export class ViewingSessions {
  readonly #sessions = new Map<string, ViewingSession>();

  constructor(private readonly idleMs: { live: number; playback: number }) {}

  /** Opens a session. */
  open(session: Omit<ViewingSession, 'id' | 'lastSeenAt'>): ViewingSession {
    const opened: ViewingSession = { ...session, id: randomBytes(16).toString('hex'), lastSeenAt: session.openedAt };
    this.#sessions.set(opened.id, opened);
    return opened;
  }

  /** The caller's session of that kind, refreshed; throws VIEWING_SESSION_NOT_FOUND for anyone else's. */
  use(id: string, kind: ViewingSession['kind'], userId: string, now: Date): ViewingSession {
    const session = this.#sessions.get(id);
    if (session === undefined || session.kind !== kind || session.userId !== userId) {
      throw new VigieError('VIEWING_SESSION_NOT_FOUND', `No open ${kind} session ${id} for you.`);
    }
    session.lastSeenAt = now;
    return session;
  }

  /** Ends a session; returns it, or undefined when it was not open. */
  close(id: string): ViewingSession | undefined {
    const session = this.#sessions.get(id);
    this.#sessions.delete(id);
    return session;
  }

  /** Ends and returns the sessions idle for too long. */
  closeIdle(now: Date): ViewingSession[] {
    const idle = [...this.#sessions.values()].filter(
      (s) => now.getTime() - s.lastSeenAt.getTime() > this.idleMs[s.kind],
    );
    for (const session of idle) this.#sessions.delete(session.id);
    return idle;
  }

  /** Ends and returns every session (server shutdown). */
  closeAll(): ViewingSession[] {
    const all = [...this.#sessions.values()];
    this.#sessions.clear();
    return all;
  }
}
