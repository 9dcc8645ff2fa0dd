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

/** Orders alerts for a human: most severe first, then the newest first (what happens now matters most). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    severities.indexOf(a.severity) - severities.indexOf(b.severity) ||
    Date.parse(b.openedAt) - Date.parse(a.openedAt) ||
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

/** How many alerts nobody has acknowledged yet, and the severity of the most severe of them. */
export function openAlertCount(alerts: readonly Alert[]): { count: number; severity: Severity | undefined } {
  const open = alerts.filter((a) => a.status === 'open').sort(compareAlerts);
  return { count: open.length, severity: open[0]?.severity };
}
