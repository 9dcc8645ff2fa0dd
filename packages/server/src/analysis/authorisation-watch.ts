import type { Clock } from '@vigie/core';
import type { FastifyBaseLogger } from 'fastify';
import type { AnalysisAuthorisationService } from '../services/analysis-authorisation.service.js';

/** Longest wait between two looks at the analysis authorisations, whatever the next start or end. */
const maxWaitMs = 60_000;

/**
 * Applies the analysis authorisations' starts and ends when they come (LEGAL R18): each is audited and
 * the analyses re-checked, so analytics stop at an authorisation's end without anyone acting. It waits
 * for the next start or end (at most a minute), and looks again at once when `rearm` is called.
 */
export class AuthorisationWatch {
  #timer: NodeJS.Timeout | undefined;
  #running = false;

  constructor(
    private readonly deps: {
      authorisations: Pick<AnalysisAuthorisationService, 'applyTransitions'>;
      clock: Clock;
      log: Pick<FastifyBaseLogger, 'error'>;
    },
  ) {}

  /** Applies what is due now, then keeps watching. */
  async start(): Promise<void> {
    this.#running = true;
    await this.rearm();
  }

  /** Whether it is watching. */
  running(): boolean {
    return this.#running;
  }

  /** Stops watching. */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /** Applies what is due now and waits for the next start or end (a decision was recorded, or a timer fired). */
  async rearm(): Promise<void> {
    if (!this.#running) return;
    clearTimeout(this.#timer);
    let next: Date | undefined;
    try {
      next = await this.deps.authorisations.applyTransitions();
    } catch (error) {
      this.deps.log.error({ err: error }, 'applying analysis authorisations failed; tried again within a minute');
    }
    // stop() may have come while the transitions were applied.
    if (!this.running()) return;
    const wait = next === undefined ? maxWaitMs : Math.min(next.getTime() - this.deps.clock.now().getTime(), maxWaitMs);
    clearTimeout(this.#timer);
    // A few milliseconds late, so that the instant has passed on the clock when it runs.
    this.#timer = setTimeout(() => void this.rearm(), Math.max(wait, 0) + 20).unref();
  }
}
