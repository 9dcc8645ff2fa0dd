import { useState } from 'react';
import { Link } from 'wouter';
import type { Alert, AlertAction, Qualification } from '../api/contract';
import { alertSnapshotUrl } from '../api/media-urls';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { alertSentence } from '../logic/alert-sentence';

const verdicts: readonly Qualification[] = ['true_alert', 'false_alarm', 'needs_follow_up'];

/** Props of the selected alert's pane. */
export interface AlertDetailProps {
  alert: Alert;
  cameraName: string;
  /** The logged-in user's name, to say "you are handling it". */
  me: string;
  /** Performs an action; resolves to whether it was done. */
  act: (action: AlertAction) => Promise<boolean>;
  /** What went wrong with the last action, in the console's language. */
  error: string | undefined;
  /** Where the clip is reviewed, if the caller may. */
  playbackHref?: string | undefined;
  timeZone: string;
}

/** The selected alert in full: image, sentence, notes, who handles it, and every action on it. */
export function AlertDetail({ alert, cameraName, me, act, error, playbackHref, timeZone }: AlertDetailProps) {
  const { t, language } = useI18n();
  const [note, setNote] = useState('');
  const [imageFailed, setImageFailed] = useState(false);
  const typeName = t(`alertType.${alert.type}` as MessageKey);
  const written = note.trim();
  const withNote = written === '' ? {} : { note: written };
  const run = async (action: AlertAction) => {
    if ((await act(action)) && 'note' in action) setNote('');
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(
      new Date(iso),
    );
  const snapshot = alertSnapshotUrl(alert.id);
  const pending = alert.status !== 'closed';
  return (
    <section
      className={`alert-detail severity-${alert.severity}`}
      aria-label={t('alerts.detail')}
      data-alert-id={alert.id}
    >
      <header className="alert-head">
        <span className={`badge severity severity-${alert.severity}`}>
          {t(`severity.${alert.severity}` as MessageKey)}
        </span>
        <h3>{typeName}</h3>
        <span className="camera">{cameraName}</span>
        <time dateTime={alert.openedAt}>{when(alert.openedAt)}</time>
        <span className="badge">{t(`alertStatus.${alert.status}` as MessageKey)}</span>
        {alert.escalated && <span className="badge escalated">{t('alerts.escalated')}</span>}
        {alert.qualification !== undefined && (
          <span className="badge">{t(`qualification.${alert.qualification}` as MessageKey)}</span>
        )}
      </header>
      {alert.claim !== undefined && (
        <p className="claim" role="status">
          {alert.claim.by === me ? t('alerts.claimedByMe') : t('alerts.claimedBy', { name: alert.claim.by })} —{' '}
          {when(alert.claim.at)}
        </p>
      )}
      {alert.hasSnapshot && (
        <a className="alert-snapshot" href={snapshot} target="_blank" rel="noreferrer">
          {imageFailed ? (
            <span className="hint">{t('alerts.noSnapshot')}</span>
          ) : (
            <img
              src={snapshot}
              alt={t('alerts.snapshot', { type: typeName, name: cameraName })}
              onError={() => setImageFailed(true)}
            />
          )}
        </a>
      )}
      <p className="message">{alertSentence(alert, language)}</p>
      <p className="hint">{t('alerts.occurrences', { count: alert.occurrences })}</p>
      <div className="alert-actions">
        {pending && alert.claim?.by !== me && (
          <button type="button" className="primary" onClick={() => void run({ action: 'claim' })}>
            {t('alerts.claim')} <kbd>m</kbd>
          </button>
        )}
        {alert.status === 'open' && (
          <button type="button" onClick={() => void run({ action: 'acknowledge' })}>
            {t('alerts.acknowledge')} <kbd>a</kbd>
          </button>
        )}
        {playbackHref !== undefined && (
          <Link href={playbackHref} className="button">
            {t('alerts.review')} <kbd>c</kbd>
          </Link>
        )}
      </div>
      {pending && (
        <div className="alert-actions verdicts" role="group" aria-label={t('alerts.qualification')}>
          {verdicts.map((q, index) => (
            <button
              key={q}
              type="button"
              className={`verdict verdict-${q}`}
              onClick={() => void run({ action: 'qualify', qualification: q, ...withNote })}
            >
              {t(`alerts.verdict.${q}` as MessageKey)} <kbd>{index + 1}</kbd>
            </button>
          ))}
          {!alert.escalated && (
            <button type="button" onClick={() => void run({ action: 'escalate', ...withNote })}>
              {t('alerts.escalate')} <kbd>e</kbd>
            </button>
          )}
        </div>
      )}
      <form
        className="note"
        onSubmit={(e) => {
          e.preventDefault();
          if (written !== '') void run({ action: 'note', note: written });
        }}
      >
        <input
          aria-label={t('alerts.note')}
          placeholder={t(pending ? 'alerts.noteHint' : 'alerts.note')}
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
      {alert.notes.length > 0 && (
        <ul className="notes">
          {alert.notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              <time dateTime={n.at}>{when(n.at)}</time> <strong>{n.by}</strong> : {n.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
