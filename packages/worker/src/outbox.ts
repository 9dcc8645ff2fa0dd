import { randomUUID } from 'node:crypto';
import {
  cameraOfEvent,
  idempotencyKeyOf,
  maxEventsPerBatch,
  type Bus,
  type Clock,
  type DomainEvent,
  type DomainEventBody,
} from '@vigie/core';

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
 * Whatever queued while the bus was busy goes out together (`publishAll`: a few batch envelopes on
 * JetStream, not one message per event). Alerts and their progress have a lane per camera, drained
 * beside the rest and beside each other: an alert goes out at once, even behind a backlog of segments
 * or another camera's slow alert, in its camera's order.
 */
export class Outbox {
  readonly #bus: Bus;
  readonly #clock: Clock;
  readonly #onError: (error: unknown) => void;
  readonly #urgent = new Map<string, Lane>();
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
    if (!urgentTypes.has(event.type)) {
      this.#queue(this.#rest, event);
      return;
    }
    const camera = cameraOfEvent(event) ?? '';
    const lane = this.#urgent.get(camera) ?? new Lane();
    this.#urgent.set(camera, lane);
    this.#queue(lane, event, camera);
  }

  /** Resolves once every queued event is on the bus. */
  async flushed(): Promise<void> {
    for (;;) {
      const draining = [...this.#urgent.values(), this.#rest].map((l) => l.draining).filter((d) => d !== undefined);
      if (draining.length === 0) return;
      await Promise.all(draining);
    }
  }

  /** Events waiting for the bus. */
  get pending(): number {
    let count = this.#rest.queue.length;
    for (const lane of this.#urgent.values()) count += lane.queue.length;
    return count;
  }

  /** Queues the event and drains the lane unless it is draining; an emptied camera lane is dropped. */
  #queue(lane: Lane, event?: DomainEvent, camera?: string): void {
    if (event !== undefined) lane.queue.push(event);
    lane.draining ??= this.#drain(lane).finally(() => {
      lane.draining = undefined;
      if (lane.queue.length > 0) this.#queue(lane, undefined, camera);
      else if (camera !== undefined && this.#urgent.get(camera) === lane) this.#urgent.delete(camera);
    });
  }

  async #drain(lane: Lane): Promise<void> {
    let waitMs = 200;
    while (lane.queue.length > 0) {
      // Everything queued so far, in one go; the same events again after a failure (the same envelopes).
      const batch = lane.queue.slice(0, maxEventsPerBatch);
      try {
        if (batch.length === 1) await this.#bus.publish(batch[0] as DomainEvent);
        else await this.#bus.publishAll(batch);
        lane.queue.splice(0, batch.length);
        waitMs = 200;
      } catch (error) {
        this.#onError(error);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        waitMs = Math.min(waitMs * 2, 5000);
      }
    }
  }
}
