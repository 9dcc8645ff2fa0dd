import {
  SerialQueue,
  type Bus,
  type BusSubscription,
  type ConsumeOptions,
  type DomainEvent,
  type FollowOptions,
} from '@vigie/core';

interface Group {
  types: ReadonlySet<string>;
  pending: DomainEvent[];
  members: Set<Member>;
}

interface Member {
  options: ConsumeOptions;
  busy: boolean;
  closed: boolean;
  done: Promise<void>;
}

/** What the in-process bus needs: where handler failures go (default: stderr). */
export interface InProcessBusOptions {
  onError?: (error: unknown) => void;
  /** Wait before a failed batch is handed out again (default 1 s). */
  retryMs?: number;
}

/**
 * The default bus: one process, no service to run. Followers get every event in order; each consumer
 * group keeps its own queue of events and hands them to its members in batches, again after a failure.
 */
export class InProcessBus implements Bus {
  readonly #followers = new Set<{
    types?: ReadonlySet<string>;
    lane: SerialQueue;
    handler: (e: DomainEvent) => unknown;
  }>();
  readonly #groups = new Map<string, Group>();
  readonly #onError: (error: unknown) => void;
  readonly #retryMs: number;

  constructor(options: InProcessBusOptions = {}) {
    this.#onError = options.onError ?? ((error) => process.stderr.write(`bus: a handler failed: ${String(error)}\n`));
    this.#retryMs = options.retryMs ?? 1000;
  }

  /** Hands the event to every follower and queues it for every group that consumes its type. */
  async publish(event: DomainEvent): Promise<void> {
    for (const follower of this.#followers) {
      if (follower.types === undefined || follower.types.has(event.type)) {
        void follower.lane.run(() => follower.handler(event) as Promise<void>);
      }
    }
    for (const group of this.#groups.values()) {
      if (!group.types.has(event.type)) continue;
      group.pending.push(event);
      this.#drain(group);
    }
  }

  /** Hands the events on in order, as many publishes (nothing to batch within one process). */
  async publishAll(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) await this.publish(event);
  }

  /** Follows every event from now on. */
  async follow(
    handler: (event: DomainEvent) => Promise<void> | void,
    options: FollowOptions = {},
  ): Promise<BusSubscription> {
    const follower = {
      ...(options.types === undefined ? {} : { types: new Set<string>(options.types) }),
      lane: new SerialQueue(this.#onError),
      handler,
    };
    this.#followers.add(follower);
    return {
      close: async () => {
        this.#followers.delete(follower);
        await follower.lane.idle();
      },
    };
  }

  /** Joins a consumer group (created on first use, keeping events published before anyone joined). */
  async consume(options: ConsumeOptions): Promise<BusSubscription> {
    const group = this.#group(options.group, options.types);
    const member: Member = { options, busy: false, closed: false, done: Promise.resolve() };
    group.members.add(member);
    this.#drain(group);
    return {
      close: async () => {
        member.closed = true;
        group.members.delete(member);
        await member.done;
      },
    };
  }

  /** Closes every follower; queued group events not yet handled are dropped with the process. */
  async close(): Promise<void> {
    const lanes = [...this.#followers].map((f) => f.lane.idle());
    this.#followers.clear();
    const members = [...this.#groups.values()].flatMap((g) => [...g.members]);
    for (const m of members) m.closed = true;
    await Promise.all([...lanes, ...members.map((m) => m.done)]);
    this.#groups.clear();
  }

  #group(name: string, types: readonly string[]): Group {
    let group = this.#groups.get(name);
    if (group === undefined) {
      group = { types: new Set(types), pending: [], members: new Set() };
      this.#groups.set(name, group);
    }
    return group;
  }

  #drain(group: Group): void {
    for (const member of group.members) {
      if (group.pending.length === 0) return;
      if (member.busy || member.closed) continue;
      const batch = group.pending.splice(0, member.options.maxBatch ?? 500);
      member.busy = true;
      member.done = (async () => {
        // Yields once so that events published in the same tick land in one batch.
        await Promise.resolve();
        try {
          await member.options.handle(batch);
        } catch (error) {
          this.#onError(error);
          await new Promise((resolve) => setTimeout(resolve, this.#retryMs));
          group.pending.unshift(...batch);
        } finally {
          member.busy = false;
        }
        this.#drain(group);
      })();
    }
  }
}
