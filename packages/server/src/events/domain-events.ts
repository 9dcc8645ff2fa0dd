import { randomUUID } from 'node:crypto';
import {
  definedOnly,
  idempotencyKeyOf,
  SerialQueue,
  type Bus,
  type BusSubscription,
  type Clock,
  type DomainEvent,
  type DomainEventBody,
  type DomainEventType,
} from '@vigie/core';

/** What services and background work need of the bus. */
export interface DomainEventsOptions {
  bus: Bus;
  clock: Clock;
  onError: (error: unknown) => void;
}

/**
 * Services' side of the domain bus: `publish` gives an event its envelope (version, idempotency key,
 * time) and hands it to the bus in order, without making the caller wait for the network; `subscribe`
 * follows the bus for background work (the fleets), never the browsers' push.
 */
export class DomainEvents {
  readonly #options: DomainEventsOptions;
  /** Publications, in the order of the changes. */
  readonly #publications: SerialQueue;
  readonly #subscriptions = new Set<Promise<BusSubscription>>();

  constructor(options: DomainEventsOptions) {
    this.#options = options;
    this.#publications = new SerialQueue(options.onError);
  }

  /** The bus itself (exporters follow it directly). */
  get bus(): Bus {
    return this.#options.bus;
  }

  /** Publishes an event; publication failures are reported (the change itself is already stored). */
  publish(body: DomainEventBody): void {
    const event = {
      ...body,
      id: idempotencyKeyOf(body, randomUUID),
      at: this.#options.clock.now().toISOString(),
    } as DomainEvent;
    void this.#publications.run(() => this.#options.bus.publish(event));
  }

  /** Follows the bus (events of these types, or all) until the returned function is called. */
  subscribe(listener: (event: DomainEvent) => Promise<void> | void, types?: readonly DomainEventType[]): () => void {
    const subscription = this.#options.bus.follow(listener, definedOnly({ types }));
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
      void subscription.then((s) => s.close()).catch(this.#options.onError);
    };
  }

  /** Resolves when every event published so far has reached the bus and every subscription is in place. */
  async flushed(): Promise<void> {
    await Promise.all([this.#publications.idle(), ...this.#subscriptions]);
  }
}
