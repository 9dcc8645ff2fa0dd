import type { Clock, Leases } from '@vigie/core';

/** Leases within one process (the embedded default, and tests): the same rules as the shared ones. */
export class MemoryLeases implements Leases {
  readonly ttlMs: number;
  readonly #clock: Clock;
  readonly #claims = new Map<string, { holder: string; until: number }>();

  constructor(options: { clock: Clock; ttlMs?: number }) {
    this.#clock = options.clock;
    this.ttlMs = options.ttlMs ?? 5000;
  }

  /** Claims or renews; false when another live holder has it. */
  async claim(resource: string, holder: string): Promise<boolean> {
    const now = this.#clock.now().getTime();
    const current = this.#claims.get(resource);
    if (current !== undefined && current.until > now && current.holder !== holder) return false;
    this.#claims.set(resource, { holder, until: now + this.ttlMs });
    return true;
  }

  /** Releases the resource if `holder` has it. */
  async release(resource: string, holder: string): Promise<void> {
    if (this.#claims.get(resource)?.holder === holder) this.#claims.delete(resource);
  }

  /** Every live claim. */
  async holders(): Promise<Map<string, string>> {
    const now = this.#clock.now().getTime();
    return new Map([...this.#claims].filter(([, c]) => c.until > now).map(([r, c]) => [r, c.holder]));
  }
}
