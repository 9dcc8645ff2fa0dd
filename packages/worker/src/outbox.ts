import { randomUUID } from 'node:crypto';
import { idempotencyKeyOf, type Bus, type Clock, type DomainEvent, type DomainEventBody } from '@vigie/core';

/** Events that an operator waits for: they never queue behind segments and counts. */
const urgentTypes: ReadonlySet<string> = new Set(['alert.raised', 'alert.progressed']);

/** One ordered queue of events and its drain, retried until the bus takes them. */
class Lane {
  readonly queue: DomainEvent[] = [];
  draining: Promise<void> | undefined;
}

/**
 * A worker's outgoing events, published in order and retried until the bus takes them: a NATS outage
 * delays segments and alerts, it does not lose them (their idempotency keys make a retry harmless).
 * Alerts and their progress have their own lane, drained beside the rest: an alert goes out at once,
 * even behind a backlog of segments (the server ingests them in separate lanes too).
 */
export class Outbox {
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #onError: (error: unknown) => void;
  readonly #urgent = new Lane();
  readonly #rest = new Lane();

  constructor(options: { bus: Bus; clock: Clock; onError: (error: unknown) => void }) {
    this.#bus = options.bus;
    this.#clock = options.clock;
    this.#onError = options.onError;
  }

  /** Queues an event with its envelope; returns at once. */
  publish(body: DomainEventBody): void {
    const event = {
      ...body,
      id: idempotencyKeyOf(body, randomUUID),
      at: this.#clock.now().toISOString(),
    } as DomainEvent;
    const lane = urgentTypes.has(event.type) ? this.#urgent : this.#rest;
    lane.queue.push(event);
    lane.draining ??= this.#drain(lane).finally(() => (lane.draining = undefined));
  }

  /** Resolves once every queued event is on the bus. */
  async flushed(): Promise<void> {
    for (;;) {
      const draining = [this.#urgent.draining, this.#rest.draining].filter((d) => d !== undefined);
      if (draining.length === 0) return;
      await Promise.all(draining);
    }
  }

  /** Events waiting for the bus. */
  get pending(): number {
    return this.#urgent.queue.length + this.#rest.queue.length;
  }

  async #drain(lane: Lane): Promise<void> {
    let waitMs = 200;
    while (lane.queue.length > 0) {
      const event = lane.queue[0] as DomainEvent;
      try {
        await this.#bus.publish(event);
        lane.queue.shift();
        waitMs = 200;
      } catch (error) {
        this.#onError(error);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        waitMs = Math.min(waitMs * 2, 5000);
      }
    }
  }
}
