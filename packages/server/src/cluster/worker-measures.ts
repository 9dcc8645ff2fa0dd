import type { Bus, BusSubscription, Clock, StreamMeasures } from '@vigie/core';

/**
 * The stream measures `vigie worker` processes report with each segment, for the camera health of cameras this
 * server does not record. Followed as a broadcast (not the ingest group), so that every server instance knows
 * every camera's, whichever instance stores the segment.
 */
export class WorkerMeasures {
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #latest = new Map<string, { measures: StreamMeasures; at: number }>();
  #subscription: BusSubscription | undefined;

  constructor(options: { bus: Bus; clock: Clock }) {
    this.#bus = options.bus;
    this.#clock = options.clock;
  }

  /** Follows the segments workers publish. */
  async start(): Promise<void> {
    this.#subscription ??= await this.#bus.follow(
      (event) => {
        if (event.type !== 'segment.recorded' || event.measures === undefined) return;
        const at = Date.parse(event.at);
        const previous = this.#latest.get(event.segment.cameraId);
        // Redeliveries and late events never replace newer figures.
        if (previous === undefined || previous.at <= at)
          this.#latest.set(event.segment.cameraId, { measures: event.measures, at });
      },
      { types: ['segment.recorded'] },
    );
  }

  /** Stops following; the figures known so far stay. */
  async stop(): Promise<void> {
    await this.#subscription?.close();
    this.#subscription = undefined;
  }

  /**
   * The last figures a worker reported for a camera, the last segment's age brought to now: a worker that stopped
   * reporting shows as a camera whose recording stopped.
   */
  measures(cameraId: string): StreamMeasures | undefined {
    const latest = this.#latest.get(cameraId);
    if (latest === undefined) return undefined;
    const elapsed = Math.max(0, (this.#clock.now().getTime() - latest.at) / 1000);
    return { ...latest.measures, lastSegmentAgeSeconds: (latest.measures.lastSegmentAgeSeconds ?? 0) + elapsed };
  }
}
