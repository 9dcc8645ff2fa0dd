import { useEffect, useRef, useState } from 'react';
import type { Authorisation, CameraState, LiveSession } from '../api/contract';
import type { ApiResult } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import { authorisationWarning } from '../logic/authorisation';
import { AuthorisationNotice } from './authorisation-notice';
import { attachHls } from './hls-player';
import { StatusBadge } from './status-badge';

/** Starts and stops live sessions (the console passes `videoApi.startLive` / `stopLive`). */
export interface LiveControls {
  startLive: (cameraId: string) => Promise<ApiResult<LiveSession>>;
  stopLive: (sessionId: string) => Promise<unknown>;
}

/** Props of a live tile. */
export interface LiveTileProps extends LiveControls {
  camera: { id: string; name: string; authorisation?: Authorisation };
  status?: CameraState | undefined;
  /** The camera has an open alert: the tile gets a red frame. */
  alerting?: boolean;
  /** The main tile of a wall (larger, marked). */
  main?: boolean;
  /** A promotion just brought this camera here: the frame flashes. */
  flash?: boolean;
}

const notPlayable: readonly (CameraState | undefined)[] = ['offline', 'error', 'disabled'];

/**
 * One camera's live image: starts a live session on mount (unless the camera is known to be down or its
 * prefectoral authorisation lapsed: the server refuses its images, and the tile says why), plays its HLS
 * playlist with hls.js, and stops the session on unmount. Name and state always shown.
 */
export function LiveTile({
  camera,
  status,
  alerting = false,
  main = false,
  flash = false,
  startLive,
  stopLive,
}: LiveTileProps) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const locked = authorisationWarning(camera.authorisation) === 'locked';
  const playable = !notPlayable.includes(status) && !locked;

  useEffect(() => {
    if (!playable) return;
    // Unmounting may happen while a request is in flight; read the flag through a call so each check is fresh.
    const run = { stopped: false };
    const stopped = () => run.stopped;
    let sessionId: string | undefined;
    let detach: (() => void) | undefined;
    void (async () => {
      const result = await startLive(camera.id);
      if (!result.ok) {
        if (!stopped()) setProblem(result.message);
        return;
      }
      sessionId = result.data.sessionId;
      if (stopped()) {
        void stopLive(sessionId);
        return;
      }
      setProblem(undefined);
      if (video.current === null) return;
      const attached = await attachHls(video.current, result.data.playlistUrl, {
        live: true,
        onRefused: () => setProblem(t('live.lost')),
      });
      if (stopped()) attached.detach();
      else detach = attached.detach;
    })();
    return () => {
      run.stopped = true;
      detach?.();
      if (sessionId !== undefined) void stopLive(sessionId);
    };
  }, [camera.id, playable, startLive, stopLive, t]);

  const classes = ['live-tile', main ? 'main' : '', alerting ? 'alerting' : '', flash ? 'flash' : ''].filter(Boolean);
  return (
    <figure className={classes.join(' ')} data-camera-id={camera.id} aria-label={camera.name}>
      <video ref={video} muted autoPlay playsInline aria-label={t('live.video', { name: camera.name })} />
      {locked ? (
        <div className="tile-message">
          <AuthorisationNotice authorisation={camera.authorisation} />
        </div>
      ) : (
        (!playable || problem !== undefined) && (
          <div className="tile-message">{playable ? problem : t('live.down')}</div>
        )
      )}
      {!locked && <AuthorisationNotice authorisation={camera.authorisation} />}
      <figcaption>
        <span className="name">{camera.name}</span> <StatusBadge state={status} />
        {alerting && <span className="badge alert-badge">{t('live.alert')}</span>}
      </figcaption>
    </figure>
  );
}
