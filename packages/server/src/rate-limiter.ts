import { VigieError, type Clock } from '@vigie/core';

/** Keys kept before the limiter forgets those whose window has passed. */
const pruneAbove = 10_000;

/** A sliding-window limit per key (an IP address): at most `max` counted calls per `windowMs`. */
export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #what: string;
  readonly #calls = new Map<string, number[]>();

  /** `what` names what is counted in the refusal ("requests", "failed logins"). */
  constructor(options: { max: number; windowMs: number; clock: Clock; what?: string }) {
    this.#max = options.max;
    this.#windowMs = options.windowMs;
    this.#clock = options.clock;
    this.#what = options.what ?? 'requests';
  }

  /** Counts one call for the key; throws TOO_MANY_REQUESTS (HTTP 429) once the key is over its limit. */
  take(key: string): void {
    this.refuseIfOver(key);
    this.count(key);
  }

  /** Throws TOO_MANY_REQUESTS when the key already used its calls of the window; counts nothing. */
  refuseIfOver(key: string): void {
    const recent = this.#recent(key);
    if (recent.length >= this.#max) {
      const retryAt = new Date((recent[0] ?? this.#clock.now().getTime()) + this.#windowMs);
      throw new VigieError(
        'TOO_MANY_REQUESTS',
        `Too many ${this.#what} from your address: at most ${this.#max} per ${Math.round(this.#windowMs / 60_000)} minutes. Try again after ${retryAt.toISOString()}.`,
      );
    }
  }

  /** Counts one call for the key (a failed login, when only failures are limited). */
  count(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#clock.now().getTime());
    this.#calls.set(key, recent);
    if (this.#calls.size > pruneAbove) {
      const since = this.#clock.now().getTime() - this.#windowMs;
      for (const [k, times] of this.#calls) if (times.every((t) => t <= since)) this.#calls.delete(k);
    }
  }

  #recent(key: string): number[] {
    const since = this.#clock.now().getTime() - this.#windowMs;
    return (this.#calls.get(key) ?? []).filter((t) => t > since);
  }
}
