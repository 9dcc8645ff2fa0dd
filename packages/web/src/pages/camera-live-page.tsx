import { Link } from 'wouter';
import { useAlerts } from '../api/use-alerts';
import { useCameras } from '../api/use-cameras';
import { useCameraStatus } from '../api/use-camera-status';
import { videoApi } from '../api/video-api';
import { LiveTile } from '../components/live-tile';
import { PtzPanel } from '../components/ptz-panel';
import { useI18n } from '../i18n/i18n';

/** One camera's live view, opened from the map or the wall; PTZ controls under the picture of a PTZ camera. */
export function CameraLivePage({ cameraId, canSavePresets }: { cameraId: string; canSavePresets: boolean }) {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const statuses = useCameraStatus();
  const { alerts } = useAlerts();
  const camera = cameras?.find((c) => c.id === cameraId);
  if (cameras === undefined) return <p>{t('cameras.loading')}</p>;
  if (camera === undefined) return <p className="error">{t('live.unknownCamera')}</p>;
  return (
    <div className="camera-live-page">
      <p>
        <Link href="/map">{t('live.backToMap')}</Link> ·{' '}
        <Link href={`/playback/${camera.id}`}>{t('live.playback')}</Link>
      </p>
      <h2>{camera.name}</h2>
      <LiveTile
        camera={camera}
        status={statuses.get(camera.id)?.state}
        alerting={alerts.some((a) => a.cameraId === camera.id && a.status === 'open')}
        main
        startLive={videoApi.startLive}
        stopLive={videoApi.stopLive}
      />
      <PtzPanel cameraId={camera.id} canSavePresets={canSavePresets} />
    </div>
  );
}
