import { createHash } from 'node:crypto';
import {
  VigieError,
  eventBatchVersion,
  maxEventsPerBatch,
  parseBusMessage,
  type Bus,
  type BusSubscription,
  type ConsumeOptions,
  type DomainEvent,
  type FollowOptions,
} from '@vigie/core';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import { cameraOfEvent } from '@vigie/core';

/** How to reach NATS and name this deployment's stream. */
export interface JetStreamBusOptions {
  /** e.g. `nats://127.0.0.1:4222`. */
  url: string;
  /** Subject prefix and stream name of this deployment (default `vigie`); tests use one of their own. */
  prefix?: string;
  /** Name of this node in NATS monitoring, e.g. `server-1`, `worker-2`. */
  name?: string;
  /** How long the stream keeps events, for consumers that were away (default 24 h). */
  maxAgeMs?: number;
  /** Wait before a failed batch is delivered again (default 1 s). */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

/** The stream name of a prefix (JetStream names allow letters, digits, `-` and `_`). */
export function streamName(prefix: string): string {
  return `VIGIE_${prefix.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}`;
}

/** The stream keeping messages no node can read (set aside, never redelivered, kept 30 days to be looked at). */
export function quarantineStreamName(prefix: string): string {
  return `${streamName(prefix)}_QUARANTINE`;
}

/** Where set-aside messages go: outside `<prefix>.>`, so no follower nor group of the deployment reads them. */
function quarantineSubject(prefix: string): string {
  return `${prefix}_quarantine`;
}

/** Largest batch envelope in bytes (NATS refuses messages above its max_payload, 1 MiB by default). */
const maxEnvelopeBytes = 512 * 1024;

/** A message received by a consumer group, with the events it carries (one, or a batch envelope's). */
interface Delivery {
  message: JsMsg;
  events: DomainEvent[];
}

/** The subject an event is published on: `<prefix>.<type>.<camera or _>`. */
export function subjectOf(prefix: string, event: DomainEvent): string {
  return `${prefix}.${event.type}.${cameraOfEvent(event) ?? '_'}`;
}

/**
 * The bus on NATS JetStream, to run servers and workers on several machines. Every event is stored in
 * one stream (deduplicated by its idempotency key over two minutes); followers listen on plain NATS
 * subjects (lowest latency, for the push and for changes every node applies); consumer groups are
 * durable pull consumers whose members share the work, each event acknowledged once handled.
 */
export class JetStreamBus implements Bus {
  readonly #nc: NatsConnection;
  readonly #prefix: string;
  readonly #stream: string;
  readonly #options: JetStreamBusOptions;
  readonly #subscriptions = new Set<BusSubscription>();
  readonly #js: JetStreamClient;
  readonly #decoder = new TextDecoder();

  private constructor(nc: NatsConnection, options: JetStreamBusOptions) {
    this.#nc = nc;
    this.#js = jetstream(nc);
    this.#options = options;
    this.#prefix = options.prefix ?? 'vigie';
    this.#stream = streamName(this.#prefix);
  }

