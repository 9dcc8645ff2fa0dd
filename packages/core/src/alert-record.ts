import Type, { type Static } from 'typebox';
import { AlertFactsSchema } from './alert-facts.js';
import { alertSeverities, analyticsEventTypes, type AlertSeverity } from './analytics.js';
import { VigieError } from './errors.js';
import { definedOnly } from './defined-only.js';

/**
 * Alerts about the system rather than a scene: a camera that stopped sending video, one whose stream degraded
 * (frozen picture, low frame rate or bitrate, frequent reconnections…), recordings about to stop for lack of disk space. They form no incident and count in no analytics statistics.
 */
export const systemAlertTypes = ['camera_offline', 'camera_degraded', 'storage_low'] as const;

/** One system alert type. */
export type SystemAlertType = (typeof systemAlertTypes)[number];

/** Whether an alert type is the system's (no incident, no rule statistics) rather than an analytic's. */
export function isSystemAlertType(type: string): type is SystemAlertType {
  return (systemAlertTypes as readonly string[]).includes(type);
}

/** What an alert in the operators' queue is about: an analytics event, or the system (`systemAlertTypes`). */
export const alertTypes = [...analyticsEventTypes, ...systemAlertTypes] as const;

/** One alert type. */
export type AlertType = (typeof alertTypes)[number];

/** Where an alert stands in the queue. */
export const alertStatuses = ['open', 'acknowledged', 'closed'] as const;

/** One alert status. */
export type AlertStatus = (typeof alertStatuses)[number];

/** An operator's verdict on an alert (R20: a human qualifies every alert; nothing is dispatched automatically). */
export const alertQualifications = ['true_alert', 'false_alarm', 'needs_follow_up'] as const;

/** One qualification. */
export type AlertQualification = (typeof alertQualifications)[number];

/** A supervisor's label on a shadow alert: was it a real event, a false alarm, or not worth an alert? */
export const shadowLabels = ['true', 'false', 'irrelevant'] as const;

/** One shadow label. */
export type ShadowLabel = (typeof shadowLabels)[number];

/** What a supervisor sends to label a shadow alert. */
export const ShadowLabelInputSchema = Type.Object(
  { label: Type.Enum([...shadowLabels]) },
  { additionalProperties: false },
);

const DateTime = Type.String({ format: 'date-time' });

/** A note an operator added to an alert. */
export const AlertNoteSchema = Type.Object(
  { by: Type.String(), at: DateTime, text: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);

/** An alert as the console shows it: what, where, when, the evidence to look at, and what operators did. */
export const AlertRecordSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    cameraId: Type.String({ format: 'uuid' }),
    type: Type.Enum([...alertTypes]),
    severity: Type.Enum([...alertSeverities]),
    status: Type.Enum([...alertStatuses]),
    qualification: Type.Optional(Type.Enum([...alertQualifications])),
    escalated: Type.Boolean(),
    claim: Type.Optional(
      Type.Object(
        { by: Type.String(), at: DateTime },
        { additionalProperties: false, description: 'Who said "I am handling it", and when.' },
      ),
    ),
    zoneId: Type.Optional(Type.String()),
    message: Type.String(),
    openedAt: DateTime,
    updatedAt: DateTime,
    lastSeenAt: Type.String({ format: 'date-time', description: 'When its situation was last seen.' }),
    endedAt: Type.Optional(
      Type.String({ format: 'date-time', description: 'When its situation ended; absent while it goes on.' }),
    ),
    occurrences: Type.Integer({ minimum: 1, description: 'Detections merged into this one alert.' }),
    facts: Type.Optional(AlertFactsSchema),
    shadow: Type.Optional(
      Type.Literal(true, { description: 'Raised by a rule in shadow: on the review list, never in the queue.' }),
    ),
    shadowLabel: Type.Optional(Type.Enum([...shadowLabels])),
    groupId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'The first alert of its group: same camera, zone and type, opened close together.',
      }),
    ),
    clip: Type.Object({ from: DateTime, to: DateTime }, { additionalProperties: false }),
    hasSnapshot: Type.Boolean({
      description: 'GET /api/alerts/{id}/snapshot.jpg returns the image with the detection drawn.',
    }),
    notes: Type.Array(AlertNoteSchema),
  },
  { additionalProperties: false },
);

/** An alert in the queue. */
export type AlertRecord = Static<typeof AlertRecordSchema>;

