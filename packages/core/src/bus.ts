import type { DomainEvent, DomainEventType } from './domain-events.js';

/** Something that runs until closed: a subscription, a consumer. */
export interface BusSubscription {
  /** Stops receiving; resolves once the handler in progress (if any) is done. */
  close(): Promise<void>;
}

/** What a follower receives: every event of these types (all types when omitted). */
export interface FollowOptions {
  types?: readonly DomainEventType[];
}

/** A group that shares the handling of events: each event goes to one member, in batches, until one handles it. */
export interface ConsumeOptions {
  /** Durable name of the group, e.g. `ingest`: every server instance consuming it shares the work. */
  group: string;
  types: readonly DomainEventType[];
  /** Largest batch handed to the handler (default 500). */
  maxBatch?: number;
  /**
   * At most this many batches handled at once by a member (default 1: one after the other, in order).
   * Above 1 only for events whose order does not matter to the handler; an adapter may use fewer.
   */
  concurrency?: number;
  /**
   * Handles a batch; resolving acknowledges every event in it, throwing hands the batch back for a
   * later delivery (so the handler must be idempotent: the events' `id` is their idempotency key).
   */
  handle(events: DomainEvent[]): Promise<void>;
}

/**
 * The domain bus (in-process by default, NATS JetStream to scale out). `follow` is a broadcast (every
 * server and worker sees every event: push fan-out, camera changes, the stop button); `consume` is a
 * work queue (each event stored once by one server: segments, alerts, counts reported by workers).
 */
export interface Bus {
  /** Publishes an event; resolves once the bus holds it (on JetStream: stored, deduplicated by `id`). */
  publish(event: DomainEvent): Promise<void>;
  /**
   * Publishes events together, in order within each type; resolves once the bus holds them all. On
   * JetStream they travel as a few batch envelopes (each event keeping its idempotency key, each
   * envelope deduplicated by its content): a worker's backlog costs a few messages, not one per event.
   */
  publishAll(events: readonly DomainEvent[]): Promise<void>;
  /** Calls `handler` with every event published from now on; handlers of one follower run one at a time. */
  follow(handler: (event: DomainEvent) => Promise<void> | void, options?: FollowOptions): Promise<BusSubscription>;
  /** Shares the events of the given types among the group's members, in batches, at least once each. */
  consume(options: ConsumeOptions): Promise<BusSubscription>;
  /** Stops every subscription and closes the connection. */
  close(): Promise<void>;
}

/**
 * Exclusive, expiring claims on named resources (a camera, by its id) among the nodes of a cluster: a
 * node that stops renewing loses its claims after the lease time, and another node may take them.
 */
export interface Leases {
  /** How long a claim lasts without renewal, in milliseconds. */
  readonly ttlMs: number;
  /** Claims the resource for `holder` if free, or renews it if `holder` has it; true when `holder` holds it now. */
  claim(resource: string, holder: string): Promise<boolean>;
  /** Gives the resource up, if `holder` has it. */
  release(resource: string, holder: string): Promise<void>;
  /** Every live claim: resource → holder. */
  holders(): Promise<Map<string, string>>;
}
