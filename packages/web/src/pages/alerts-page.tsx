import { useAlerts } from '../api/use-alerts';
import { useCameras } from '../api/use-cameras';
import { AlertQueue } from '../components/alert-queue';
import { AnalyticsControl } from '../components/analytics-control';
import { useI18n } from '../i18n/i18n';

/** The alert queue: a human decides on each alert; above it, whether analytics run and their stop button. */
export function AlertsPage({ canStopAnalytics }: { canStopAnalytics: boolean }) {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const { alerts, error, act } = useAlerts();
  return (
    <div className="alerts-page">
      <h2>{t('nav.alerts')}</h2>
      <AnalyticsControl cameras={cameras ?? []} canControl={canStopAnalytics} />
      {error !== undefined && <p className="error">{error}</p>}
      <AlertQueue
        alerts={alerts}
        cameras={cameras ?? []}
        onAct={act}
        playbackHref={(alert) =>
          `/playback/${alert.cameraId}?from=${encodeURIComponent(alert.clip.from)}&to=${encodeURIComponent(alert.clip.to)}`
        }
      />
    </div>
  );
}
