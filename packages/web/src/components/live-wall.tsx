import { useEffect, useMemo, useRef, useState } from 'react';
import type { Alert, Authorisation, CameraState } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { compareAlerts } from '../logic/alert-order';
import {
  arrangeTiles,
  initialPromotion,
  promoteNext,
  queueAlerts,
  wallLayouts,
  type WallLayout,
} from '../logic/wall-promotion';
import { LiveTile, type LiveControls } from './live-tile';

/** A camera the wall can show. */
export interface WallCamera {
  id: string;
  name: string;
  status?: CameraState | undefined;
  authorisation?: Authorisation;
}

/** Props of the live wall. */
export interface LiveWallProps extends LiveControls {
  cameras: readonly WallCamera[];
  /** Current alerts (any status); open ones on wall cameras promote their camera. */
  alerts: readonly Alert[];
  initialLayout?: WallLayout;
  /** Seconds without interaction before the wall may rearrange itself. */
  quietSeconds?: number;
  /** Opens the newest open alert of a camera (a click on its alerting tile). */
  onOpenAlert?: (alert: Alert) => void;
}

/**
 * The video wall: 1, 4, 9 or 16 live tiles. An open alert promotes its camera to the main tile with a
 * flash and an announcement (the console's alert sound rings), but never under the operator's hands:
 * while a dialog is open or within `quietSeconds` of their last action the promotion waits, and the wall
 * says so with a countdown and a button to show it now. A click on an alerting tile opens its alert.
 */
export function LiveWall({
  cameras,
  alerts,
  initialLayout = 4,
  quietSeconds = 8,
  onOpenAlert,
  startLive,
  stopLive,
}: LiveWallProps) {
  const { t } = useI18n();
  const [layout, setLayout] = useState<WallLayout>(initialLayout);
  const [waitMs, setWaitMs] = useState(0);
  const forced = useRef(false);
  const [promotion, setPromotion] = useState(initialPromotion);
  const [announcement, setAnnouncement] = useState('');
  const [flashing, setFlashing] = useState<string | undefined>(undefined);
  const lastInteraction = useRef<number | undefined>(undefined);
  const cameraIds = useMemo(() => cameras.map((c) => c.id), [cameras]);

  useEffect(() => {
    const mark = () => (lastInteraction.current = Date.now());
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) document.addEventListener(e, mark, { capture: true, passive: true });
    return () => {
      for (const e of events) document.removeEventListener(e, mark, { capture: true });
    };
  }, []);

  useEffect(() => setPromotion((state) => queueAlerts(state, alerts, cameraIds)), [alerts, cameraIds]);

  const latest = useRef({ promotion, cameras });
  useEffect(() => {
    latest.current = { promotion, cameras };
  });
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      const activity = {
        dialogOpen: document.querySelector('dialog[open], [role="dialog"], [aria-modal="true"]') !== null,
        lastInteractionAt: forced.current ? undefined : lastInteraction.current,
      };
      forced.current = false;
      const { state, promoted } = promoteNext(latest.current.promotion, {
        activity,
        now,
        quietMs: quietSeconds * 1000,
      });
      setWaitMs(
        activity.lastInteractionAt === undefined
          ? 0
          : Math.max(0, activity.lastInteractionAt + quietSeconds * 1000 - now),
      );
      if (promoted === undefined) return;
      setPromotion(state);
      setFlashing(promoted.cameraId);
      const name = latest.current.cameras.find((c) => c.id === promoted.cameraId)?.name ?? promoted.cameraId;
      setAnnouncement(t('wall.promoted', { name, type: t(`alertType.${promoted.type}` as MessageKey) }));
    }, 500);
    return () => clearInterval(timer);
  }, [quietSeconds, t]);

  useEffect(() => {
    if (flashing === undefined) return;
    const timer = setTimeout(() => setFlashing(undefined), 4000);
    return () => clearTimeout(timer);
  }, [flashing]);

  const alerting = new Set(alerts.filter((a) => a.status === 'open').map((a) => a.cameraId));
  const shown = arrangeTiles(cameraIds, promotion.mainCameraId, layout);
  const byId = new Map(cameras.map((c) => [c.id, c]));
  const waiting = promotion.queue[0];
  const newestOpen = (cameraId: string) =>
    alerts.filter((a) => a.status === 'open' && a.cameraId === cameraId).sort(compareAlerts)[0];

  return (
    <div className="live-wall">
      <div className="wall-controls">
        <fieldset>
          <legend>{t('wall.layout')}</legend>
          {wallLayouts.map((n) => (
            <label key={n} className="layout-choice">
              <input type="radio" name="wall-layout" checked={layout === n} onChange={() => setLayout(n)} />
              {n}
            </label>
          ))}
        </fieldset>
      </div>
      {waiting !== undefined && waitMs > 0 && (
        <p className="promotion-waiting" role="status">
          {t('wall.waiting', {
            name: byId.get(waiting.cameraId)?.name ?? waiting.cameraId,
            seconds: Math.ceil(waitMs / 1000),
          })}{' '}
          <button
            type="button"
            onClick={() => {
              forced.current = true;
            }}
          >
            {t('wall.showNow')}
          </button>
        </p>
      )}
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      <div className={`wall-grid layout-${layout}`}>
        {shown.map((id, index) => {
          const camera = byId.get(id);
          return camera === undefined ? null : (
            <LiveTile
              key={id}
              camera={camera}
              status={camera.status}
              alerting={alerting.has(id)}
              main={index === 0 && id === promotion.mainCameraId}
              flash={flashing === id}
              onOpenAlert={
                onOpenAlert === undefined
                  ? undefined
                  : () => {
                      const alert = newestOpen(id);
                      if (alert !== undefined) onOpenAlert(alert);
                    }
              }
              startLive={startLive}
              stopLive={stopLive}
            />
          );
        })}
      </div>
    </div>
  );
}
