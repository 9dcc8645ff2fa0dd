import { zonedLocal, zonedLocalToInstant } from '@vigie/core/calendar';
import { minFootageReasonLength } from '@vigie/core/reasons';
import { useEffect, useRef, useState } from 'react';
import { useSearch } from 'wouter';
import type { ExportManifest, Recordings } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { exportPackageUrl, exportVideoUrl } from '../api/media-urls';
import { videoApi } from '../api/video-api';
import { AuthorisationNotice } from '../components/authorisation-notice';
import { DateTimeField } from '../components/date-time-field';
import { ExportDialog } from '../components/export-dialog';
import { attachHls, type HlsAttachment } from '../components/hls-player';
import { PlaybackTimeline, type TimelineEvent } from '../components/playback-timeline';
import { ReasonField } from '../components/reason-field';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { authorisationWarning } from '../logic/authorisation';
import { mediaTimeAt, wallTimeAt } from '../logic/timeline';

const hour = 3_600_000;

/** An instant as the city's wall clock to the minute, the value of a date-time field. */
function localInput(ms: number, timeZone: string): string {
  return zonedLocal(new Date(ms), timeZone).slice(0, 16);
}

/** The instant a date-time field's value names on the city's clock, in milliseconds; `fallback` when incomplete. */
function fromInput(value: string, timeZone: string, fallback: number): number {
  return zonedLocalToInstant(value, timeZone)?.getTime() ?? fallback;
}

/** The window asked for in the address (an alert's clip, with a minute each side), else the last hour. */
function initialWindow(search: URLSearchParams): { from: number; to: number; startAt?: number } {
  const from = Date.parse(search.get('from') ?? '');
  const to = Date.parse(search.get('to') ?? '');
  return Number.isNaN(from) || Number.isNaN(to)
    ? { from: Date.now() - hour, to: Date.now() }
    : { from: from - 60_000, to: to + 60_000, startAt: from };
}

/** How far back a playback window must reach for its recorded spans to be refreshed while it is open. */
const recentWindowMs = 5 * 60_000;