  /** Connects and makes sure the stream exists; BUS_UNAVAILABLE names the URL when NATS cannot be reached. */
  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: options.url,
        name: options.name ?? 'vigie',
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
        // Without this, every request (each JetStream publish) builds two errors with their stack traces
        // in advance, in case it fails: a third of a publisher's CPU in `bench:scale`'s profile.
        noAsyncTraces: true,
      });
    } catch (error) {
      throw new VigieError('BUS_UNAVAILABLE', `NATS cannot be reached at ${redact(options.url)}: ${String(error)}.`);
    }
    const bus = new JetStreamBus(nc, options);
    try {
      await bus.#ensureStream();
    } catch (error) {
      await nc.close();
      throw new VigieError(
        'BUS_UNAVAILABLE',
        `NATS at ${redact(options.url)} has no usable JetStream (start nats-server with -js): ${String(error)}.`,
      );
    }
    return bus;
  }

  /** The subject prefix of this deployment (subjects `<prefix>.<type>.…`). */
  get prefix(): string {
    return this.#prefix;
  }

  /** The NATS connection, for the leases bucket and the MQTT bridge sharing it. */
  get connection(): NatsConnection {
    return this.#nc;
  }

  /** Stores the event in the stream; a second publish of the same `id` within two minutes is dropped. */
  async publish(event: DomainEvent): Promise<void> {
    await this.#js.publish(subjectOf(this.#prefix, event), JSON.stringify(event), { msgID: event.id });
  }

  /**
   * Stores the events as batch envelopes, one subject per type (`<prefix>.<type>.batch`, so groups and
   * followers of that type receive them), up to 1,000 events or 512 kB each. An envelope's message id is
   * derived from the events' keys: publishing the same batch again (after a lost acknowledgement) is
   * dropped by the stream, and the ingest stores each event once by its own key in any case.
   */
  async publishAll(events: readonly DomainEvent[]): Promise<void> {
    const byType = new Map<string, DomainEvent[]>();
    for (const event of events) {
      const same = byType.get(event.type);
      if (same === undefined) byType.set(event.type, [event]);
      else same.push(event);
    }
    const limit = Math.min(maxEnvelopeBytes, (this.#nc.info?.max_payload ?? 1024 * 1024) - 4096);
    const sent: Promise<unknown>[] = [];
    for (const [type, same] of byType) {
      let chunk: DomainEvent[] = [];
      let texts: string[] = [];
      let bytes = 0;
      const send = () => {
        if (chunk.length === 1) sent.push(this.publish(chunk[0] as DomainEvent));
        else if (chunk.length > 1) sent.push(this.#publishEnvelope(type, chunk, texts));
        chunk = [];
        texts = [];
        bytes = 0;
      };
      for (const event of same) {
        const text = JSON.stringify(event);
        const size = Buffer.byteLength(text) + 1;
        if (chunk.length >= maxEventsPerBatch || (chunk.length > 0 && bytes + size > limit)) send();
        chunk.push(event);
        texts.push(text);
        bytes += size;
      }
      send();
    }
    // Started in order on one connection: the stream keeps each type's events in the order given.
    await Promise.all(sent);
  }

  #publishEnvelope(type: string, events: readonly DomainEvent[], texts: readonly string[]): Promise<unknown> {
    const digest = createHash('sha256')
      .update(events.map((e) => e.id).join('\n'))
      .digest('base64url');
    return this.#js.publish(
      `${this.#prefix}.${type}.batch`,
      `{"batch":${eventBatchVersion},"events":[${texts.join(',')}]}`,
      { msgID: `batch:${digest}` },
    );
  }

  /**
   * Follows every event published from now on, in order, one handler call at a time. With `types`, only
   * those types' subjects are subscribed: a follower of alerts never reads (nor waits behind) the
   * segments and counts that make up most of the traffic.
   */
  async follow(
    handler: (event: DomainEvent) => Promise<void> | void,
    options: FollowOptions = {},
  ): Promise<BusSubscription> {
    const subjects =
      options.types === undefined ? [`${this.#prefix}.>`] : options.types.map((type) => `${this.#prefix}.${type}.>`);
    const queue: Uint8Array[] = [];
    let wake: (() => void) | undefined;
    const state = { closed: false };
    // Callbacks, not iterators: messages of every subject join one queue in the order they arrive.
    const subscriptions = subjects.map((subject) =>
      this.#nc.subscribe(subject, {
        callback: (error, message) => {
          if (error !== null) this.#report(error);
          else {
            queue.push(message.data);
            wake?.();
          }
        },
      }),
    );
    const loop = (async () => {
      while (!state.closed) {
        const data = queue.shift();
        if (data === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        // JetStream's publish acknowledgements travel on inboxes, not here; anything else is checked.
        for (const event of this.#parse(data) ?? []) {
          try {
            await handler(event);
          } catch (error) {
            this.#report(error);
          }
        }
      }
    })();
    await this.#nc.flush();
    return this.#track({
      close: async () => {
        for (const subscription of subscriptions) subscription.unsubscribe();
        state.closed = true;
        wake?.();
        await loop;
      },
    });
  }

  /**
   * Joins a durable consumer group; each event is handed to one member until a batch containing it is
   * handled. One durable consumer per type (servers before NATS 2.10 filter on one subject each), all
   * feeding the same batches.
   */
  async consume(options: ConsumeOptions): Promise<BusSubscription> {
    const jsm = await jetstreamManager(this.#nc);
    const maxBatch = options.maxBatch ?? 500;
    const lingerMs = 3;
    const buffer: Delivery[] = [];
    let buffered = 0;
    let wake: (() => void) | undefined;
    const state = { closed: false };
    const streams = await Promise.all(
      options.types.map(async (type) => {
        const durable = `${options.group}-${type.replaceAll('.', '_')}`;
        await jsm.consumers.add(this.#stream, {
          durable_name: durable,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          filter_subject: `${this.#prefix}.${type}.>`,
          ack_wait: nanos(30_000),
          max_ack_pending: maxBatch * 4,
        });
        // Pulled by bytes, not messages: a batch envelope carries up to 1,000 events (the messages
        // pending at once stay bounded by max_ack_pending).
        return (await this.#js.consumers.get(this.#stream, durable)).consume({ max_bytes: 4 * 1024 * 1024 });
      }),
    );
    const readers = streams.map(async (messages) => {
      for await (const message of messages) {
        // Checked on arrival: a message no node can read is set aside at once, never handed to the group.
        const events = this.#parse(message.data, (error) => this.#quarantine(message, error));
        if (events === undefined) continue;
        buffer.push({ message, events });
        buffered += events.length;
        wake?.();
      }
    });
    const concurrency = Math.max(1, options.concurrency ?? 1);
    const inFlight = new Set<Promise<void>>();
    const worker = (async () => {
      while (!state.closed) {
        if (buffer.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        // A few milliseconds let a burst gather into one batch (one transaction) at little cost in latency.
        if (buffered < maxBatch) await new Promise((resolve) => setTimeout(resolve, lingerMs));
        // Whole messages, up to `maxBatch` events (a larger envelope alone).
        const batch: Delivery[] = [];
        let count = 0;
        while (buffer.length > 0 && (batch.length === 0 || count + (buffer[0] as Delivery).events.length <= maxBatch)) {
          const delivery = buffer.shift() as Delivery;
          batch.push(delivery);
          count += delivery.events.length;
        }
        buffered -= count;
        if (batch.length === 0) continue;
        // With a concurrency above 1, the next batch is read and parsed while the database commits this one.
        const handled: Promise<void> = this.#handleBatch(batch, options).finally(() => inFlight.delete(handled));
        inFlight.add(handled);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    })();
    return this.#track({
      close: async () => {
        state.closed = true;
        await Promise.all(streams.map((messages) => messages.close()));
        wake?.();
        await Promise.all([...readers, worker]);
      },
    });
  }

  /** Closes every subscription, then drains the connection. */
  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((s) => s.close()));
    this.#subscriptions.clear();
    await this.#nc.drain();
  }

  /** Deletes this deployment's stream and its consumers (tests, uninstall), then closes. */
  async destroy(): Promise<void> {
    const jsm = await jetstreamManager(this.#nc);
    await jsm.streams.delete(this.#stream).catch(() => false);
    await jsm.streams.delete(quarantineStreamName(this.#prefix)).catch(() => false);
    await this.close();
  }

  async #handleBatch(batch: readonly Delivery[], options: ConsumeOptions): Promise<void> {
    try {
      await options.handle(batch.flatMap((delivery) => delivery.events));
      for (const { message } of batch) message.ack();
    } catch (error) {
      this.#report(error);
      for (const { message } of batch) message.nak(this.#options.retryMs ?? 1000);
    }
  }

  /**
   * Sets aside a message no node can read: a copy goes to the quarantine stream (its subject, stream
   * sequence and the reason in headers, kept 30 days), then the original is terminated (never
   * redelivered). If the copy fails, the message is delivered again later instead: nothing is lost.
   */
  async #quarantine(message: JsMsg, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const h = headers();
    h.set('Vigie-Subject', message.subject);
    h.set('Vigie-Sequence', String(message.seq));
    h.set('Vigie-Reason', reason.slice(0, 1000).replace(/[\r\n]+/g, ' '));
    try {
      await this.#js.publish(`${quarantineSubject(this.#prefix)}.${message.seq}`, message.data, {
        headers: h,
        msgID: `quarantine:${message.seq}`,
      });
      message.term();
      this.#report(
        new VigieError(
          'EVENT_INVALID',
          `A message on ${message.subject} (stream sequence ${message.seq}) was set aside in ${quarantineStreamName(this.#prefix)}: ${reason}`,
        ),
      );
    } catch (failure) {
      this.#report(failure);
      message.nak(this.#options.retryMs ?? 1000);
    }
  }

  /** The events of a message, or undefined (reported, or handed to `onInvalid`) when it cannot be read. */
  #parse(data: Uint8Array, onInvalid?: (error: unknown) => Promise<void>): DomainEvent[] | undefined {
    try {
      return parseBusMessage(JSON.parse(this.#decoder.decode(data)));
    } catch (error) {
      if (onInvalid === undefined) this.#report(error);
      else void onInvalid(error);
      return undefined;
    }
  }

  #report(error: unknown): void {
    (this.#options.onError ?? ((e: unknown) => process.stderr.write(`bus: ${String(e)}\n`)))(error);
  }

  #track(subscription: BusSubscription): BusSubscription {
    const tracked: BusSubscription = {
      close: async () => {
        this.#subscriptions.delete(tracked);
        await subscription.close();
      },
    };
    this.#subscriptions.add(tracked);
    return tracked;
  }

  async #ensureStream(): Promise<void> {
    const jsm = await jetstreamManager(this.#nc);
    const config = {
      name: this.#stream,
      subjects: [`${this.#prefix}.>`],
      max_age: nanos(this.#options.maxAgeMs ?? 24 * 3600_000),
      duplicate_window: nanos(120_000),
    };
    const quarantine = {
      name: quarantineStreamName(this.#prefix),
      subjects: [`${quarantineSubject(this.#prefix)}.>`],
      max_age: nanos(30 * 24 * 3600_000),
      duplicate_window: nanos(120_000),
    };
    for (const stream of [config, quarantine]) {
      try {
        await jsm.streams.info(stream.name);
        await jsm.streams.update(stream.name, stream);
      } catch {
        await jsm.streams.add(stream);
      }
    }
  }
}

/** A NATS URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
