import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearch } from 'wouter';
import type { Me } from '../api/client';
import type { SavedWall } from '../api/contract';
import { useMonitorMessages } from '../api/monitor-channel';
import { PushProvider, useConnectionLost } from '../api/push-channel';
import { AlertsProvider, useAlerts } from '../api/use-alerts';
import { useCameraStatus } from '../api/use-camera-status';
import { useCameras } from '../api/use-cameras';
import { useTimeZone } from '../api/use-time-zone';
import { videoApi } from '../api/video-api';
import { AlertCard } from '../components/alert-card';
import { LiveTile } from '../components/live-tile';
import { tileKeys } from '../components/live-wall';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { alertQueue, openAlertCount } from '../logic/alert-order';
import { monitorAlert, parseMonitorView, type MonitorPin } from '../logic/monitor';
import { resizeWall, tileStream, tilesAt } from '../logic/wall-draft';
import { allows } from '../screens';

/** The top line of a monitor: what it shows, the alerts nobody acknowledged, and a full-screen switch. */
function MonitorBar({ title }: { title: string }) {
  const { t } = useI18n();
  const { alerts } = useAlerts();
  const { count } = openAlertCount(alerts);
  const lost = useConnectionLost();
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  return (
    <>
      <header className="monitor-bar">
        <h1>{title}</h1>
        <span className="monitor-count" data-count={count}>
          {t('nav.alertCount', { count })}
        </span>
        {!full && (
          <button
            type="button"
            onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
          >
            {t('monitor.fullScreen')}
          </button>
        )}
      </header>
      {lost && (
        <p className="connection-lost" role="alert">
          {t('wall.connectionLost')}
        </p>
      )}
    </>
  );
}

/**
 * The alarm monitor: the live image of the alert to watch (the newest one nobody acknowledged, or the one
 * the operator just selected here or in the main window) beside the list of pending alerts, kept current
 * by the push channel. Without the right to view live images, the alert is described but not shown.
 */
