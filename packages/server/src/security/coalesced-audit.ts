import type { AuditInput, Clock } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/** How repeated refusals are coalesced: the window per source, and how many sources a window tracks one by one. */
export interface CoalescingPolicy {
  windowMs: number;
  /** Beyond this many sources in a window, the others are counted together (an attacker rotating addresses). */
  maxSources: number;
}

/** One summarising entry per source and minute; at most 200 sources named a minute. */
export const defaultCoalescingPolicy: CoalescingPolicy = { windowMs: 60_000, maxSources: 200 };

interface Window {
  input: AuditInput;
  openedAt: number;
  /** Refusals after the first, not written one by one. */
  repeats: number;
  firstRepeatAt?: string;
  lastRepeatAt?: string;
  /** How often each route was asked, among the repeats (at most 20 routes named). */
  routes: Record<string, number>;
}

const maxRoutesNamed = 20;
const overflowSource = 'other sources';

/**
 * Audits refusals anyone can provoke (anonymous requests to image routes, wrong logins) without letting
 * them flood the trail: the first refusal of an action from a source in a window is written at once, the
 * repeats are counted and written as one summarising entry (`details.coalesced`, first and last time,
 * routes) when the window closes. `flush()` writes the summaries of closed windows; the background work
 * calls it every window, and with `all` when the server stops.
 */
export class CoalescedAudit {
  readonly #work: UnitOfWork;
  readonly #clock: Clock;
  readonly #policy: CoalescingPolicy;
  readonly #windows = new Map<string, Window>();

  constructor(options: { work: UnitOfWork; clock: Clock; policy?: CoalescingPolicy }) {
    this.#work = options.work;
    this.#clock = options.clock;
    this.#policy = options.policy ?? defaultCoalescingPolicy;
  }

  /** Records a refusal: written now if it is the first of its kind from its source in the window, else counted. */
  async record(input: AuditInput): Promise<void> {
    const now = this.#clock.now();
    let key = keyOf(input);
    let window = this.#windows.get(key);
    if (window !== undefined && now.getTime() - window.openedAt >= this.#policy.windowMs) {
      await this.#summarise(key, window);
      // Another refusal may have opened the next window meanwhile.
      window = this.#windows.get(key);
    }
    if (window === undefined && this.#windows.size >= this.#policy.maxSources) {
      input = { ...input, source: overflowSource };
      key = keyOf(input);
      window = this.#windows.get(key);
    }
    if (window === undefined) {
      this.#windows.set(key, { input, openedAt: now.getTime(), repeats: 0, routes: {} });
      await this.#work(({ audit }) => audit.append(input));
      return;
    }
    window.repeats += 1;
    window.firstRepeatAt ??= now.toISOString();
    window.lastRepeatAt = now.toISOString();
    const route = input.details?.['route'];
    if (typeof route === 'string' && (route in window.routes || Object.keys(window.routes).length < maxRoutesNamed))
      window.routes[route] = (window.routes[route] ?? 0) + 1;
  }

  /** Writes the summary of every window that closed (every window with `all`, when the server stops). */
  async flush(options: { all?: boolean } = {}): Promise<void> {
    const now = this.#clock.now().getTime();
    for (const [key, window] of [...this.#windows]) {
      if (options.all === true || now - window.openedAt >= this.#policy.windowMs) await this.#summarise(key, window);
    }
  }

  async #summarise(key: string, window: Window): Promise<void> {
    this.#windows.delete(key);
    if (window.repeats === 0) return;
    const { details: _first, ...input } = window.input;
    await this.#work(({ audit }) =>
      audit.append({
        ...input,
        details: {
          coalesced: window.repeats,
          from: window.firstRepeatAt,
          to: window.lastRepeatAt,
          ...(Object.keys(window.routes).length === 0 ? {} : { routes: window.routes }),
        },
      }),
    );
  }
}

function keyOf(input: AuditInput): string {
  return JSON.stringify([input.action, input.actorId ?? null, input.actorName, input.source ?? null]);
}
