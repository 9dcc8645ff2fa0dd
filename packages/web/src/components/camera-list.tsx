import { Link } from 'wouter';
import type { Camera } from '../api/client';
import type { CameraHealth } from '../api/contract';
import { HealthSummary } from './camera-health';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/**
 * The camera registry as a table: purposes, retention and privacy masks at a glance; names link to `editHref`;
 * with `health`, each camera's measured stream health in plain words.
 */
export function CameraList({
  cameras,
  editHref,
  health,
}: {
  cameras: Camera[];
  editHref?: (id: string) => string;
  health?: Map<string, CameraHealth>;
}) {
  const { t } = useI18n();
  if (cameras.length === 0) return <p className="empty">{t('cameras.empty')}</p>;
  return (
    <table className="cameras" aria-label={t('cameras.heading')}>
      <thead>
        <tr>
          <th>{t('camera.name')}</th>
          <th>{t('camera.purposes')}</th>
          <th>{t('camera.retention')}</th>
          <th>{t('camera.masks')}</th>
          <th>{t('camera.enabled')}</th>
          <th>{t('camera.location')}</th>
          {health !== undefined && <th>{t('health.column')}</th>}
        </tr>
      </thead>
      <tbody>
        {cameras.map((camera) => (
          <tr key={camera.id} data-camera-id={camera.id}>
            <td className="name">
              {editHref === undefined ? camera.name : <Link href={editHref(camera.id)}>{camera.name}</Link>}
            </td>
            <td>{camera.purposes.map((p) => t(`purpose.${p}` as MessageKey)).join(', ')}</td>
            <td>{t('camera.retentionDays', { days: camera.retentionDays })}</td>
            <td>{camera.masks.length}</td>
            <td>{camera.enabled ? t('common.yes') : t('common.no')}</td>
            <td>
              {camera.location.lat.toFixed(4)}, {camera.location.lon.toFixed(4)}
            </td>
            {health !== undefined && (
              <td>
                <HealthSummary health={health.get(camera.id)} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
