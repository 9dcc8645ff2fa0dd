import Type, { type Static } from 'typebox';
import { accessRequestStatuses, isAnswered, type AccessRequestStatus } from './access-request.js';
import type { AuditEntry } from './audit.js';
import { addMonths, zonedDate } from './calendar.js';
import type { LegalProfile } from './legal-profile.js';

/**
 * Public accountability statistics: per camera and month, how its images were used (live views,
 * playbacks, exports by purpose) and what its alerts became (operators' verdicts); per month, how many
 * access requests were answered and how many within their deadline. Computed from the audit trail; only
 * counts leave it, never a name, an address, a reason or an id of a person.
 */

/** One camera's month. */
export const CameraMonthStatisticsSchema = Type.Object(
  {
    cameraId: Type.String(),
    month: Type.String({ description: 'YYYY-MM, in the legal profile’s time zone.' }),
    liveViews: Type.Integer(),
    playbacks: Type.Integer(),
    exportsByPurpose: Type.Record(Type.String(), Type.Integer()),
    alerts: Type.Integer({ description: 'Alerts raised.' }),
    alertVerdicts: Type.Record(Type.String(), Type.Integer(), {
      description: 'Operators’ verdicts on alerts, by qualification (true_alert, false_alarm, needs_follow_up).',
    }),
  },
  { additionalProperties: false },
);
/** One camera's month of use. */
export type CameraMonthStatistics = Static<typeof CameraMonthStatisticsSchema>;

/** One month of access requests. */
export const AccessRequestMonthStatisticsSchema = Type.Object(
  {
    month: Type.String(),
    answered: Type.Integer(),
    answeredWithinDeadline: Type.Integer(),
  },
  { additionalProperties: false },
);

/** The statistics the transparency page publishes. */
export const AccountabilityStatisticsSchema = Type.Object(
  {
    cameras: Type.Array(CameraMonthStatisticsSchema),
    accessRequests: Type.Array(AccessRequestMonthStatisticsSchema),
  },
  { additionalProperties: false },
);
/** Published statistics. */
export type AccountabilityStatistics = Static<typeof AccountabilityStatisticsSchema>;

/** The audit actions the statistics read (the service fetches only these). */
export const accountabilityActions = [
  'live.started',
  'playback.viewed',
  'export.created',
  'alert.opened',
  'alert.acted',
  'access_request.received',
  'access_request.deadline_extended',
  'access_request.status_changed',
] as const;

function text(details: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = details?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a status an access request moved to answers it. */
function answers(status: string): boolean {
  return (accessRequestStatuses as readonly string[]).includes(status) && isAnswered(status as AccessRequestStatus);
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Per camera and month, and per month for access requests, from audit entries of `accountabilityActions`. */
export function accountabilityStatistics(
  entries: readonly AuditEntry[],
  profile: LegalProfile,
): AccountabilityStatistics {
  const rows = new Map<string, CameraMonthStatistics>();
  const monthOf = (at: string) => zonedDate(new Date(at), profile.timeZone).slice(0, 7);
  const rowOf = (entry: AuditEntry): CameraMonthStatistics | undefined => {
    if (entry.cameraId === undefined) return undefined;
    const month = monthOf(entry.at);
    const key = `${entry.cameraId}|${month}`;
    const row = rows.get(key) ?? {
      cameraId: entry.cameraId,
      month,
      liveViews: 0,
      playbacks: 0,
      exportsByPurpose: {},
      alerts: 0,
      alertVerdicts: {},
    };
    rows.set(key, row);
    return row;
  };
  const deadlines = new Map<string, number>();
  // A request closed after being delivered is answered once.
  const answered = new Set<string>();
  const requests = new Map<string, { answered: number; answeredWithinDeadline: number }>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const requestId = text(entry.details, 'requestId');
    const row = entry.action.startsWith('access_request.') ? undefined : rowOf(entry);
    const action = entry.action;
    if (row !== undefined) {
      if (action === 'live.started') row.liveViews += 1;
      else if (action === 'playback.viewed') row.playbacks += 1;
      else if (action === 'export.created') bump(row.exportsByPurpose, text(entry.details, 'purpose') ?? 'unstated');
      else if (action === 'alert.opened') row.alerts += 1;
      else if (action === 'alert.acted') {
        // Only a qualification is a verdict; acknowledging, claiming, noting or escalating is not.
        const verdict = text(entry.details, 'qualification');
        if (verdict !== undefined) bump(row.alertVerdicts, verdict);
      }
      continue;
    }
    if (requestId === undefined) continue;
    const to = text(entry.details, 'to');
    if (action === 'access_request.received') {
      deadlines.set(requestId, addMonths(new Date(entry.at), profile.accessRequestDeadlineMonths).getTime());
    } else if (action === 'access_request.deadline_extended' && to !== undefined) {
      deadlines.set(requestId, Date.parse(to));
    } else if (
      action === 'access_request.status_changed' &&
      to !== undefined &&
      answers(to) &&
      !answered.has(requestId)
    ) {
      answered.add(requestId);
      const month = monthOf(entry.at);
      const counts = requests.get(month) ?? { answered: 0, answeredWithinDeadline: 0 };
      counts.answered += 1;
      const due = deadlines.get(requestId);
      if (due !== undefined && Date.parse(entry.at) <= due) counts.answeredWithinDeadline += 1;
      requests.set(month, counts);
    }
  }
  return {
    cameras: [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.cameraId.localeCompare(b.cameraId)),
    accessRequests: [...requests.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, counts]) => ({ month, ...counts })),
  };
}
