import Type, { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AlertFactsSchema } from './alert-facts.js';
import { AlertRecordSchema, alertTypes } from './alert-record.js';
import { alertSeverities } from './analytics.js';
import { CameraSchema } from './camera.js';
import { StreamMeasuresSchema } from './camera-health.js';
import { cameraStates } from './camera-status.js';
import { VigieError } from './errors.js';
import { IncidentSchema, SopStepSchema } from './incident.js';

/** Version of the domain-event envelope; a consumer refuses versions it does not know. */
export const domainEventVersion = 1;

const DateTime = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });

/**
 * The envelope every domain event shares: its version, its idempotency key (`id`, the same for the
 * same fact however often it is published, so that stores apply it once) and when it was published.
 */
function event<T extends string, P extends Record<string, TSchema>>(type: T, payload: P) {
  return Type.Object(
    {
      v: Type.Literal(domainEventVersion),
      id: Type.String({ minLength: 1, maxLength: 300 }),
      at: DateTime,
      type: Type.Literal(type),
      ...payload,
    },
    { additionalProperties: false },
  );
}

/** A recorded segment as it travels between nodes: where it is stored, which node serves it. */
export const SegmentFactSchema = Type.Object(
  {
    cameraId: Uuid,
    key: Type.String({ minLength: 1, maxLength: 500, pattern: '^[^/]' }),
    startedAt: DateTime,
    endedAt: DateTime,
    bytes: Type.Integer({ minimum: 0 }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    initBytes: Type.Integer({ minimum: 0 }),
    initHash: Type.Optional(Type.String({ pattern: '^[0-9a-f]{16}$' })),
    node: Type.String({ minLength: 1, maxLength: 100, description: 'Node that holds the file and serves it.' }),
  },
  { additionalProperties: false },
);

/** An alert an analysis raised on a worker, before the server stores it in the operators' queue. */
export const RaisedAlertFactSchema = Type.Object(
  {
    cameraId: Uuid,
    type: Type.Enum([...alertTypes]),
    severity: Type.Enum([...alertSeverities]),
    zoneId: Type.Optional(Type.String({ maxLength: 100 })),
    message: Type.String({ maxLength: 2000 }),
    openedAt: DateTime,
    clip: Type.Object({ from: DateTime, to: DateTime }, { additionalProperties: false }),
    /** The evidence JPEG, base64. */
    snapshot: Type.Optional(Type.String({ maxLength: 1_400_000 })),
    details: Type.Record(Type.String(), Type.Unknown()),
    /** The situation it is about: its later progress names it. */
    situationKey: Type.Optional(Type.String({ maxLength: 300 })),
    facts: Type.Optional(AlertFactsSchema),
    /** Raised by a rule in shadow: stored for review, never pushed to operators. */
    shadow: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** How the situation of an alert a worker raised went on, or that it ended. */
export const AlertProgressFactSchema = Type.Object(
  {
    cameraId: Uuid,
    situationKey: Type.String({ maxLength: 300 }),
    phase: Type.Union([Type.Literal('updated'), Type.Literal('ended')]),
    lastSeenAt: DateTime,
    endedAt: Type.Optional(DateTime),
    occurrences: Type.Integer({ minimum: 1 }),
    facts: AlertFactsSchema,
    clipTo: DateTime,
    /** A new snapshot JPEG, base64. */
    snapshot: Type.Optional(Type.String({ maxLength: 1_400_000 })),
  },
  { additionalProperties: false },
);

/**
 * How a count was made: the confirmed person tracks (sparse views) or a tiled detection pass (crowded
 * views), `+riders` when ridden two-wheelers with no person found on them added one rider each.
 */
export const countMethods = ['tracks', 'tiled', 'tracks+riders', 'tiled+riders'] as const;
/** One of `countMethods`. */
export type CountMethod = (typeof countMethods)[number];

/** One anonymous count sample (people in, out, occupancy, density) of a camera's series. */
export const CountFactSchema = Type.Object(
  {
    cameraId: Uuid,
    series: Type.String({ maxLength: 200 }),
    at: DateTime,
    in: Type.Optional(Type.Number()),
    out: Type.Optional(Type.Number()),
    occupancy: Type.Optional(Type.Number()),
    density: Type.Optional(Type.Number()),
    /** How occupancy and density were counted. */
    method: Type.Optional(Type.Enum([...countMethods])),
  },
  { additionalProperties: false },
);

/** The analytics stop button's persisted state (LEGAL R22): halted everywhere, or these cameras. */
export const AnalyticsStopSchema = Type.Object(
  { paused: Type.Boolean(), pausedCameraIds: Type.Array(Uuid) },
  { additionalProperties: false },
);

/** Every domain event: what services and workers publish on the bus, and what background work consumes. */
export const DomainEventSchema = Type.Union([
  event('camera.created', { camera: CameraSchema }),
  event('camera.updated', { camera: CameraSchema }),
  event('camera.deleted', { cameraId: Uuid }),
  event('camera.status', {
    cameraId: Uuid,
    state: Type.Enum([...cameraStates]),
    reason: Type.Optional(Type.String()),
    since: DateTime,
  }),
  event('alert.opened', { alert: AlertRecordSchema }),
  event('alert.updated', { alert: AlertRecordSchema }),
  event('analytics.stop', { stop: AnalyticsStopSchema }),
  /** `measures`: the recorder's stream measures when the segment was stored (workers), for the camera health. */
  event('segment.recorded', { segment: SegmentFactSchema, measures: Type.Optional(StreamMeasuresSchema) }),
  event('gap.recorded', { gap: Type.Object({ cameraId: Uuid, from: DateTime, to: DateTime, reason: Type.String() }) }),
  event('alert.raised', { alert: RaisedAlertFactSchema }),
  event('alert.progressed', { progress: AlertProgressFactSchema }),
  event('counts.sampled', { samples: Type.Array(CountFactSchema, { minItems: 1, maxItems: 1000 }) }),
  event('incident.updated', { incident: IncidentSchema }),
  /** A resolved incident skipped required steps of its procedure: supervisors are told (issue 15 #5). */
  event('incident.step_skipped', {
    incidentId: Uuid,
    title: Type.String(),
    cameraId: Uuid,
    resolvedBy: Type.String(),
    steps: Type.Array(SopStepSchema),
  }),
]);

/** A domain event. */
export type DomainEvent = Static<typeof DomainEventSchema>;
/** The name of a domain event type. */
export type DomainEventType = DomainEvent['type'];
/** The event of one type. */
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
/** A recorded segment as published. */
export type SegmentFact = Static<typeof SegmentFactSchema>;
/** A raised alert as published. */
export type RaisedAlertFact = Static<typeof RaisedAlertFactSchema>;
/** An alert's progress as published. */
export type AlertProgressFact = Static<typeof AlertProgressFactSchema>;
/** A count sample as published. */
export type CountFact = Static<typeof CountFactSchema>;
/** The analytics stop button's state. */
export type AnalyticsStop = Static<typeof AnalyticsStopSchema>;

/** Facts workers report, which the server stores once each (by idempotency key) and then projects. */
export const ingestedEventTypes = [
  'segment.recorded',
  'gap.recorded',
  'alert.raised',
  'alert.progressed',
  'counts.sampled',
] as const;

/** Events that change what background work must do: the registry and the stop button. */
export const workChangingEventTypes = ['camera.created', 'camera.updated', 'camera.deleted', 'analytics.stop'] as const;

/** Builds an event with its envelope; `id` is its idempotency key (give the same one for the same fact). */
export function domainEvent<E extends DomainEvent>(body: Omit<E, 'v' | 'at'> & { at?: string }, now: Date): E {
  return { ...body, v: domainEventVersion, at: body.at ?? now.toISOString() } as E;
}

/** The camera an event is about, if any (subjects and MQTT topics are partitioned by it). */
export function cameraOfEvent(event: DomainEvent): string | undefined {
  switch (event.type) {
    case 'camera.created':
    case 'camera.updated':
      return event.camera.id;
    case 'camera.deleted':
    case 'camera.status':
      return event.cameraId;
    case 'alert.opened':
    case 'alert.updated':
    case 'alert.raised':
      return event.alert.cameraId;
    case 'alert.progressed':
      return event.progress.cameraId;
    case 'segment.recorded':
      return event.segment.cameraId;
    case 'gap.recorded':
      return event.gap.cameraId;
    case 'counts.sampled':
      return event.samples[0]?.cameraId;
    case 'incident.updated':
      return event.incident.cameraIds[0];
    case 'incident.step_skipped':
      return event.cameraId;
    case 'analytics.stop':
      return undefined;
  }
}

const compileEventSchema = () => Compile(DomainEventSchema);
let compiled: ReturnType<typeof compileEventSchema> | undefined;
/** One compiled check per event type: the union's check tries each type's schema in turn until one fits. */
const compileTypeSchemas = () =>
  new Map<unknown, { Check(value: unknown): boolean }>(
    DomainEventSchema.anyOf.map((schema) => [schema.properties.type.const, Compile(schema)]),
  );
let compiledByType: ReturnType<typeof compileTypeSchemas> | undefined;

/** Checks a received message against the schema; throws EVENT_INVALID naming what is wrong. */
export function parseDomainEvent(value: unknown): DomainEvent {
  // Compiled once, on first use: every event a node receives is checked (thousands per second when ingesting).
  const byType = (compiledByType ??= compileTypeSchemas());
  if (byType.get((value as { type?: unknown } | null)?.type)?.Check(value) === true) return value as DomainEvent;
  const validator = (compiled ??= compileEventSchema());
  if (validator.Check(value)) return value;
  const version = (value as { v?: unknown } | null)?.v;
  const problems = validator
    .Errors(value)
    .slice(0, 5)
    .map((e) => ({ path: e.instancePath || '/', reason: e.message }));
  throw new VigieError(
    'EVENT_INVALID',
    version === domainEventVersion
      ? `A domain event (${String((value as { type?: unknown }).type)}) does not match its schema (${problems.map((p) => `${p.path} ${p.reason}`).join('; ')}); it was set aside.`
      : `A domain event has version ${JSON.stringify(version)}; this node reads version ${domainEventVersion}. Upgrade every node to the same release.`,
    problems,
  );
}

/** Version of the batch envelope (several events in one bus message); a consumer refuses versions it does not know. */
export const eventBatchVersion = 1;

/** Most events one batch envelope carries (the ingest's transaction size). */
export const maxEventsPerBatch = 1000;

/**
 * Several events in one bus message, as a worker's outbox publishes them: each event keeps its own
 * envelope and idempotency key, so a consumer stores each once whatever the batches they travelled in.
 */
export interface EventBatch {
  batch: typeof eventBatchVersion;
  events: DomainEvent[];
}

/**
 * Checks a received bus message, one event or a batch envelope (`{ batch: 1, events: [...] }`), and
 * returns its events; throws EVENT_INVALID naming what is wrong: one bad event refuses the whole message.
 */
export function parseBusMessage(value: unknown): DomainEvent[] {
  if (typeof value !== 'object' || value === null || !('batch' in value)) return [parseDomainEvent(value)];
  const { batch, events } = value as { batch: unknown; events?: unknown };
  if (batch !== eventBatchVersion)
    throw new VigieError(
      'EVENT_INVALID',
      `A batch of events has envelope version ${JSON.stringify(batch)}; this node reads version ${eventBatchVersion}. Upgrade every node to the same release.`,
    );
  if (!Array.isArray(events) || events.length === 0 || events.length > maxEventsPerBatch)
    throw new VigieError(
      'EVENT_INVALID',
      `A batch of events must list 1 to ${maxEventsPerBatch} events in \`events\`; it was set aside.`,
    );
  return events.map((event, index) => {
    try {
      return parseDomainEvent(event);
    } catch (error) {
      throw new VigieError(
        'EVENT_INVALID',
        `Event ${index + 1} of ${events.length} of a batch is invalid, the batch was set aside: ${(error as Error).message}`,
        error instanceof VigieError ? error.details : [],
      );
    }
  });
}

/** Idempotency keys: one per fact, so a retried publish or a redelivery is stored once. */
export const idempotencyKeys = {
  segment: (s: Pick<SegmentFact, 'cameraId' | 'startedAt'>) => `segment:${s.cameraId}:${s.startedAt}`,
  gap: (g: { cameraId: string; from: string }) => `gap:${g.cameraId}:${g.from}`,
  alert: (a: Pick<RaisedAlertFact, 'cameraId' | 'type' | 'openedAt'> & { zoneId?: string }) =>
    `alert:${a.cameraId}:${a.type}:${a.zoneId ?? '-'}:${a.openedAt}`,
  progress: (p: Pick<AlertProgressFact, 'cameraId' | 'situationKey' | 'phase' | 'lastSeenAt'>) =>
    `alert-progress:${p.cameraId}:${p.situationKey}:${p.phase}:${p.lastSeenAt}`,
  counts: (cameraId: string, firstAt: string) => `counts:${cameraId}:${firstAt}`,
};

/** An event as a service states it, before the bus gives it its envelope. */
export type DomainEventBody = DomainEvent extends infer E
  ? E extends DomainEvent
    ? Omit<E, 'id' | 'at'>
    : never
  : never;

/**
 * The idempotency key of an event: derived from the fact itself (a camera's version, an alert's update
 * time, a segment's start), so that publishing the same fact twice yields the same key.
 */
export function idempotencyKeyOf(body: DomainEventBody, nonce: () => string): string {
  switch (body.type) {
    case 'camera.created':
    case 'camera.updated':
      return `${body.type}:${body.camera.id}:${body.camera.version}`;
    case 'camera.deleted':
      return `camera.deleted:${body.cameraId}`;
    case 'camera.status':
      return `camera.status:${body.cameraId}:${body.state}:${body.since}`;
    case 'alert.opened':
      return `alert.opened:${body.alert.id}`;
    case 'alert.updated':
      return `alert.updated:${body.alert.id}:${body.alert.updatedAt}:${body.alert.notes.length}`;
    case 'segment.recorded':
      return idempotencyKeys.segment(body.segment);
    case 'gap.recorded':
      return idempotencyKeys.gap(body.gap);
    case 'alert.raised':
      return idempotencyKeys.alert(body.alert);
    case 'alert.progressed':
      return idempotencyKeys.progress(body.progress);
    case 'counts.sampled':
      return idempotencyKeys.counts(body.samples[0]?.cameraId ?? '-', body.samples[0]?.at ?? nonce());
    case 'incident.updated':
      return `incident.updated:${body.incident.id}:${body.incident.updatedAt}:${body.incident.timeline.length}`;
    case 'incident.step_skipped':
      return `incident.step_skipped:${body.incidentId}:${nonce()}`;
    case 'analytics.stop':
      // Each press of the button is its own fact.
      return `analytics.stop:${nonce()}`;
  }
}
