import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, Outcome } from '../api/dpo-api';
import { unmaskApi, type UnmaskLift } from '../api/unmask-api';
import { useCameras } from '../api/use-cameras';
import { UnmaskRequestForm } from '../components/unmask-request-form';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import './dpo-pages.css';

/** Approves or refuses a pending lift, with the note the audit trail keeps (the server refuses one's own). */
function DecideLift({ lift, onResult }: { lift: UnmaskLift; onResult: (result: Outcome<UnmaskLift>) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const decide = (approve: boolean) => void unmaskApi.decide(lift.id, approve, note).then(onResult);
  return (
    <div className="decide-lift">
      <input
        aria-label={t('unmask.decide.note')}
        placeholder={t('unmask.decide.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" disabled={note.length < 3} onClick={() => decide(true)}>
        {t('unmask.decide.approve')}
      </button>
      <button type="button" disabled={note.length < 3} onClick={() => decide(false)}>
        {t('unmask.decide.refuse')}
      </button>
    </div>
  );
}

/**
 * Two-person unmasking: the lifts one may see; a supervisor asks for one, another person with the approving
 * role decides, and only the requester of an approved, unexpired lift opens the watermarked view.
 */
export function UnmaskPage(props: { me: string; canRequest: boolean; canApprove: boolean }) {
  const { t, language, problem } = useI18n();
  const timeZone = useTimeZone();
  const { cameras } = useCameras();
  const [lifts, setLifts] = useState<UnmaskLift[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [viewing, setViewing] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    void unmaskApi.list().then((result) => {
      if (result.ok) setLifts(result.data);
      else setFailure(result);
    });
  }, []);
  useEffect(load, [load]);
  const done = (result: Outcome<UnmaskLift>) => {
    setFailure(result.ok ? undefined : result);
    if (result.ok) load();
  };

  const cameraName = (id: string) => cameras?.find((c) => c.id === id)?.name ?? id;
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const state = (lift: UnmaskLift) => t(`unmask.state.${lift.state}` as MessageKey);
  return (
    <div className="unmask-page">
      <h2>{t('unmask.heading')}</h2>
      <p className="hint">{t('unmask.intro')}</p>
      {failure !== undefined && (
        <p className="api-problem" role="alert">
          {problem(failure)}
        </p>
      )}
      <table className="lifts" aria-label={t('unmask.heading')}>
        <thead>
          <tr>
            <th>{t('unmask.column.camera')}</th>
            <th>{t('unmask.column.range')}</th>
            <th>{t('unmask.column.reason')}</th>
            <th>{t('unmask.column.requested')}</th>
            <th>{t('unmask.column.expires')}</th>
            <th>{t('unmask.column.state')}</th>
          </tr>
        </thead>
        <tbody>
          {(lifts ?? []).map((lift) => (
            <tr key={lift.id} data-lift-id={lift.id}>
              <td>{cameraName(lift.cameraId)}</td>
              <td>
                {time.format(new Date(lift.start))} → {time.format(new Date(lift.end))}
              </td>
              <td>{lift.reason}</td>
              <td>{lift.requestedBy}</td>
              <td>{time.format(new Date(lift.expiresAt))}</td>
              <td>
                <span className={`badge lift-${lift.state}`}>{state(lift)}</span>
                {lift.decidedBy !== null && (
                  <div className="hint">
                    {t('unmask.decidedBy', { state: state(lift), by: lift.decidedBy, note: lift.decisionNote ?? '' })}
                  </div>
                )}
                {props.canApprove && lift.state === 'requested' && <DecideLift lift={lift} onResult={done} />}
                {props.canRequest && lift.state === 'approved' && lift.requestedBy === props.me && (
                  <button type="button" onClick={() => setViewing(lift.id)}>
                    {t('unmask.view')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lifts?.length === 0 && <p className="empty">{t('unmask.empty')}</p>}
      {viewing !== undefined && (
        <section className="unmask-view" aria-label={t('unmask.view.heading')}>
          <h3>{t('unmask.view.heading')}</h3>
          <p className="hint">{t('unmask.view.notice')}</p>
          <video key={viewing} src={unmaskApi.videoUrl(viewing)} controls autoPlay muted />
        </section>
      )}
      {props.canRequest && <UnmaskRequestForm cameras={cameras ?? []} onResult={done} />}
    </div>
  );
}
