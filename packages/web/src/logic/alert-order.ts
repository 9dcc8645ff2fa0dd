import type { Alert, AlertStatus, Severity } from '../api/contract';

/** Severities from the most to the least urgent. */
export const severities: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** Which alerts the queue shows; an absent criterion lets everything through; `pending`: not closed yet. */
export interface AlertFilter {
  cameraId?: string;
  type?: string;
  status?: AlertStatus | 'pending';
}

function statusMatches(status: AlertStatus, wanted: AlertFilter['status']): boolean {
  return wanted === undefined || (wanted === 'pending' ? status !== 'closed' : status === wanted);
}

/** Orders alerts for a human: most severe first, then the oldest first (it has waited longest). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** The alerts matching a filter, in queue order. */
export function alertQueue(alerts: readonly Alert[], filter: AlertFilter): Alert[] {
  return alerts
    .filter(
      (a) =>
        (filter.cameraId === undefined || a.cameraId === filter.cameraId) &&
        (filter.type === undefined || a.type === filter.type) &&
        statusMatches(a.status, filter.status),
    )
    .sort(compareAlerts);
}

/** Adds or replaces one alert (from a push) in a list, by id. */
export function upsertAlert(alerts: readonly Alert[], alert: Alert): Alert[] {
  return [...alerts.filter((a) => a.id !== alert.id), alert];
}
