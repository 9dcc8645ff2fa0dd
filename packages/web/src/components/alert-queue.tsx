import { useState } from 'react';
import { Link } from 'wouter';
import type { Alert, AlertAction, AlertStatus, Qualification } from '../api/contract';
import { alertSnapshotUrl } from '../api/media-urls';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { alertQueue, type AlertFilter } from '../logic/alert-order';
import { alertSentence } from '../logic/alert-sentence';

const statuses: readonly (AlertStatus | 'pending')[] = ['pending', 'open', 'acknowledged', 'closed'];
const qualifications: readonly Qualification[] = ['true_alert', 'false_alarm', 'needs_follow_up'];

/** Props of the alert queue. */
export interface AlertQueueProps {
  alerts: readonly Alert[];
  cameras: readonly { id: string; name: string }[];
  /** Performs an action; resolves to an error message, or undefined when done. */
  onAct: (alertId: string, action: AlertAction) => Promise<string | undefined>;
  /** Where an alert's clip is reviewed (playback of its camera), if the caller may. */
  playbackHref?: (alert: Alert) => string;
}

function AlertItem({
  alert,
  cameraName,
  onAct,
  playbackHref,
}: { alert: Alert; cameraName: string } & Pick<AlertQueueProps, 'onAct' | 'playbackHref'>) {
  const { t, language } = useI18n();
  const [note, setNote] = useState('');
  const [qualification, setQualification] = useState<Qualification | ''>('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [imageFailed, setImageFailed] = useState(false);
  const typeName = t(`alertType.${alert.type}` as MessageKey);
  const written = note.trim();
  /** Acts; the note typed, if any, goes with a qualification or an escalation and is then cleared. */
  const act = async (action: AlertAction) => {
    const failure = await onAct(alert.id, action);
    setError(failure);
    if (failure === undefined && 'note' in action) setNote('');
  };
  const withNote = written === '' ? {} : { note: written };
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'medium', dateStyle: 'short' }).format(
    new Date(alert.openedAt),
  );
  const snapshot = alertSnapshotUrl(alert.id);
  return (
    <li className={`alert-item severity-${alert.severity} status-${alert.status}`} data-alert-id={alert.id}>
      {alert.hasSnapshot && (
        <a className="alert-snapshot" href={snapshot} target="_blank" rel="noreferrer">
          {imageFailed ? (
            <span className="hint">{t('alerts.noSnapshot')}</span>
          ) : (
            <img
              src={snapshot}
              alt={t('alerts.snapshot', { type: typeName, name: cameraName })}
              loading="lazy"
              onError={() => setImageFailed(true)}
            />
          )}
        </a>
      )}
      <div className="alert-body">
        <div className="alert-head">
          <span className={`badge severity severity-${alert.severity}`}>
            {t(`severity.${alert.severity}` as MessageKey)}
          </span>
          <strong>{typeName}</strong>
          <span className="camera">{cameraName}</span>
          <time dateTime={alert.openedAt}>{time}</time>
          <span className="badge">{t(`alertStatus.${alert.status}` as MessageKey)}</span>
          {alert.escalated && <span className="badge escalated">{t('alerts.escalated')}</span>}
          {alert.qualification !== undefined && (
            <span className="badge">{t(`qualification.${alert.qualification}` as MessageKey)}</span>
          )}
        </div>
        <p className="message">{alertSentence(alert, language)}</p>
        {alert.notes.length > 0 && (
          <ul className="notes">
            {alert.notes.map((n) => (
              <li key={`${n.at}-${n.by}`}>
                <strong>{n.by}</strong>: {n.text}
              </li>
            ))}
          </ul>
        )}
        <div className="alert-actions">
          {alert.status === 'open' && (
            <button type="button" className="primary" onClick={() => void act({ action: 'acknowledge' })}>
              {t('alerts.acknowledge')}
            </button>
          )}
          {alert.status !== 'closed' && (
            <form
              className="qualify"
              onSubmit={(e) => {
                e.preventDefault();
                if (qualification !== '') void act({ action: 'qualify', qualification, ...withNote });
              }}
            >
              <label>
                {t('alerts.qualification')}
                <select value={qualification} onChange={(e) => setQualification(e.target.value as Qualification | '')}>
                  <option value="">—</option>
                  {qualifications.map((q) => (
                    <option key={q} value={q}>
                      {t(`qualification.${q}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={qualification === ''}>
                {t('alerts.qualify')}
              </button>
            </form>
          )}
          {alert.status !== 'closed' && !alert.escalated && (
            <button type="button" onClick={() => void act({ action: 'escalate', ...withNote })}>
              {t('alerts.escalate')}
            </button>
          )}
          {playbackHref !== undefined && <Link href={playbackHref(alert)}>{t('alerts.review')}</Link>}
        </div>
        <form
          className="note"
          onSubmit={(e) => {
            e.preventDefault();
            if (written !== '') void act({ action: 'note', note: written });
          }}
        >
          <input
            aria-label={t('alerts.note')}
            placeholder={t(alert.status === 'closed' ? 'alerts.note' : 'alerts.noteHint')}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="submit" disabled={written === ''}>
            {t('alerts.addNote')}
          </button>
        </form>
        {error !== undefined && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </li>
  );
}

/** The alert queue: most severe and oldest first, filtered by camera, type and status, with the operator's actions. */
export function AlertQueue({ alerts, cameras, onAct, playbackHref }: AlertQueueProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>({ status: 'pending' });
  const types = [...new Set(alerts.map((a) => a.type))].sort();
  const shown = alertQueue(alerts, filter);
  const names = new Map(cameras.map((c) => [c.id, c.name]));
  const choose = (key: keyof AlertFilter, value: string) => {
    const { [key]: _dropped, ...rest } = filter;
    setFilter(value === '' ? rest : { ...rest, [key]: value });
  };
  return (
    <div className="alert-queue">
      <div className="filters" role="search">
        <label>
          {t('alerts.filter.camera')}
          <select value={filter.cameraId ?? ''} onChange={(e) => choose('cameraId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {cameras.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.filter.type')}
          <select value={filter.type ?? ''} onChange={(e) => choose('type', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`alertType.${type}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('alerts.filter.status')}
          <select value={filter.status ?? ''} onChange={(e) => choose('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`alertStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <span className="count">{t('alerts.count', { count: shown.length })}</span>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('alerts.empty')}</p>
      ) : (
        <ol className="alerts">
          {shown.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              cameraName={names.get(alert.cameraId) ?? alert.cameraId}
              onAct={onAct}
              {...(playbackHref === undefined ? {} : { playbackHref })}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
