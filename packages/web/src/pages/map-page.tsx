import { useCallback, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { definedOnly } from '@vigie/core/defined-only';
import type { CameraState } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { useCameraStatus } from '../api/use-camera-status';
import { useMapTileUrl } from '../api/use-console-settings';
import { CameraMap, type MapCamera } from '../components/camera-map';
import { StatusBadge } from '../components/status-badge';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { allows } from '../screens';

/** Where a camera opens from the map: its live view, else its settings, else nowhere (DPO, administrator). */
function cameraRoute(roles: readonly string[]): ((id: string) => string) | undefined {
  if (allows(roles, 'live:view')) return (id) => `/cameras/${id}/live`;
  if (allows(roles, 'camera:write')) return (id) => `/admin/cameras/${id}`;
  return undefined;
}

/** The map of cameras with their state; a camera opens its live view. */
export function MapPage({ roles }: { roles: readonly string[] }) {
  const { t } = useI18n();
  const { cameras, error } = useCameras();
  const statuses = useCameraStatus();
  const tileUrl = useMapTileUrl();
  const [, navigate] = useLocation();
  const route = cameraRoute(roles);
  const placed = useMemo<MapCamera[]>(
    () =>
      (cameras ?? []).map((c) => {
        const status = statuses.get(c.id)?.state;
        return { ...c, ...definedOnly({ status }) };
      }),
    [cameras, statuses],
  );
  const statusText = useCallback((state: CameraState) => t(`state.${state}` as MessageKey), [t]);
  return (
    <div className="map-page">
      <h2>{t('map.heading')}</h2>
      {error !== undefined && <p className="error">{t('cameras.error', { message: error })}</p>}
      <div className="map-layout">
        {tileUrl !== undefined && (
          <CameraMap
            cameras={placed}
            label={t('map.label')}
            tileUrl={tileUrl}
            statusText={statusText}
            {...(route === undefined ? {} : { onOpen: (id: string) => navigate(route(id)) })}
          />
        )}
        <ul className="map-legend" aria-label={t('map.list')}>
          {placed.map((camera) => (
            <li key={camera.id} data-camera-id={camera.id}>
              {route === undefined ? camera.name : <Link href={route(camera.id)}>{camera.name}</Link>}{' '}
              <StatusBadge state={camera.status} />
            </li>
          ))}
        </ul>
      </div>
      {tileUrl === null && <p className="hint">{t('map.offline')}</p>}
    </div>
  );
}
