import type { AuditInput, Clock } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';

/** How repeated refusals are coalesced: the window per source, and how many sources a window tracks one by one. */
export interface CoalescingPolicy {
  windowMs: number;
  /** Beyond this many sources in a window, the others are counted together (an attacker rotating addresses). */
  maxSources: number;
}

/** One summarising entry per source and minute; at most 50 sources named a minute, the others counted together. */
export const defaultCoalescingPolicy: CoalescingPolicy = { windowMs: 60_000, maxSources: 50 };

interface Window {
  input: AuditInput;
  openedAt: number;
  /** Refusals after the first, not written one by one. */
  repeats: number;
  firstRepeatAt?: string;
  lastRepeatAt?: string;
  /** Which detail the repeats are counted by (the route asked, the username tried). */
  tally: string;
  /** How often each value of that detail came among the repeats (at most 20 values named). */
  counts: Record<string, number>;
}

const maxValuesNamed = 20;
const overflowSource = 'other sources';

/**
 * Audits refusals anyone can provoke (anonymous requests to image routes, wrong logins) without letting
 * them flood the trail: the first refusal of an action from a source in a window is written at once, the
 * repeats are counted and written as one summarising entry (`details.coalesced`, first and last time,
 * and how often each route or username came) when the window closes. `flush()` writes the summaries of closed windows; the background work
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

  /**
   * Records a refusal: written now if it is the first of its kind from its source in the window, else
   * counted, by the value of its detail `tally` (default `route`).
   */
  async record(input: AuditInput, tally = 'route'): Promise<void> {
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
      this.#windows.set(key, { input, openedAt: now.getTime(), repeats: 0, tally, counts: {} });
      await this.#work(({ audit }) => audit.append(input));
      return;
    }
    window.repeats += 1;
    window.firstRepeatAt ??= now.toISOString();
    window.lastRepeatAt = now.toISOString();
    const value = input.details?.[window.tally];
    if (typeof value === 'string' && (value in window.counts || Object.keys(window.counts).length < maxValuesNamed))
      window.counts[value] = (window.counts[value] ?? 0) + 1;
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
    const { details: first, ...input } = window.input;
    const counted = Object.keys(window.counts).length === 0 ? {} : { [`${window.tally}s`]: window.counts };
    await this.#work(({ audit }) =>
      audit.append({
        ...input,
        details: {
          ...definedOnly({ why: first?.['why'] }),
          coalesced: window.repeats,
          from: window.firstRepeatAt,
          to: window.lastRepeatAt,
          ...counted,
        },
      }),
    );
  }
}

function keyOf(input: AuditInput): string {
  return JSON.stringify([input.action, input.actorId ?? null, input.actorName, input.source ?? null]);
}
