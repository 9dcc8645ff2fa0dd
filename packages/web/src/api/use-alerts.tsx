import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { upsertAlert } from '../logic/alert-order';
import type { Alert, AlertAction } from './contract';
import { usePush } from './push-channel';
import { videoApi, type ApiResult } from './video-api';

/** The alerts not yet closed, kept current by pushes, and the operator's actions on them. */
export interface AlertsState {
  alerts: Alert[];
  error: string | undefined;
  /** Acts on an alert; resolves to the refusal (code and message), or undefined when done. */
  act: (alertId: string, action: AlertAction) => Promise<Extract<ApiResult<never>, { ok: false }> | undefined>;
}

const AlertsContext = createContext<AlertsState | undefined>(undefined);

function AlertsFeed({ children }: { children: ReactNode }) {
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
    if (!result.ok) return result;
    setAlerts((a) => upsertAlert(a, result.data));
    return undefined;
  }, []);
  const value = useMemo(() => ({ alerts, error, act }), [alerts, error, act]);
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

const noAlerts: AlertsState = { alerts: [], error: undefined, act: () => Promise.resolve(undefined) };

/**
 * Loads open and acknowledged alerts once for the whole console and follows `alert.opened` /
 * `alert.updated` pushes, so every screen (navigation count, wall, queue, sound) sees the same list.
 * Roles that may not read alerts get an empty list and no request.
 */
export function AlertsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  return enabled ? (
    <AlertsFeed>{children}</AlertsFeed>
  ) : (
    <AlertsContext.Provider value={noAlerts}>{children}</AlertsContext.Provider>
  );
}

/** The console's alerts and the actions on them (inside <AlertsProvider>). */
export function useAlerts(): AlertsState {
  const value = useContext(AlertsContext);
  if (value === undefined) throw new Error('useAlerts must be used inside <AlertsProvider>');
  return value;
}
