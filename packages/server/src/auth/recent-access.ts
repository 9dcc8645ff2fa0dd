import type { Clock } from '@vigie/core';
import type { Caller } from '../services/auth.service.js';

/**
 * How long one full access check may be reused by the same caller on the same frequent route, and how often an
 * open viewing session re-checks the viewer's right to its camera: a revoked right stops images within this.
 */
export const accessRecheckMs = 5000;

/** How many grants are remembered at once (the oldest is forgotten first). */
const capacity = 2000;

/** When a full access check was made: it may be reused while `RecentAccess.holds` says so. */
export interface AccessStamp {
  readonly atMs: number;
  readonly generation: number;
}

/**
 * Access granted on routes a player calls several times a second (media segments), remembered per credential
 * for `accessRecheckMs`: its checks (the credential, the role, the habilitation, the workstation) read the
 * database once per period instead of once per segment. Forgotten at once whenever a request that may change
 * access (any POST, PUT, PATCH or DELETE: a logout, a role, a revoked token or habilitation) has been answered.
 * Viewing sessions stamp their checks of the viewer's right to the camera here too, and are forgotten with them.
 */
export class RecentAccess {
  readonly #granted = new Map<string, { caller: Caller; stamp: AccessStamp }>();
  #generation = 0;

  constructor(private readonly clock: Clock) {}

  /** The stamp of a full check made now. */
  stamp(): AccessStamp {
    return { atMs: this.clock.now().getTime(), generation: this.#generation };
  }

  /** Whether a check so stamped may still be reused: less than `accessRecheckMs` old, and nothing forgotten since. */
  holds(stamp: AccessStamp): boolean {
    return stamp.generation === this.#generation && this.clock.now().getTime() - stamp.atMs < accessRecheckMs;
  }

  /** The caller granted under this key by a check that still holds, if any. */
  get(key: string): Caller | undefined {
    const grant = this.#granted.get(key);
    if (grant === undefined) return undefined;
    if (this.holds(grant.stamp)) return grant.caller;
    this.#granted.delete(key);
    return undefined;
  }

  /** Remembers that a full check granted this caller access under this key. */
  remember(key: string, caller: Caller): void {
    this.#granted.delete(key);
    if (this.#granted.size >= capacity) this.#granted.delete(this.#granted.keys().next().value as string);
    this.#granted.set(key, { caller, stamp: this.stamp() });
  }

  /** Forgets every grant and every session's check: something that may change who may see what has just happened. */
  forgetAll(): void {
    this.#granted.clear();
    this.#generation += 1;
  }
}