/** What an operator does to an alert. */
export const AlertActionSchema = Type.Union([
  Type.Object({ action: Type.Literal('acknowledge') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('claim') }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('qualify'),
      qualification: Type.Enum([...alertQualifications]),
      note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('note'), note: Type.String({ minLength: 1, maxLength: 2000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { action: Type.Literal('escalate'), note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
    { additionalProperties: false },
  ),
]);

/** An operator action. */
export type AlertAction = Static<typeof AlertActionSchema>;

/** The state an action changes: status, qualification, escalation, a claim to record, and a note to append. */
export interface AlertChange {
  status: AlertStatus;
  qualification?: AlertQualification;
  escalated: boolean;
  note?: string;
  /** The acting operator takes the alert ("I am handling it"), replacing any earlier claim. */
  claim?: true;
}

/**
 * What an operator action does to an alert. Acknowledging takes it out of the "new" pile; qualifying
 * as a true alert or a false alarm closes it, "needs follow-up" keeps it acknowledged; escalating
 * flags it for the supervisor; claiming ("I am handling it") acknowledges it and names who handles it.
 * A closed alert only takes notes.
 */
export function applyAlertAction(
  alert: Pick<AlertRecord, 'status' | 'escalated' | 'qualification'>,
  action: AlertAction,
): AlertChange {
  const base: AlertChange = {
    status: alert.status,
    escalated: alert.escalated,
    ...definedOnly({ qualification: alert.qualification }),
  };
  if (action.action === 'note') return { ...base, note: action.note };
  if (alert.status === 'closed') {
    throw new VigieError('ALERT_CLOSED', `This alert is closed; it can no longer be ${action.action}d.`);
  }
  switch (action.action) {
    case 'acknowledge':
      return { ...base, status: 'acknowledged' };
    case 'claim':
      return { ...base, status: 'acknowledged', claim: true };
    case 'qualify':
      return {
        ...base,
        status: action.qualification === 'needs_follow_up' ? 'acknowledged' : 'closed',
        qualification: action.qualification,
        ...definedOnly({ note: action.note }),
      };
    case 'escalate':
      return {
        ...base,
        status: 'acknowledged',
        escalated: true,
        ...definedOnly({ note: action.note }),
      };
  }
}

const severityRank: Record<AlertSeverity, number> = { high: 3, medium: 2, low: 1, info: 0 };

/** A severity's place in the queue (3 high … 0 info): the database stores the same rank to sort by it. */
export function alertSeverityRank(severity: AlertSeverity): number {
  return severityRank[severity];
}

/** Where a page of the queue (most severe, then newest first) starts: just after this alert. */
export interface AlertQueuePosition {
  rank: number;
  openedAt: Date;
  id: string;
}

/** The shape of an alert-queue cursor: `<rank>_<opened at, ms>_<alert id>`, URL-safe. */
export const alertQueueCursorPattern =
  '^[0-3]_[0-9]{1,15}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The cursor of the page that follows an alert. */
export function alertQueueCursor(alert: Pick<AlertRecord, 'severity' | 'openedAt' | 'id'>): string {
  return `${severityRank[alert.severity]}_${Date.parse(alert.openedAt)}_${alert.id}`;
}

/** The position a cursor names; undefined when it does not match `alertQueueCursorPattern`. */
export function parseAlertQueueCursor(cursor: string): AlertQueuePosition | undefined {
  if (!new RegExp(alertQueueCursorPattern).test(cursor)) return undefined;
  const [rank, ms, id] = cursor.split('_') as [string, string, string];
  return { rank: Number(rank), openedAt: new Date(Number(ms)), id };
}

/** Severity of a camera that stopped sending video: an operator must know, but it is not a risk in the scene. */
export const cameraOfflineSeverity: AlertSeverity = 'medium';

/** Severity of a camera whose stream degraded (a technical notice: what to change on the camera). */
export const cameraDegradedSeverity: AlertSeverity = 'low';

/** Severity of a recordings volume running out of space: recording, hence evidence, is about to stop. */
export const storageLowSeverity: AlertSeverity = 'high';

/** Seconds within which alerts of one camera, zone and type are grouped under the first one. */
export const alertGroupWindowS = 300;

/**
 * The group a newly opened alert joins: the group of the latest alert of the same camera, zone and type
 * opened within `alertGroupWindowS` before it, or a group of its own.
 */
export function alertGroupOf(
  opened: { id: string; openedAt: Date },
  latest: { id: string; groupId?: string; openedAt: Date } | undefined,
): string {
  if (latest === undefined || opened.openedAt.getTime() - latest.openedAt.getTime() > alertGroupWindowS * 1000)
    return opened.id;
  return latest.groupId ?? latest.id;
}
