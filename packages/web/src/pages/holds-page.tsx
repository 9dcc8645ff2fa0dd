import { useCallback, useEffect, useState } from 'react';
import type { ApiFailure, Outcome } from '../api/dpo-api';
import { holdsApi, type LegalHold } from '../api/holds-api';
import { useCameras } from '../api/use-cameras';
import { ApiProblem } from '../components/api-problem';
import { HoldForm } from '../components/hold-form';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import './dpo-pages.css';

/** Releases one active hold, with the reason the audit trail keeps. */
function ReleaseHold({ hold, onResult }: { hold: LegalHold; onResult: (result: Outcome<LegalHold>) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <form
      className="release-hold"
      onSubmit={(e) => {
        e.preventDefault();
        void holdsApi.release(hold.id, reason).then(onResult);
      }}
    >
      <input
        aria-label={t('holds.release.reason')}
        placeholder={t('holds.release.reason')}
        value={reason}
        required
        minLength={5}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={reason.length < 5}>
        {t('holds.release.submit')}
      </button>
    </form>
  );
}

/**
 * Legal holds for supervisors and the DPO: every hold (active, released, expired) with its requisition; a
 * supervisor places one and releases an active one, each with a reason the audit trail keeps.
 */
export function HoldsPage({ canManage }: { canManage: boolean }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { cameras } = useCameras();
  const [holds, setHolds] = useState<LegalHold[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  const load = useCallback(() => {
    void holdsApi.list().then((result) => {
      if (result.ok) setHolds(result.data);
      else setFailure(result);
    });
  }, []);
  useEffect(load, [load]);
  const done = (result: Outcome<LegalHold>) => {
    setFailure(result.ok ? undefined : result);
    if (result.ok) load();
  };

  const cameraName = (id: string) => cameras?.find((c) => c.id === id)?.name ?? id;
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'short', timeZone });
  return (
    <div className="holds-page">
      <h2>{t('holds.heading')}</h2>
      <p className="hint">{t('holds.intro')}</p>
      <ApiProblem failure={failure} />
      <table className="holds" aria-label={t('holds.heading')}>
        <thead>
          <tr>
            <th>{t('holds.column.camera')}</th>
            <th>{t('holds.column.range')}</th>
            <th>{t('holds.column.requisition')}</th>
            <th>{t('holds.column.reason')}</th>
            <th>{t('holds.column.placed')}</th>
            <th>{t('holds.column.expires')}</th>
            <th>{t('holds.column.state')}</th>
          </tr>
        </thead>
        <tbody>
          {(holds ?? []).map((hold) => (
            <tr key={hold.id} data-hold-id={hold.id}>
              <td>{cameraName(hold.cameraId)}</td>
              <td>
                {time.format(new Date(hold.start))} → {time.format(new Date(hold.end))}
              </td>
              <td>{hold.requisition}</td>
              <td>{hold.reason}</td>
              <td>{t('holds.placedBy', { by: hold.placedBy, at: time.format(new Date(hold.placedAt)) })}</td>
              <td>{time.format(new Date(hold.expiresAt))}</td>
              <td>
                <span className={`badge hold-${hold.state}`}>{t(`holds.state.${hold.state}` as MessageKey)}</span>
                {hold.releasedBy !== null && (
                  <div className="hint">
                    {t('holds.releasedBy', { by: hold.releasedBy, reason: hold.releaseReason ?? '' })}
                  </div>
                )}
                {canManage && hold.state === 'active' && <ReleaseHold hold={hold} onResult={done} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {holds?.length === 0 && <p className="empty">{t('holds.empty')}</p>}
      {canManage && <HoldForm cameras={cameras ?? []} onResult={done} />}
    </div>
  );
}
