import { useEffect, useMemo, useRef, useState } from 'react';
import type { Alert, Authorisation, CameraState } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
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
}

function beep(): void {
  const audio = new AudioContext();
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = 880;
  gain.gain.setValueAtTime(0.2, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.6);
  tone.connect(gain).connect(audio.destination);
  tone.start();
  tone.stop(audio.currentTime + 0.6);
  tone.onended = () => void audio.close();
}

/**
 * The video wall: 1, 4, 9 or 16 live tiles. An open alert promotes its camera to the main tile with a
 * flash, an announcement and (if chosen) a tone, but never under the operator's hands: while a dialog is
 * open or within `quietSeconds` of their last action the promotion waits in a queue.
 */
export function LiveWall({ cameras, alerts, initialLayout = 4, quietSeconds = 8, startLive, stopLive }: LiveWallProps) {
  const { t } = useI18n();
  const [layout, setLayout] = useState<WallLayout>(initialLayout);
  const [sound, setSound] = useState(false);
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

  const latest = useRef({ promotion, sound, cameras });
  useEffect(() => {
    latest.current = { promotion, sound, cameras };
  });
  useEffect(() => {
    const timer = setInterval(() => {
      const activity = {
        dialogOpen: document.querySelector('dialog[open], [role="dialog"], [aria-modal="true"]') !== null,
        lastInteractionAt: lastInteraction.current,
      };
      const { state, promoted } = promoteNext(latest.current.promotion, {
        activity,
        now: Date.now(),
        quietMs: quietSeconds * 1000,
      });
      if (promoted === undefined) return;
      setPromotion(state);
      setFlashing(promoted.cameraId);
      const name = latest.current.cameras.find((c) => c.id === promoted.cameraId)?.name ?? promoted.cameraId;
      setAnnouncement(t('wall.promoted', { name, type: t(`alertType.${promoted.type}` as MessageKey) }));
      if (latest.current.sound) beep();
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
        <label className="checkbox">
          <input type="checkbox" checked={sound} onChange={(e) => setSound(e.target.checked)} />
          {t('wall.sound')}
        </label>
        {promotion.queue.length > 0 && (
          <span className="queued" role="status">
            {t('wall.queued', { count: promotion.queue.length })}
          </span>
        )}
      </div>
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
              startLive={startLive}
              stopLive={stopLive}
            />
          );
        })}
      </div>
    </div>
  );
}
