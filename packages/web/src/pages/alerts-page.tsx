import { useCallback, useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Alert } from '../api/contract';
import { openMonitor, useMonitorBroadcast } from '../api/monitor-channel';
import { useAlerts } from '../api/use-alerts';
import { useCameras } from '../api/use-cameras';
import { useTimeZone } from '../api/use-time-zone';
import { AlertDetail } from '../components/alert-detail';
import { AlertHistory } from '../components/alert-history';
import { AlertQueue } from '../components/alert-queue';
import { AnalyticsControl } from '../components/analytics-control';
import { useI18n } from '../i18n/i18n';
import { analyticsEventTypes } from '@vigie/core/analytic-event-types';

const alertTypes = [...analyticsEventTypes, 'camera_offline', 'camera_degraded', 'storage_low'] as const;

const playbackHref = (alert: Alert) =>
  `/playback/${alert.cameraId}?from=${encodeURIComponent(alert.clip.from)}&to=${encodeURIComponent(alert.clip.to)}`;

/**
 * The alerts screen: the queue to handle (a human decides on each alert) and the history of closed ones;
 * above them, whether analytics run and their stop button. `?alert=<id>` selects an alert (a wall tile
 * opens one so), `?tab=history` shows the history. The alert selected here is shown on the detached alarm
 * monitors of this browser, which the screen opens.
 */
export function AlertsPage({ canStopAnalytics, me }: { canStopAnalytics: boolean; me: string }) {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const { alerts, error, act } = useAlerts();
  const timeZone = useTimeZone();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const tab = params.get('tab') === 'history' ? 'history' : 'queue';
  const selectedId = params.get('alert') ?? undefined;
  const select = useCallback(
    (alertId: string) =>
      navigate(`/alerts?${new URLSearchParams({ ...(tab === 'history' ? { tab } : {}), alert: alertId }).toString()}`, {
        replace: true,
      }),
    [navigate, tab],
  );
  const broadcast = useMonitorBroadcast();
  useEffect(() => {
    if (selectedId !== undefined) broadcast({ type: 'show-alert', alertId: selectedId });
  }, [selectedId, broadcast]);
  const names = new Map((cameras ?? []).map((c) => [c.id, c.name]));
  return (
    <div className="alerts-page">
      <div className="screen-head">
        <h2>{t('nav.alerts')}</h2>
        <button type="button" className="open-monitor" onClick={() => openMonitor({ kind: 'alarms' })}>
          {t('monitor.openAlarms')}
        </button>
      </div>
      <AnalyticsControl cameras={cameras ?? []} canControl={canStopAnalytics} />
      {error !== undefined && <p className="error">{error}</p>}
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'queue'} onClick={() => navigate('/alerts')}>
          {t('alerts.tab.queue')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'history'}
          onClick={() => navigate('/alerts?tab=history')}
        >
          {t('alerts.tab.history')}
        </button>
      </div>
      {tab === 'queue' ? (
        <AlertQueue
          alerts={alerts}
          cameras={cameras ?? []}
          act={act}
          playbackHref={playbackHref}
          selectedId={selectedId}
          onSelect={select}
          me={me}
          timeZone={timeZone}
        />
      ) : (
        <AlertHistory
          cameras={cameras ?? []}
          types={alertTypes}
          selectedId={selectedId}
          onSelect={select}
          timeZone={timeZone}
          detail={(alert) => (
            <HistoryDetail
              key={alert.id}
              alert={alert}
              cameraName={names.get(alert.cameraId) ?? alert.cameraId}
              me={me}
              timeZone={timeZone}
            />
          )}
        />
      )}
    </div>
  );
}

/** A closed alert of the history in the detail pane: only notes may still be added. */
function HistoryDetail(props: { alert: Alert; cameraName: string; me: string; timeZone: string }) {
  const { problem } = useI18n();
  const { act } = useAlerts();
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <AlertDetail
      {...props}
      act={async (action) => {
        const failure = await act(props.alert.id, action);
        setError(failure === undefined ? undefined : problem(failure));
        return failure === undefined;
      }}
      error={error}
      playbackHref={playbackHref(props.alert)}
    />
  );
}