/** Plays back a camera's recordings (reason required, audited), with its timeline and the export of a clip. */
export function PlaybackPage({ cameraId: initialCamera }: { cameraId?: string }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const search = useSearch();
  const { cameras } = useCameras();
  const [cameraId, setCameraId] = useState(initialCamera ?? '');
  const [{ startAt, ...window }, setWindow] = useState(() => initialWindow(new URLSearchParams(search)));
  const [reason, setReason] = useState('');
  const [recordings, setRecordings] = useState<Recordings | undefined>(undefined);
  const [events, setEvents] = useState<TimelineEvent[]>([]);
  const [playlist, setPlaylist] = useState<string | undefined>(undefined);
  const [position, setPosition] = useState(startAt ?? window.from);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportManifest | undefined>(undefined);
  const video = useRef<HTMLVideoElement>(null);
  const player = useRef<HlsAttachment | undefined>(undefined);
  const camera = cameras?.find((c) => c.id === cameraId);
  const locked = authorisationWarning(camera?.authorisation) === 'locked';
  const { from, to } = window;

  useEffect(() => {
    setRecordings(undefined);
    setEvents([]);
    if (cameraId === '') return;
    const iso = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    const load = (): void => {
      void videoApi.recordings(cameraId, iso).then((result) => {
        if (result.ok) setRecordings(result.data);
        else setProblem(result.message);
      });
    };
    load();
    // A window reaching the last minutes (a fresh alert's clip) fills in as the recorder indexes its segments.
    const refresh = to > Date.now() - recentWindowMs ? setInterval(load, 5000) : undefined;
    void videoApi.alerts({ cameraId }).then((result) => {
      if (!result.ok) return;
      setEvents(
        result.data
          .filter((a) => Date.parse(a.openedAt) >= from && Date.parse(a.openedAt) <= to)
          .map((a) => ({ id: a.id, at: a.openedAt, label: t(`alertType.${a.type}` as MessageKey) })),
      );
    });
    return () => clearInterval(refresh);
  }, [cameraId, from, to, t]);

  useEffect(() => {
    const element = video.current;
    if (playlist === undefined || element === null) return;
    let stopped = false;
    void attachHls(element, playlist, {
      live: false,
      onRefused: () => setProblem(t('playback.closed')),
    }).then((attached) => {
      if (stopped) attached.detach();
      else player.current = attached;
    });
    // Opened from an alert: start at the beginning of its clip rather than a minute before.
    const start = () => {
      const media = startAt === undefined ? undefined : mediaTimeAt(player.current?.segments() ?? [], startAt);
      if (media !== undefined) element.currentTime = media;
    };
    const follow = () => {
      const at = wallTimeAt(player.current?.segments() ?? [], element.currentTime);
      if (at !== undefined) setPosition(at);
    };
    element.addEventListener('loadedmetadata', start, { once: true });
    element.addEventListener('timeupdate', follow);
    return () => {
      stopped = true;
      element.removeEventListener('loadedmetadata', start);
      element.removeEventListener('timeupdate', follow);
      player.current?.detach();
      player.current = undefined;
    };
  }, [playlist, startAt, t]);

  async function open(): Promise<void> {
    const result = await videoApi.startPlayback(cameraId, {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      reason: reason.trim(),
    });
    if (result.ok) {
      setProblem(undefined);
      setPlaylist(result.data.playlistUrl);
    } else setProblem(result.message);
  }

  function seek(at: number): void {
    setPosition(at);
    const media = mediaTimeAt(player.current?.segments() ?? [], at);
    if (media !== undefined && video.current !== null) video.current.currentTime = media;
  }

  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  return (
    <div className="playback-page">
      <h2>{t('nav.playback')}</h2>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <label>
          {t('alerts.filter.camera')}
          <select
            value={cameraId}
            required
            onChange={(e) => {
              setCameraId(e.target.value);
              setPlaylist(undefined);
              setExported(undefined);
              setProblem(undefined);
            }}
          >
            <option value="">—</option>
            {(cameras ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <DateTimeField
          label={t('playback.from')}
          value={localInput(from, timeZone)}
          onChange={(value) => setWindow((w) => ({ ...w, from: fromInput(value, timeZone, w.from) }))}
        />
        <DateTimeField
          label={t('playback.to')}
          value={localInput(to, timeZone)}
          onChange={(value) => setWindow((w) => ({ ...w, to: fromInput(value, timeZone, w.to) }))}
        />
        <ReasonField
          label={t('playback.reason')}
          value={reason}
          onChange={setReason}
          minLength={minFootageReasonLength}
        />
        <button
          type="submit"
          className="primary"
          disabled={cameraId === '' || locked || reason.trim().length < minFootageReasonLength}
        >
          {t('playback.open')}
        </button>
        <button type="button" disabled={camera === undefined || locked} onClick={() => setExporting(true)}>
          {t('export.open')}
        </button>
      </form>
      <AuthorisationNotice authorisation={camera?.authorisation} />
      {problem !== undefined && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {playlist !== undefined && (
        <video
          ref={video}
          className="playback-video"
          controls
          autoPlay
          muted
          aria-label={t('playback.video', { name: camera?.name ?? '' })}
        />
      )}
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
        <section className="export-result" role="status" aria-labelledby="export-result-title">
          <h3 id="export-result-title">{t('export.ready')}</h3>
          <p>
            {t('export.covered', {
              from: time.format(new Date(exported.covered.from)),
              to: time.format(new Date(exported.covered.to)),
            })}{' '}
            · {t(`purpose.${exported.purpose}` as MessageKey)} · {t('export.by', { name: exported.exportedBy })}
          </p>
          <p>{t('audit.reason', { reason: exported.reason })}</p>
          <ul>
            {exported.files.map((f) => (
              <li key={f.name}>
                {t('export.file', { name: f.name, bytes: new Intl.NumberFormat(language).format(f.bytes) })}{' '}
                <code className="sha256">{f.sha256}</code>
              </li>
            ))}
          </ul>
          <a className="button" href={exportPackageUrl(exported.id)} download>
            {t('export.package')}
          </a>{' '}
          <a className="button" href={exportVideoUrl(exported.id)} download>
            {t('export.download')}
          </a>
          <p className="hint">{t('export.packageHint', { keyId: exported.installation.keyId })}</p>
        </section>
      )}
      {camera !== undefined && (
        <ExportDialog
          key={camera.id}
          open={exporting}
          cameraName={camera.name}
          purposes={camera.purposes}
          range={window}
          onClose={() => setExporting(false)}
          onSubmit={async ({ purpose, reason: why }) => {
            const result = await videoApi.createExport(camera.id, {
              from: new Date(from).toISOString(),
              to: new Date(to).toISOString(),
              purpose,
              reason: why,
            });
            if (!result.ok) return result.message;
            setExported(result.data);
            return undefined;
          }}
        />
      )}
    </div>
  );
}
