import {
  cameraOfEvent,
  definedOnly,
  stateRaisesOfflineAlert,
  type Bus,
  type BusSubscription,
  type DomainEvent,
  type DomainEventOf,
  type DomainEventType,
} from '@vigie/core';
import type { ClusterRepository, CountSample, KeyedFacts, NodeSegment, UnitOfWork } from '@vigie/db';
import type { DomainEvents } from '../events/domain-events.js';
import type { AlertService } from '../services/alert.service.js';
import type { WorkerMeasures } from './worker-measures.js';

/** What the ingestor stores through. */
export interface EventIngestorOptions {
  bus: Bus;
  work: UnitOfWork;
  /** The cluster repository outside any transaction: a batch of segments and counts is one statement. */
  cluster: ClusterRepository;
  alerts: AlertService;
  events: DomainEvents;
  /** Keeps the stream measures workers report with their segments (followed while the ingestor runs). */
  measures?: WorkerMeasures;
  /** Largest batch per transaction (default 1000). */
  maxBatch?: number;
}

/** The facts workers report and the server stores. */
export const workerFactTypes = [
  'segment.recorded',
  'gap.recorded',
  'counts.sampled',
  'alert.raised',
  'alert.progressed',
  'camera.status',
] as const satisfies readonly DomainEventType[];

type Fact = DomainEventOf<(typeof workerFactTypes)[number]>;
type AlertFact = DomainEventOf<'alert.raised' | 'alert.progressed'>;
type BatchedFact = Exclude<Fact, AlertFact>;

const isAlertFact = (event: Fact): event is AlertFact =>
  event.type === 'alert.raised' || event.type === 'alert.progressed';

/**
 * Stores what workers report, exactly once: each batch is one transaction that records the events'
 * idempotency keys and stores only the events seen for the first time, so a redelivery after a crash
 * (or a worker publishing twice) changes nothing. Every server instance joins the same consumer group,
 * sharing the work. Alerts go through the alert service (its own transaction, also keyed) and are pushed.
 */
export class EventIngestor {
  readonly #options: EventIngestorOptions;
  #subscriptions: BusSubscription[] = [];
  /** Each camera's alert work in progress: the next alert of that camera starts after it. */
  readonly #cameraTails = new Map<string, Promise<void>>();

  constructor(options: EventIngestorOptions) {
    this.#options = options;
  }

