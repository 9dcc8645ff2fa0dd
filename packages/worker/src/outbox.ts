import { randomUUID } from 'node:crypto';
import { idempotencyKeyOf, type Bus, type Clock, type DomainEvent, type DomainEventBody } from '@vigie/core';

/**
 * A worker's outgoing events, published in order and retried until the bus takes them: a NATS outage
 * delays segments and alerts, it does not lose them (their idempotency keys make a retry harmless).
 */
export class Outbox {
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #onError: (error: unknown) => void;
  readonly #queue: DomainEvent[] = [];
  #draining: Promise<void> | undefined;

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
    this.#queue.push(event);
    this.#draining ??= this.#drain().finally(() => (this.#draining = undefined));
  }

  /** Resolves once every queued event is on the bus. */
  async flushed(): Promise<void> {
    while (this.#draining !== undefined) await this.#draining;
  }

  /** Events waiting for the bus. */
  get pending(): number {
    return this.#queue.length;
  }

  async #drain(): Promise<void> {
    let waitMs = 200;
    while (this.#queue.length > 0) {
      const event = this.#queue[0] as DomainEvent;
      try {
        await this.#bus.publish(event);
        this.#queue.shift();
        waitMs = 200;
      } catch (error) {
        this.#onError(error);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        waitMs = Math.min(waitMs * 2, 5000);
      }
    }
  }
}
