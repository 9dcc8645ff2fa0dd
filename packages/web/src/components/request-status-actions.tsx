import { useState } from 'react';
import { dpoApi, type AccessRequest, type Outcome } from '../api/dpo-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { forwardSteps } from '../logic/access-request-flow';
import { accessRequestTransitions } from '@vigie/core/access-request-flow';

/**
 * The moves open to a request along the workflow (received → searching → footage_found | no_footage →
 * export_ready → delivered), with an optional note for the history, and a rejection that must give its reason.
 */
export function RequestStatusActions(props: {
  request: AccessRequest;
  onResult: (result: Outcome<AccessRequest>) => void;
}) {
  const { t } = useI18n();
  const { request } = props;
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const steps = forwardSteps(request.status);
  const canReject = accessRequestTransitions[request.status].includes('rejected');
  if (steps.length === 0 && !canReject) return null;

  async function move(status: AccessRequest['status']): Promise<void> {
    setBusy(true);
    const trimmed = note.trim();
    const result = await dpoApi.changeStatus(request.id, {
      status,
      ...(trimmed === '' ? {} : { note: trimmed }),
      ...(status === 'rejected' ? { reason: reason.trim() } : {}),
    });
    setBusy(false);
    if (result.ok) {
      setNote('');
      setReason('');
    }
    props.onResult(result);
  }

  return (
    <section className="status-actions" aria-labelledby="status-actions-heading">
      <h4 id="status-actions-heading">{t('requests.actions')}</h4>
      <label className="wide">
        {t('requests.note')}
        <input value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="buttons">
        {steps.map((status) => (
          <button key={status} type="button" className="primary" disabled={busy} onClick={() => void move(status)}>
            {t(`requests.move.${status}` as MessageKey)}
          </button>
        ))}
      </div>
      {canReject && (
        <form
          className="reject"
          onSubmit={(e) => {
            e.preventDefault();
            void move('rejected');
          }}
        >
          <label className="wide">
            {t('requests.rejectReason')}
            <textarea value={reason} rows={2} required maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
            {t('requests.reject')}
          </button>
        </form>
      )}
    </section>
  );
}
