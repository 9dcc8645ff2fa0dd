import type { Alert } from '../api/contract';

/** What a detached monitor shows: the alarm monitor, or one of the operator's saved walls by name. */
export type MonitorView = { kind: 'alarms' } | { kind: 'layout'; name: string };

/** The console address of a detached monitor. */
export function monitorPath(view: MonitorView): string {
  return view.kind === 'alarms' ? '/monitor?view=alarms' : `/monitor?${new URLSearchParams({ layout: view.name })}`;
}

/** The monitor a `/monitor` query asks for (`?layout=<name>`, else the alarm monitor). */
export function parseMonitorView(search: string): MonitorView {
  const name = new URLSearchParams(search).get('layout')?.trim();
  return name === undefined || name === '' ? { kind: 'alarms' } : { kind: 'layout', name };
}

/** The window name of a monitor: opening the same monitor again reuses its window instead of stacking copies. */
export function monitorWindowName(view: MonitorView): string {
  return view.kind === 'alarms' ? 'vigie-monitor-alarms' : `vigie-monitor-layout-${encodeURIComponent(view.name)}`;
}

/** The name of the BroadcastChannel the console's windows share (one origin, so one session). */
export const monitorChannelName = 'vigie.monitor';

/** A message from the main window to its monitors: show this alert (the operator selected it). */
export interface ShowAlertMessage {
  type: 'show-alert';
  alertId: string;
}

/** Whether a message received on the channel is one this console sends (anything else is ignored). */
export function isShowAlertMessage(data: unknown): data is ShowAlertMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'show-alert' &&
    typeof (data as { alertId?: unknown }).alertId === 'string'
  );
}

/** An alert the operator chose to look at (on the monitor or in the main window), and when (ms since epoch). */
export interface MonitorPin {
  alertId: string;
  at: number;
}

const newestFirst = (a: Alert, b: Alert) => Date.parse(b.openedAt) - Date.parse(a.openedAt) || a.id.localeCompare(b.id);

/**
 * The alert whose camera the alarm monitor shows: the one the operator chose, while it is pending and no
 * alert opened after the choice; otherwise the newest alert nobody acknowledged, else the newest pending one.
 */
export function monitorAlert(alerts: readonly Alert[], pin?: MonitorPin): Alert | undefined {
  const pending = alerts.filter((a) => a.status !== 'closed').sort(newestFirst);
  const newestOpen = pending.find((a) => a.status === 'open');
  if (pin !== undefined) {
    const pinned = pending.find((a) => a.id === pin.alertId);
    if (pinned !== undefined && (newestOpen === undefined || Date.parse(newestOpen.openedAt) <= pin.at)) return pinned;
  }
  return newestOpen ?? pending[0];
}
