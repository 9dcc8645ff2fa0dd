import { useMemo } from 'react';
import { useLocation } from 'wouter';
import { useConnectionLost } from '../api/push-channel';
import { useAlerts } from '../api/use-alerts';
import { useCameras } from '../api/use-cameras';
import { useCameraStatus } from '../api/use-camera-status';
import { openMonitor } from '../api/monitor-channel';
import { videoApi } from '../api/video-api';
import { LiveWall } from '../components/live-wall';
import { useI18n } from '../i18n/i18n';

/** The operator's video wall over the cameras they may see, promoted by open alerts; it opens detached monitors. */
export function WallPage({ canReadAlerts }: { canReadAlerts: boolean }) {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const statuses = useCameraStatus();
  const { alerts, error } = useAlerts();
  const lost = useConnectionLost();
  const [, navigate] = useLocation();
  const wall = useMemo(
    () =>
      (cameras ?? [])
        .filter((c) => c.enabled)
        .map((c) => ({
          id: c.id,
          name: c.name,
          site: c.site,
          status: statuses.get(c.id)?.state,
          authorisation: c.authorisation,
        })),
    [cameras, statuses],
  );
  return (
    <div className="wall-page">
      <h2 className="sr-only">{t('nav.wall')}</h2>
      {lost && (
        <p className="connection-lost" role="alert">
          {t('wall.connectionLost')}
        </p>
      )}
      {error !== undefined && <p className="error">{error}</p>}
      {cameras === undefined ? (
        <p>{t('cameras.loading')}</p>
      ) : cameras.length === 0 ? (
        <p className="notice empty-state">{t('wall.noCamera')}</p>
      ) : wall.length === 0 ? (
        <p className="notice empty-state">{t('wall.noCameraEnabled')}</p>
      ) : (
        <LiveWall
          cameras={wall}
          alerts={alerts}
          onOpenAlert={(alert) => navigate(`/alerts?alert=${alert.id}`)}
          layouts={videoApi}
          onOpenAlarmMonitor={canReadAlerts ? () => openMonitor({ kind: 'alarms' }) : undefined}
          startLive={videoApi.startLive}
          stopLive={videoApi.stopLive}
        />
      )}
    </div>
  );
}
