import { Link } from 'wouter';
import type { CameraHealth } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { useCameraHealth } from '../components/camera-health';
import { CameraList } from '../components/camera-list';
import { useI18n } from '../i18n/i18n';

/** The camera registry for supervisors: every camera, a link to edit each, and one to add a camera. */
export function CameraAdminPage() {
  const { t } = useI18n();
  const { cameras, error, connected } = useCameras();
  const health = useCameraHealth();
  return (
    <>
      <span className={connected ? 'status live' : 'status offline'} role="status">
        {connected ? t('status.live') : t('status.offline')}
      </span>
      <h2>
        {t('cameras.heading')}
        {cameras && <small> — {t('cameras.count', { count: cameras.length })}</small>}
      </h2>
      <p>
        <Link href="/admin/cameras/new" className="button">
          {t('cameras.add')}
        </Link>{' '}
        <Link href="/admin/cameras/discover" className="button">
          {t('onvif.open')}
        </Link>
      </p>
      {error && <p className="error">{t('cameras.error', { message: error })}</p>}
      {cameras === undefined ? (
        <p>{t('cameras.loading')}</p>
      ) : (
        <CameraList
          cameras={cameras}
          editHref={(id) => `/admin/cameras/${id}`}
          health={health ?? new Map<string, CameraHealth>()}
        />
      )}
    </>
  );
}