  /**
   * Joins the `ingest` group, and the `ingest-alerts` group: alerts have their own lane, so that an
   * operator's alert never waits behind a backlog of segments and counts. Alerts of different cameras
   * are stored beside each other (several batches at once), each camera's in order.
   */
  async start(): Promise<void> {
    const { bus } = this.#options;
    await this.#options.measures?.start();
    this.#subscriptions = [
      await bus.consume({
        group: 'ingest-alerts',
        types: ['alert.raised', 'alert.progressed'],
        maxBatch: 20,
        concurrency: 4,
        handle: (events) => this.store(events),
      }),
      await bus.consume({
        group: 'ingest',
        types: workerFactTypes.filter((t) => t !== 'alert.raised' && t !== 'alert.progressed'),
        maxBatch: this.#options.maxBatch ?? 1000,
        // Their order does not matter (a status older than the stored one is dropped): four batches at
        // once (one statement each, on their own connections) keep Node and PostgreSQL's backends busy.
        concurrency: 4,
        handle: (events) => this.store(events),
      }),
    ];
  }

  /** Leaves the groups; unacknowledged events go to another server or wait for the next start. */
  async stop(): Promise<void> {
    await Promise.all(this.#subscriptions.map((s) => s.close()));
    this.#subscriptions = [];
    await this.#options.measures?.stop();
  }

  /** Stores one batch (exposed for the benchmark and tests). */
  async store(events: readonly DomainEvent[]): Promise<void> {
    const facts = events.filter((e): e is Fact => (workerFactTypes as readonly string[]).includes(e.type));
    // Queued behind each camera's alerts in progress before anything is awaited: concurrent batches keep
    // a camera's order (an alert's progress after its opening), one slow alert delays only its camera.
    const alerts = this.#alertsInCameraOrder(facts);
    // Each event once: a batch may hold an event twice (a worker's republish in another envelope).
    const ids = new Set<string>();
    const batched = facts.filter((e): e is BatchedFact => {
      if (isAlertFact(e) || ids.has(e.id)) return false;
      ids.add(e.id);
      return true;
    });
    if (batched.every((e) => e.type === 'segment.recorded' || e.type === 'counts.sampled'))
      await this.#storeSegmentsAndCounts(batched);
    else await this.#storeBatched(batched);
    await alerts;
  }

  /** The common batch, segments and counts only: one statement, keys and rows (no transaction round trips). */
  async #storeSegmentsAndCounts(
    events: readonly DomainEventOf<'segment.recorded' | 'counts.sampled'>[],
  ): Promise<void> {
    const facts: { segments: KeyedFacts['segments'][number][]; counts: KeyedFacts['counts'][number][] } = {
      segments: [],
      counts: [],
    };
    for (const event of events) {
      if (event.type === 'segment.recorded') {
        const { startedAt, endedAt, ...rest } = event.segment;
        facts.segments.push({ ...rest, startedAt: new Date(startedAt), endedAt: new Date(endedAt), eventId: event.id });
      } else
        for (const sample of event.samples)
          facts.counts.push({ ...sample, at: new Date(sample.at), eventId: event.id });
    }
    await this.#options.cluster.ingestFacts(facts);
  }

  #alertsInCameraOrder(facts: readonly Fact[]): Promise<unknown> {
    const byCamera = new Map<string, AlertFact[]>();
    for (const event of facts.filter(isAlertFact)) {
      const camera = cameraOfEvent(event) ?? '';
      byCamera.set(camera, [...(byCamera.get(camera) ?? []), event]);
    }
    return Promise.all(
      [...byCamera].map(([camera, alerts]) => {
        const run = (this.#cameraTails.get(camera) ?? Promise.resolve()).then(async () => {
          for (const event of alerts) {
            if (event.type === 'alert.raised') await this.#raise(event);
            else await this.#progress(event);
          }
        });
        // The next alert of the camera waits for this one, failed or not (a failed batch is delivered again).
        const tail = run.catch(() => undefined);
        this.#cameraTails.set(camera, tail);
        void tail.then(() => {
          if (this.#cameraTails.get(camera) === tail) this.#cameraTails.delete(camera);
        });
        return run;
      }),
    );
  }

  async #storeBatched(batched: readonly BatchedFact[]): Promise<void> {
    const statuses = await this.#options.work(async ({ cluster, recordings, alerts, cameras }) => {
      const fresh = await cluster.markIngested(batched.map((e) => e.id));
      const todo = batched.filter((e) => fresh.delete(e.id));
      const segments: NodeSegment[] = [];
      const counts: CountSample[] = [];
      const reports: DomainEventOf<'camera.status'>[] = [];
      const stored: DomainEventOf<'camera.status'>[] = [];
      for (const event of todo) {
        switch (event.type) {
          case 'segment.recorded': {
            const { startedAt, endedAt, ...rest } = event.segment;
            segments.push({ ...rest, startedAt: new Date(startedAt), endedAt: new Date(endedAt) });
            break;
          }
          case 'gap.recorded':
            await recordings.insertGap({ ...event.gap, from: new Date(event.gap.from), to: new Date(event.gap.to) });
            break;
          case 'counts.sampled':
            for (const sample of event.samples) counts.push({ ...sample, at: new Date(sample.at) });
            break;
          case 'camera.status':
            reports.push(event);
            break;
        }
      }
      // Statuses in camera order: batches stored at once then lock the cameras' status rows in one order
      // (in the order of arrival, two batches reporting the same two cameras could deadlock).
      reports.sort((a, b) => (a.cameraId < b.cameraId ? -1 : a.cameraId > b.cameraId ? 1 : 0));
      for (const event of reports) {
        // A status of a camera removed meanwhile is dropped, as on a single server.
        if ((await cameras.get(event.cameraId)) === undefined) continue;
        // An older report handled after a newer one (concurrent batches) changes nothing.
        if (await recordings.setStatusIfNewer({ ...event, since: new Date(event.since) })) stored.push(event);
      }
      await cluster.insertNodeSegments(segments);
      await alerts.insertCounts(counts);
      return stored;
    });
    for (const status of statuses) {
      if (stateRaisesOfflineAlert(status.state))
        await this.#options.alerts.cameraOffline(status.cameraId, status.reason ?? '');
      else if (status.state === 'online') await this.#options.alerts.cameraBackOnline(status.cameraId);
    }
  }

  async #progress(event: DomainEventOf<'alert.progressed'>): Promise<void> {
    const { progress } = event;
    await this.#options.alerts.progress(
      {
        cameraId: progress.cameraId,
        situationKey: progress.situationKey,
        lastSeenAt: new Date(progress.lastSeenAt),
        ...(progress.endedAt === undefined ? {} : { endedAt: new Date(progress.endedAt) }),
        occurrences: progress.occurrences,
        facts: progress.facts,
        clipTo: new Date(progress.clipTo),
        ...(progress.snapshot === undefined ? {} : { snapshot: Buffer.from(progress.snapshot, 'base64') }),
      },
      event.id,
    );
  }

  async #raise(event: DomainEventOf<'alert.raised'>): Promise<void> {
    const { alert } = event;
    await this.#options.alerts.raiseOnce(
      {
        cameraId: alert.cameraId,
        type: alert.type,
        severity: alert.severity,
        ...definedOnly({ zoneId: alert.zoneId }),
        message: alert.message,
        openedAt: new Date(alert.openedAt),
        clip: { from: new Date(alert.clip.from), to: new Date(alert.clip.to) },
        ...(alert.snapshot === undefined ? {} : { snapshot: Buffer.from(alert.snapshot, 'base64') }),
        details: alert.details,
        ...definedOnly({ situationKey: alert.situationKey, facts: alert.facts, shadow: alert.shadow }),
      },
      event.id,
    );
  }
}
