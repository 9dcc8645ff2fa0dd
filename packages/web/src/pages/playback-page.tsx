import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import type { ExportResult, Recordings } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { notAvailableYet, videoApi } from '../api/video-api';
import { ExportDialog, minReasonLength } from '../components/export-dialog';
import { attachHls, type HlsAttachment } from '../components/hls-player';
import { NotAvailable } from '../components/not-available';
import { PlaybackTimeline, type TimelineEvent } from '../components/playback-timeline';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { mediaTimeAt, wallTimeAt } from '../logic/timeline';

const hour = 3_600_000;

function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Plays back a camera's recordings (reason required, audited), with its timeline and the export of a clip. */
export function PlaybackPage({ cameraId: initialCamera }: { cameraId?: string }) {
  const { t } = useI18n();
  const search = new URLSearchParams(useSearch());
  const { cameras } = useCameras();
  const [cameraId, setCameraId] = useState(initialCamera ?? '');
  const [window, setWindow] = useState(() => {
    const from = Date.parse(search.get('from') ?? '');
    const to = Date.parse(search.get('to') ?? '');
    return Number.isNaN(from) || Number.isNaN(to)
      ? { from: Date.now() - hour, to: Date.now() }
      : { from: from - 60_000, to: to + 60_000 };
  });
  const [reason, setReason] = useState('');
  const [recordings, setRecordings] = useState<Recordings | undefined>(undefined);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [playlist, setPlaylist] = useState<string | undefined>(undefined);
  const [position, setPosition] = useState(window.from);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [unavailable, setUnavailable] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportResult | undefined>(undefined);
  const video = useRef<HTMLVideoElement>(null);
  const player = useRef<HlsAttachment | undefined>(undefined);
  const camera = cameras?.find((c) => c.id === cameraId);

  useEffect(() => {
    if (cameraId === '') return;
    const iso = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
    void videoApi.recordings(cameraId, iso).then((result) => {
      if (result.ok) setRecordings(result.data);
      else if (notAvailableYet(result)) setUnavailable(true);
      else setProblem(result.message);
    });
    void videoApi.alerts({ cameraId }).then((result) => {
      if (!result.ok) return;
      setEvents(
        result.data
          .filter((a) => Date.parse(a.openedAt) >= window.from && Date.parse(a.openedAt) <= window.to)
          .map((a) => ({ id: a.id, at: a.openedAt, label: t(`alertType.${a.type}` as MessageKey) })),
      );
    });
  }, [cameraId, window, t]);

  useEffect(() => {
    const element = video.current;
    if (playlist === undefined || element === null) return;
    let stopped = false;
    void attachHls(element, playlist, false).then((attached) => {
      if (stopped) attached.detach();
      else player.current = attached;
    });
    const follow = () => {
      const at = wallTimeAt(player.current?.segments() ?? [], element.currentTime);
      if (at !== undefined) setPosition(at);
    };
    element.addEventListener('timeupdate', follow);
    return () => {
      stopped = true;
      element.removeEventListener('timeupdate', follow);
      player.current?.detach();
      player.current = undefined;
    };
  }, [playlist]);

  async function open(): Promise<void> {
    const result = await videoApi.startPlayback(cameraId, {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
      reason: reason.trim(),
    });
    if (result.ok) {
      setProblem(undefined);
      setPlaylist(result.data.playlistUrl);
    } else if (notAvailableYet(result)) setUnavailable(true);
    else setProblem(result.message);
  }

  function seek(at: number): void {
    setPosition(at);
    const media = mediaTimeAt(player.current?.segments() ?? [], at);
    if (media !== undefined && video.current !== null) video.current.currentTime = media;
  }

  return (
    <div className="playback-page">
      <h2>{t('nav.playback')}</h2>
      {unavailable && <NotAvailable feature={t('nav.playback')} />}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label>
          {t('alerts.filter.camera')}
          <select value={cameraId} required onChange={(e) => setCameraId(e.target.value)}>
            <option value="">—</option>
            {(cameras ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('playback.from')}
          <input
            type="datetime-local"
            value={localInput(window.from)}
            onChange={(e) => setWindow((w) => ({ ...w, from: Date.parse(e.target.value) || w.from }))}
          />
        </label>
        <label>
          {t('playback.to')}
          <input
            type="datetime-local"
            value={localInput(window.to)}
            onChange={(e) => setWindow((w) => ({ ...w, to: Date.parse(e.target.value) || w.to }))}
          />
        </label>
        <label className="wide">
          {t('playback.reason')}
          <input
            value={reason}
            required
            minLength={minReasonLength}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={cameraId === '' || reason.trim().length < minReasonLength}>
          {t('playback.open')}
        </button>
        <button type="button" disabled={camera === undefined} onClick={() => setExporting(true)}>
          {t('export.open')}
        </button>
      </form>
      {problem !== undefined && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {playlist !== undefined && <video ref={video} className="playback-video" controls autoPlay muted />}
      {recordings !== undefined && (
        <PlaybackTimeline
          window={window}
          ranges={recordings.ranges}
          gaps={recordings.gaps}
          events={events}
          position={position}
          onSeek={seek}
        />
      )}
      {exported !== undefined && (
        <div className="export-result" role="status">
          <p>{t(exported.status === 'ready' ? 'export.ready' : 'export.failed')}</p>
          {exported.status === 'ready' && <a href={videoApi.exportVideoUrl(exported.id)}>{t('export.download')}</a>}
          <ul>
            {exported.manifest.files.map((f) => (
              <li key={f.name}>
                {t('export.file', { name: f.name, bytes: f.bytes })} <code>{f.sha256}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {camera !== undefined && (
        <ExportDialog
          open={exporting}
          cameraName={camera.name}
          range={window}
          onClose={() => setExporting(false)}
          onSubmit={async (why) => {
            const result = await videoApi.createExport(camera.id, {
              from: new Date(window.from).toISOString(),
              to: new Date(window.to).toISOString(),
              reason: why,
            });
            if (!result.ok)
              return notAvailableYet(result) ? t('common.notAvailable', { feature: t('export.open') }) : result.message;
            setExported(result.data);
            return undefined;
          }}
        />
      )}
    </div>
  );
}
