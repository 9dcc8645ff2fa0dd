import { useCallback, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { dpoApi, type AccessRequestStatus, type AccessRequestSummary, type ApiFailure } from '../api/dpo-api';
import { useCameras } from '../api/use-cameras';
import { AccessRequestDetail } from '../components/access-request-detail';
import { ApiProblem } from '../components/api-problem';
import { FilterSelect } from '../components/filter-select';
import { RequestDeadline } from '../components/request-deadline';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { isAnswered, requestStatuses } from '../logic/access-request-flow';
import './dpo-pages.css';

/**
 * Citizens' access requests for the DPO (GDPR art. 15): the list, oldest deadline first, filtered by status or
 * overdue (in red), and the chosen request with its workflow.
 */
export function AccessRequestsPage({ requestId }: { requestId?: string }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { cameras } = useCameras();
  const [status, setStatus] = useState<AccessRequestStatus | ''>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [requests, setRequests] = useState<AccessRequestSummary[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  const load = useCallback(() => {
    const query = { ...(status === '' ? {} : { status }), ...(overdueOnly ? { overdue: 'true' as const } : {}) };
    void dpoApi.requests(query).then((result) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(undefined);
      setRequests(result.data);
    });
  }, [status, overdueOnly]);
  useEffect(load, [load]);

  const cameraName = (id: string) => cameras?.find((c) => c.id === id)?.name ?? id;
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'short', timeZone });
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short', timeZone });

  return (
    <div className="requests-page">
      <h2>{t('requests.heading')}</h2>
      <p className="hint">{t('requests.intro')}</p>
      <div className="filters" role="search">
        <FilterSelect
          label={t('requests.filter.status')}
          value={status}
          onChange={(value) => setStatus(value as AccessRequestStatus | '')}
          options={requestStatuses.map((s) => ({ value: s, label: t(`requests.status.${s}` as MessageKey) }))}
        />
        <label className="checkbox">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {t('requests.filter.overdue')}
        </label>
        <button type="button" onClick={load}>
          {t('requests.refresh')}
        </button>
      </div>
      <ApiProblem failure={failure} />
      <table className="requests" aria-label={t('requests.heading')}>
        <thead>
          <tr>
            <th>{t('requests.column.reference')}</th>
            <th>{t('requests.column.status')}</th>
            <th>{t('requests.column.due')}</th>
            <th>{t('requests.column.received')}</th>
            <th>{t('requests.column.window')}</th>
            <th>{t('requests.column.where')}</th>
            <th>{t('requests.column.requester')}</th>
          </tr>
        </thead>
        <tbody>
          {(requests ?? []).map((r) => (
            <tr
              key={r.id}
              data-request-id={r.id}
              className={r.overdue ? 'overdue-row' : undefined}
              aria-current={r.id === requestId ? 'true' : undefined}
            >
              <td>
                <Link href={`/admin/requests/${r.id}`}>{r.reference}</Link>
              </td>
              <td>
                <span className={`badge request-${r.status}`}>{t(`requests.status.${r.status}` as MessageKey)}</span>
              </td>
              <td>
                <RequestDeadline dueAt={r.dueAt} overdue={r.overdue} answered={isAnswered(r.status)} />
              </td>
              <td>{time.format(new Date(r.receivedAt))}</td>
              <td>
                {time.format(new Date(r.window.start))} → {clock.format(new Date(r.window.end))}
              </td>
              <td>
                {[r.place, r.cameraId === undefined ? undefined : cameraName(r.cameraId)].filter(Boolean).join(' — ')}
              </td>
              <td>{r.contactName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {requests?.length === 0 && <p className="empty">{t('requests.empty')}</p>}
      {requestId !== undefined && (
        <AccessRequestDetail key={requestId} requestId={requestId} cameras={cameras ?? []} onChanged={load} />
      )}
    </div>
  );
}
