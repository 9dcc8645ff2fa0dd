import { eventSeverity, type Alert, type AnalyticsEvent } from '@vigie/core';

/**
 * Turns events into alerts with de-duplication: per camera/zone/type key, an event within `cooldownS`
 * of the key's last alert only bumps that alert's occurrence count. Counts never become alerts.
 */
export class AlertPolicy {
  private readonly open = new Map<string, Alert>();

  constructor(private readonly options: { cameraId: string; cooldownS: number }) {}

  /** A new alert for the event, or undefined when it was merged into a recent one (or is a count). */
  offer(event: AnalyticsEvent): Alert | undefined {
    if (event.type === 'people_count') return undefined;
    const key = `${this.options.cameraId}/${event.zoneId ?? '-'}/${event.type}`;
    const previous = this.open.get(key);
    if (previous !== undefined && event.t - previous.firstT < this.options.cooldownS * 1000) {
      previous.lastT = event.t;
      previous.occurrences++;
      return undefined;
    }
    const alert: Alert = {
      key,
      cameraId: this.options.cameraId,
      type: event.type,
      severity: eventSeverity[event.type],
      ...(event.zoneId === undefined ? {} : { zoneId: event.zoneId }),
      firstT: event.t,
      lastT: event.t,
      occurrences: 1,
      ...(event.region === undefined ? {} : { region: event.region }),
      reason: event.reason,
    };
    this.open.set(key, alert);
    return alert;
  }
}
