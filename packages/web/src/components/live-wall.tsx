import { wallGrids, type WallGrid } from '@vigie/core/wall-tour';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Alert, Authorisation, CameraState, SavedWall } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { compareAlerts } from '../logic/alert-order';
import {
  addToTour,
  clearTile,
  defaultDwellS,
  placeCamera,
  resizeWall,
  setDwell,
  tilesAt,
  tileStream,
  type WallDraft,
} from '../logic/wall-draft';
import { initialPromotion, nextPromotion, promoteNext, queueAlerts } from '../logic/wall-promotion';
import { CameraTree, cameraDragType } from './camera-tree';
import { LiveTile, type LiveControls } from './live-tile';
import { WallLayoutsBar, type WallLayoutStore } from './wall-layouts-bar';

/** A camera the wall can show. */
export interface WallCamera {
  id: string;
  name: string;
  /** The site or group the camera tree files it under. */
  site?: string | undefined;
  status?: CameraState | undefined;
  authorisation?: Authorisation;
}

/** Props of the live wall. */
export interface LiveWallProps extends LiveControls {
  cameras: readonly WallCamera[];
  /** Current alerts (any status); open ones on wall cameras promote their camera. */
  alerts: readonly Alert[];
  initialGrid?: WallGrid;
  /** Seconds without interaction before the wall may rearrange itself. */
  quietSeconds?: number;
  /** Opens the newest open alert of a camera (a click on its alerting tile). */
  onOpenAlert?: (alert: Alert) => void;
  /** Where the operator's walls are saved. */
  layouts: WallLayoutStore;
  /** Opens the alarm monitor in a second window (absent for roles that may not read alerts). */
  onOpenAlarmMonitor?: (() => void) | undefined;
}

/** How long a touring tile may stay on each camera, in seconds (within the server's limits). */
const dwellChoicesS = [5, 10, 15, 30, 60, 120, 300] as const;

/** Keys of the wall's tiles: a camera's id where it is shown once, so a reordered camera keeps its stream. */
export function tileKeys(shown: readonly (string | undefined)[]): string[] {
  const seen = new Map<string, number>();
  return shown.map((id, index) => {
    if (id === undefined) return `empty:${index}`;
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    return count === 0 ? id : `${id}#${count}`;
  });
}

/**
 * The video wall: a camera tree beside 1, 4, 9 or 16 tiles. The operator drags cameras onto tiles (or
 * makes a tile a tour cycling through several), double-clicks a tile to enlarge it and back, and saves
 * walls by name. An open alert promotes its camera to the first tile with a flash and an announcement,
 * but never under the operator's hands: while a dialog is open or within `quietSeconds` of their last
 * action the promotion waits, and the wall says so with a countdown and a button to show it now. A click
 * on an alerting tile opens its alert.
 */
