import { VigieError, type Clock } from '@vigie/core';

/** Keys kept before the limiter forgets those whose window has passed. */
const pruneAbove = 10_000;

/** A sliding-window limit per key (an IP address): at most `max` accepted calls per `windowMs`. */
export class RateLimiter {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #clock: Clock;
  readonly #calls = new Map<string, number[]>();

  constructor(options: { max: number; windowMs: number; clock: Clock }) {
    this.#max = options.max;
    this.#windowMs = options.windowMs;
    this.#clock = options.clock;
  }

  /** Counts one call for the key; throws TOO_MANY_REQUESTS (HTTP 429) once the key is over its limit. */
  take(key: string): void {
    const now = this.#clock.now().getTime();
    const since = now - this.#windowMs;
    const recent = (this.#calls.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.#max) {
      const retryAt = new Date((recent[0] ?? now) + this.#windowMs);
      throw new VigieError(
        'TOO_MANY_REQUESTS',
        `Too many requests from your address: at most ${this.#max} per ${Math.round(this.#windowMs / 60_000)} minutes. Try again after ${retryAt.toISOString()}.`,
      );
    }
    recent.push(now);
    this.#calls.set(key, recent);
    if (this.#calls.size > pruneAbove) {
      for (const [k, times] of this.#calls) if (times.every((t) => t <= since)) this.#calls.delete(k);
    }
  }
}
