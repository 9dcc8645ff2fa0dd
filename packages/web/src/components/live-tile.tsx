import { useEffect, useRef, useState } from 'react';
import type { Authorisation, CameraState, LiveSession } from '../api/contract';
import type { ApiResult } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import { authorisationWarning } from '../logic/authorisation';
import { AuthorisationNotice } from './authorisation-notice';
import { reconnectDelayMs, useServerReturn } from '../api/push-channel';
import { attachHls } from './hls-player';
import { attachStream, canPlayStreams, unsupportedCodec } from './mse-player';
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
  /** Opens the camera's alert (a click on an alerting tile). */
  onOpenAlert?: (() => void) | undefined;
  /** The tile is a tour cycling through cameras: this label is shown beside the name. */
  tour?: string | undefined;
  /** The camera's stream to show: sub on small tiles (the server sends the main one to a camera without), else main. */
  stream?: 'main' | 'sub';
}

const notPlayable: readonly (CameraState | undefined)[] = ['offline', 'error', 'disabled'];
/** While the console has lost the server, a tile waits for the push channel's news of its return, or this long. */
const lostServerRetryMs = 15_000;
/** On the server's return, tiles reconnect within this spread, not all in the same instant. */
const returnJitterMs = 500;

/**
 * One camera's live image: starts a live session on mount (unless the camera is known to be down or its
 * prefectoral authorisation lapsed: the server refuses its images, and the tile says why), plays its
 * low-latency stream through Media Source Extensions (else its HLS playlist with hls.js), and stops the
 * session on unmount. When the stream breaks (server restart, network, a stream silent for 5 s) the tile is
 * marked stale and reconnects by itself with jittered backoff; while the whole server is lost it waits for
 * the push channel to find it again, then reconnects at once. Name and state always shown.
 */
export function LiveTile({
  camera,
  status,
  alerting = false,
  main = false,
  flash = false,
  onOpenAlert,
  tour,
  stream = 'main',
  startLive,
  stopLive,
}: LiveTileProps) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [link, setLink] = useState<'connecting' | 'live' | 'stale'>('connecting');
  const locked = authorisationWarning(camera.authorisation) === 'locked';
  const playable = !notPlayable.includes(status) && !locked;
  const serverReturned = useRef<() => void>(() => undefined);
  const serverUp = useServerReturn(() => serverReturned.current());

  useEffect(() => {
    if (!playable) return;
    // Unmounting may happen while a request is in flight; read the flag through a call so each check is fresh.
    const run = { stopped: false };
    const stopped = () => run.stopped;
    let sessionId: string | undefined;
    let detach: (() => void) | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let hlsOnly = false;
    const release = () => {
      detach?.();
      detach = undefined;
      if (sessionId !== undefined) void stopLive(sessionId).catch(() => undefined);
      sessionId = undefined;
    };
    let waiting = false;
    const retryIn = (delayMs: number) => {
      clearTimeout(retry);
      waiting = true;
      retry = setTimeout(() => void connect(), delayMs);
    };
    // The image froze (server or network gone, stream ended): say so, and try again with jittered backoff.
    const again = () => {
      release();
      if (stopped()) return;
      setLink('stale');
      attempt += 1;
      retryIn(serverUp() === false ? lostServerRetryMs : reconnectDelayMs(attempt));
    };
    serverReturned.current = () => {
      if (waiting) retryIn(Math.random() * returnJitterMs);
    };
    const connect = async () => {
      waiting = false;
      let result;
      try {
        result = await startLive(camera.id);
      } catch {
        again(); // the server cannot be reached
        return;
      }
      if (stopped()) {
        if (result.ok) void stopLive(result.data.sessionId).catch(() => undefined);
        return;
      }
      if (!result.ok) {
        // A refusal (camera withdrawn, images locked) is said on the tile; anything else is retried.
        if (result.status >= 400 && result.status < 500) setProblem(result.message);
        else again();
        return;
      }
      sessionId = result.data.sessionId;
      setProblem(undefined);
      const element = video.current;
      if (element === null) return;
      const streamUrl = result.data.streamUrl;
      if (streamUrl !== undefined && !hlsOnly && canPlayStreams()) {
        detach = attachStream(element, stream === 'sub' ? `${streamUrl}?stream=sub` : streamUrl, {
          onPicture: () => {
            attempt = 0;
            setLink('live');
          },
          onEnd: (end) => {
            if (end.code === unsupportedCodec) hlsOnly = true;
            again();
          },
        }).detach;
        return;
      }
      const attached = await attachHls(element, result.data.playlistUrl, { live: true, onRefused: () => again() });
      if (stopped()) attached.detach();
      else {
        detach = attached.detach;
        setLink('live');
      }
    };
    setLink('connecting');
    void connect();
    return () => {
      run.stopped = true;
      serverReturned.current = () => undefined;
      clearTimeout(retry);
      release();
    };
  }, [camera.id, playable, stream, startLive, stopLive, serverUp]);

  const stale = playable && problem === undefined && link === 'stale';
  const classes = [
    'live-tile',
    main ? 'main' : '',
    alerting ? 'alerting' : '',
    flash ? 'flash' : '',
    stale ? 'stale' : '',
  ].filter(Boolean);
  return (
    <figure
      className={classes.join(' ')}
      data-camera-id={camera.id}
      aria-label={camera.name}
      onClick={alerting ? onOpenAlert : undefined}
    >
      <video ref={video} muted autoPlay playsInline aria-label={t('live.video', { name: camera.name })} />
      {locked ? (
        <div className="tile-message">
          <AuthorisationNotice authorisation={camera.authorisation} />
        </div>
      ) : (
        (!playable || problem !== undefined || stale) && (
          <div className="tile-message" role={stale ? 'status' : undefined}>
            {!playable ? t('live.down') : (problem ?? t('live.stale'))}
          </div>
        )
      )}
      {!locked && <AuthorisationNotice authorisation={camera.authorisation} />}
      <figcaption>
        <span className="name">{camera.name}</span>{' '}
        {tour !== undefined && <span className="badge tour-badge">{tour}</span>}
        {stale ? <span className="badge state-stale">{t('live.staleBadge')}</span> : <StatusBadge state={status} />}
        {alerting &&
          (onOpenAlert === undefined ? (
            <span className="badge alert-badge">{t('live.alert')}</span>
          ) : (
            <button
              type="button"
              className="badge alert-badge"
              title={t('wall.openAlert')}
              aria-label={`${t('live.alert')} — ${t('wall.openAlert')}`}
              onClick={(event) => {
                event.stopPropagation();
                onOpenAlert();
              }}
            >
              {t('live.alert')}
            </button>
          ))}
      </figcaption>
    </figure>
  );
}