export function LiveWall({
  cameras,
  alerts,
  initialGrid = 4,
  quietSeconds = 8,
  onOpenAlert,
  layouts,
  onOpenAlarmMonitor,
  startLive,
  stopLive,
}: LiveWallProps) {
  const { t } = useI18n();
  const cameraIds = useMemo(() => cameras.map((c) => c.id), [cameras]);
  const [draft, setDraft] = useState<WallDraft>(() => resizeWall([], initialGrid, cameraIds));
  const [selected, setSelected] = useState(0);
  const [enlarged, setEnlarged] = useState<number | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  const [waitMs, setWaitMs] = useState(0);
  const forced = useRef(false);
  const [promotion, setPromotion] = useState(initialPromotion);
  const [announcement, setAnnouncement] = useState('');
  const [flashing, setFlashing] = useState<string | undefined>(undefined);
  const lastInteraction = useRef<number | undefined>(undefined);

  useEffect(() => {
    const mark = () => (lastInteraction.current = Date.now());
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const e of events) document.addEventListener(e, mark, { capture: true, passive: true });
    return () => {
      for (const e of events) document.removeEventListener(e, mark, { capture: true });
    };
  }, []);

  useEffect(() => {
    if (enlarged === undefined) return;
    const back = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setEnlarged(undefined);
    };
    document.addEventListener('keydown', back);
    return () => document.removeEventListener('keydown', back);
  }, [enlarged]);

  // Tours move on with the clock (every screen showing the same wall agrees on the camera).
  const touring = draft.tiles.some((tile) => tile.cameraIds.length > 1);
  useEffect(() => {
    if (!touring) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [touring]);

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
      setEnlarged(undefined);
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

  const openSaved = useCallback((wall: SavedWall) => {
    setDraft(resizeWall(wall.tiles, wall.grid, []));
    setSelected(0);
    setEnlarged(undefined);
  }, []);

  const alerting = new Set(alerts.filter((a) => a.status === 'open').map((a) => a.cameraId));
  const shown = tilesAt(draft, now, promotion.mainCameraId);
  const keys = tileKeys(shown);
  const byId = new Map(cameras.map((c) => [c.id, c]));
  // Only an alert that will take the main tile once the operator stops acting is announced as waiting.
  const waiting = nextPromotion(promotion);
  const newestOpen = (cameraId: string) =>
    alerts.filter((a) => a.status === 'open' && a.cameraId === cameraId).sort(compareAlerts)[0];
  const selectedTile = draft.tiles[selected];
  const drop = (index: number) => (event: DragEvent) => {
    const id = event.dataTransfer.getData(cameraDragType);
    if (id === '') return;
    event.preventDefault();
    setDraft((d) => (event.shiftKey ? addToTour(d, index, id) : placeCamera(d, index, id)));
    setSelected(index);
  };
  const visible = shown.map((_, index) => index).filter((index) => enlarged === undefined || enlarged === index);

  return (
    <div className="live-wall">
      <CameraTree
        cameras={cameras}
        selectedTile={selected + 1}
        onPlace={(id) => setDraft((d) => placeCamera(d, selected, id))}
        onAddToTour={(id) => setDraft((d) => addToTour(d, selected, id))}
      />
      <div className="wall-main">
        <div className="wall-controls">
          <fieldset>
            <legend>{t('wall.layout')}</legend>
            {wallGrids.map((n) => (
              <label key={n} className="layout-choice">
                <input
                  type="radio"
                  name="wall-layout"
                  checked={draft.grid === n}
                  onChange={() => {
                    setDraft((d) => resizeWall(d.tiles, n, cameraIds));
                    setSelected((s) => Math.min(s, n - 1));
                    setEnlarged(undefined);
                  }}
                />
                {n}
              </label>
            ))}
          </fieldset>
          <WallLayoutsBar store={layouts} draft={draft} onOpen={openSaved} />
          {onOpenAlarmMonitor !== undefined && (
            <button type="button" className="open-monitor" onClick={onOpenAlarmMonitor}>
              {t('monitor.openAlarms')}
            </button>
          )}
          {selectedTile !== undefined && (
            <div className="tile-tools" aria-label={t('wall.tileLabel', { index: selected + 1 })} role="group">
              <strong>{t('wall.tileLabel', { index: selected + 1 })}</strong>
              {selectedTile.cameraIds.length > 1 && (
                <>
                  <span className="tour-summary">
                    {t('wall.tourOf', {
                      count: selectedTile.cameraIds.length,
                      seconds: selectedTile.dwellS ?? defaultDwellS,
                    })}
                  </span>
                  <label>
                    {t('wall.tourDwell')}
                    <select
                      value={selectedTile.dwellS ?? defaultDwellS}
                      onChange={(e) => setDraft((d) => setDwell(d, selected, Number(e.target.value)))}
                    >
                      {dwellChoicesS.map((seconds) => (
                        <option key={seconds} value={seconds}>
                          {seconds}
                        </option>
                      ))}
                    </select>
                  </label>
                </>
              )}
              <button
                type="button"
                disabled={selectedTile.cameraIds.length === 0}
                onClick={() => setDraft((d) => clearTile(d, selected))}
              >
                {t('wall.clearTile')}
              </button>
            </div>
          )}
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
        {enlarged !== undefined && (
          <p className="hint" role="status">
            {t('wall.enlarged')}
          </p>
        )}
        <p className="sr-only" aria-live="assertive">
          {announcement}
        </p>
        <div className={`wall-grid layout-${enlarged === undefined ? draft.grid : 1}`}>
          {visible.map((index) => {
            const id = shown[index];
            const camera = id === undefined ? undefined : byId.get(id);
            const tour = draft.tiles[index]?.cameraIds.length ?? 0;
            return (
              <div
                key={keys[index]}
                className={['wall-slot', index === selected ? 'selected' : '', camera ? '' : 'empty']
                  .filter(Boolean)
                  .join(' ')}
                data-tile={index + 1}
                aria-label={t('wall.tileLabel', { index: index + 1 })}
                onClick={() => setSelected(index)}
                onDoubleClick={() => setEnlarged((e) => (e === undefined ? index : undefined))}
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes(cameraDragType)) e.preventDefault();
                }}
                onDrop={drop(index)}
              >
                {camera === undefined ? (
                  <p className="tile-message">{t('wall.emptyTile')}</p>
                ) : (
                  <LiveTile
                    camera={camera}
                    status={camera.status}
                    alerting={alerting.has(camera.id)}
                    main={index === 0 && camera.id === promotion.mainCameraId}
                    flash={flashing === camera.id}
                    tour={tour > 1 ? t('wall.tour') : undefined}
                    stream={tileStream(draft.grid, enlarged !== undefined)}
                    onOpenAlert={
                      onOpenAlert === undefined
                        ? undefined
                        : () => {
                            const alert = newestOpen(camera.id);
                            if (alert !== undefined) onOpenAlert(alert);
                          }
                    }
                    startLive={startLive}
                    stopLive={stopLive}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