function AlarmMonitor({ canWatch }: { canWatch: boolean }) {
  const { t, language } = useI18n();
  const { cameras } = useCameras();
  const statuses = useCameraStatus();
  const { alerts, error } = useAlerts();
  const timeZone = useTimeZone();
  const [pin, setPin] = useState<MonitorPin | undefined>(undefined);
  useMonitorMessages((message) => setPin({ alertId: message.alertId, at: Date.now() }));
  const shown = monitorAlert(alerts, pin);
  const pending = alertQueue(alerts, { status: 'pending' });
  const names = new Map((cameras ?? []).map((c) => [c.id, c.name]));
  const camera = cameras?.find((c) => c.id === shown?.cameraId);
  const nameOf = (cameraId: string) => names.get(cameraId) ?? cameraId;
  return (
    <div className="alarm-monitor">
      <MonitorBar title={t('monitor.alarms')} />
      {error !== undefined && <p className="error">{error}</p>}
      <div className="monitor-panes">
        <section className="monitor-focus" aria-label={t('monitor.focus')} data-alert-id={shown?.id}>
          {shown === undefined ? (
            <p className="notice empty-state">{t('monitor.calm')}</p>
          ) : (
            <>
              <h2 className={`monitor-headline severity-${shown.severity}`}>
                <span className={`badge severity severity-${shown.severity}`}>
                  {t(`severity.${shown.severity}` as MessageKey)}
                </span>{' '}
                {t(`alertType.${shown.type}` as MessageKey)} — {nameOf(shown.cameraId)}{' '}
                <time dateTime={shown.openedAt}>
                  {new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'medium', timeZone }).format(
                    new Date(shown.openedAt),
                  )}
                </time>
              </h2>
              {!canWatch ? (
                <p className="notice">{t('monitor.noLive')}</p>
              ) : camera === undefined ? (
                <p className="notice">{t('monitor.cameraUnavailable')}</p>
              ) : (
                <LiveTile
                  key={camera.id}
                  camera={camera}
                  status={statuses.get(camera.id)?.state}
                  alerting={shown.status === 'open'}
                  main
                  startLive={videoApi.startLive}
                  stopLive={videoApi.stopLive}
                />
              )}
            </>
          )}
        </section>
        <section className="monitor-queue" aria-labelledby="monitor-pending">
          <h2 id="monitor-pending">{t('monitor.pending', { count: pending.length })}</h2>
          {pending.length === 0 ? (
            <p className="empty">{t('alerts.empty')}</p>
          ) : (
            <ol className="alert-cards" role="listbox" aria-labelledby="monitor-pending">
              {pending.map((alert) => (
                <AlertCard
                  key={alert.id}
                  alert={alert}
                  cameraName={nameOf(alert.cameraId)}
                  selected={alert.id === shown?.id}
                  onSelect={(alertId) => setPin({ alertId, at: Date.now() })}
                  timeZone={timeZone}
                />
              ))}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}

/** A saved wall of the operator on a monitor of its own: its tiles and tours, nothing to edit. */
function LayoutMonitor({ name }: { name: string }) {
  const { t, problem } = useI18n();
  const { cameras } = useCameras();
  const statuses = useCameraStatus();
  const { alerts } = useAlerts();
  const [wall, setWall] = useState<SavedWall | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let current = true;
    void videoApi.wallLayouts().then((result) => {
      if (!current) return;
      if (result.ok) setWall(result.data.find((w) => w.name === name) ?? null);
      else setFailure(problem(result));
    });
    return () => {
      current = false;
    };
  }, [name, problem]);
  const draft = useMemo(() => (wall ? resizeWall(wall.tiles, wall.grid, []) : undefined), [wall]);
  const touring = draft?.tiles.some((tile) => tile.cameraIds.length > 1) ?? false;
  useEffect(() => {
    if (!touring) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [touring]);

  let body: ReactNode;
  if (failure !== undefined) body = <p className="error">{failure}</p>;
  else if (wall === undefined || cameras === undefined) body = <p>{t('cameras.loading')}</p>;
  else if (wall === null || draft === undefined)
    body = <p className="notice empty-state">{t('monitor.noLayout', { name })}</p>;
  else {
    const shown = tilesAt(draft, now);
    const keys = tileKeys(shown);
    const byId = new Map(cameras.map((c) => [c.id, c]));
    const alerting = new Set(alerts.filter((a) => a.status === 'open').map((a) => a.cameraId));
    body = (
      <div className={`wall-grid monitor-grid layout-${draft.grid}`}>
        {shown.map((id, index) => {
          const camera = id === undefined ? undefined : byId.get(id);
          return (
            <div key={keys[index]} className={`wall-slot${camera ? '' : ' empty'}`} data-tile={index + 1}>
              {camera === undefined ? (
                <p className="tile-message">
                  {t(id === undefined ? 'monitor.emptyTile' : 'monitor.cameraUnavailable')}
                </p>
              ) : (
                <LiveTile
                  camera={camera}
                  status={statuses.get(camera.id)?.state}
                  alerting={alerting.has(camera.id)}
                  tour={(draft.tiles[index]?.cameraIds.length ?? 0) > 1 ? t('wall.tour') : undefined}
                  stream={tileStream(draft.grid, false)}
                  startLive={videoApi.startLive}
                  stopLive={videoApi.stopLive}
                />
              )}
            </div>
          );
        })}
      </div>
    );
  }
  return (
    <div className="layout-monitor">
      <MonitorBar title={t('monitor.layout', { name })} />
      {body}
    </div>
  );
}

/**
 * A detached monitor (`/monitor`): a second window of the console on the same session, without navigation,
 * showing the alarm monitor (`?view=alarms`) or a saved wall (`?layout=<name>`). The server checks roles and
 * camera assignments on every request; the monitor only leaves out what the roles cannot open.
 */
export function MonitorPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const view = parseMonitorView(useSearch());
  const readAlerts = allows(me.roles, 'alert:read');
  const watch = allows(me.roles, 'live:view');
  const allowed = view.kind === 'alarms' ? readAlerts : watch;
  return (
    <PushProvider>
      <AlertsProvider enabled={readAlerts}>
        <main className="monitor">
          {!allowed ? (
            <p className="notice">{t('app.forbidden')}</p>
          ) : view.kind === 'alarms' ? (
            <AlarmMonitor canWatch={watch} />
          ) : (
            <LayoutMonitor name={view.name} />
          )}
        </main>
      </AlertsProvider>
    </PushProvider>
  );
}
