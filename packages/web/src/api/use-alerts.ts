import { useCallback, useState } from 'react';
import { upsertAlert } from '../logic/alert-order';
import type { Alert, AlertAction } from './contract';
import { usePush } from './push-channel';
import { videoApi } from './video-api';

/** The alerts not yet closed, kept current by pushes, and the operator's actions on them. */
export interface AlertsState {
  alerts: Alert[];
  error: string | undefined;
  /** Acts on an alert; resolves to an error message, or undefined when done. */
  act: (alertId: string, action: AlertAction) => Promise<string | undefined>;
}

/** Loads open and acknowledged alerts, then follows `alert.opened` / `alert.updated` pushes. */
export function useAlerts(): AlertsState {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    void Promise.all([videoApi.alerts({ status: 'open' }), videoApi.alerts({ status: 'acknowledged' })]).then(
      ([open, acknowledged]) => {
        if (open.ok && acknowledged.ok) {
          setAlerts([...open.data, ...acknowledged.data]);
          setError(undefined);
        } else setError(open.ok ? (acknowledged.ok ? undefined : acknowledged.message) : open.message);
      },
    );
  }, []);
  usePush((event) => {
    if (event.type === 'alert.opened' || event.type === 'alert.updated') setAlerts((a) => upsertAlert(a, event.alert));
  }, load);
  const act = useCallback(async (alertId: string, action: AlertAction) => {
    const result = await videoApi.actOnAlert(alertId, action);
    if (!result.ok) return result.message;
    setAlerts((a) => upsertAlert(a, result.data));
    return undefined;
  }, []);
  return { alerts, error, act };
}
