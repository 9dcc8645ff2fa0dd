import { useCallback, useEffect, useState } from 'react';
import type { Camera } from '../api/client';
import { dpoApi, type AccessRequest, type ApiFailure, type Outcome } from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { canAttachFootage, isAnswered } from '../logic/access-request-flow';
import { ApiProblem } from './api-problem';
import { MatchedRangeForm } from './matched-range-form';
import { MatchedRangeItem } from './matched-range-item';
import { RequestDeadline } from './request-deadline';
import { RequestStatusActions } from './request-status-actions';

/**
 * One access request for the DPO: what the person described, when and where; its deadline; the moves along
 * the workflow; the footage matched, its holds and anonymised copies; and the history of every step.
 */
export function AccessRequestDetail(props: { requestId: string; cameras: readonly Camera[]; onChanged: () => void }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { requestId, onChanged } = props;
  const [request, setRequest] = useState<AccessRequest | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  const apply = useCallback(
    (result: Outcome<AccessRequest>, changed: boolean) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setFailure(undefined);
      setRequest(result.data);
      if (changed) onChanged();
    },
    [onChanged],
  );
  useEffect(() => {
    void dpoApi.request(requestId).then((result) => apply(result, false));
  }, [requestId, apply]);

  if (request === undefined)
    return failure === undefined ? <p>{t('common.loading')}</p> : <ApiProblem failure={failure} />;
  const cameraName = (id: string) => props.cameras.find((c) => c.id === id)?.name ?? id;
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const day = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'short', timeZone });
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short', timeZone });
  const onResult = (result: Outcome<AccessRequest>) => apply(result, true);

  return (
    <article className="request-detail" aria-labelledby="request-heading">
      <h3 id="request-heading">
        {t('requests.detail.heading', { reference: request.reference })}{' '}
        <span className={`badge request-${request.status}`}>
          {t(`requests.status.${request.status}` as MessageKey)}
        </span>
        {request.overdue && <span className="badge overdue-flag">{t('requests.overdue')}</span>}
      </h3>
      <dl className="facts">
        <dt>{t('requests.column.received')}</dt>
        <dd>{time.format(new Date(request.receivedAt))}</dd>
        <dt>{t('requests.column.due')}</dt>
        <dd>
          <RequestDeadline dueAt={request.dueAt} overdue={request.overdue} answered={isAnswered(request.status)} />
        </dd>
        <dt>{t('requests.detail.requester')}</dt>
        <dd>
          {request.contactName} — <a href={`mailto:${request.contactEmail}`}>{request.contactEmail}</a>
        </dd>
        <dt>{t('requests.column.window')}</dt>
        <dd>
          {day.format(new Date(request.window.start))} → {clock.format(new Date(request.window.end))}
        </dd>
        <dt>{t('requests.detail.place')}</dt>
        <dd>{request.place ?? t('requests.detail.noPlace')}</dd>
        <dt>{t('requests.detail.camera')}</dt>
        <dd>{request.cameraId === undefined ? t('requests.detail.noCamera') : cameraName(request.cameraId)}</dd>
        <dt>{t('requests.detail.description')}</dt>
        <dd>
          <blockquote>{request.description}</blockquote>
        </dd>
        {request.rejectionReason !== undefined && (
          <>
            <dt>{t('requests.detail.rejection')}</dt>
            <dd>{request.rejectionReason}</dd>
          </>
        )}
      </dl>
      <ApiProblem failure={failure} />
      <RequestStatusActions request={request} onResult={onResult} />
      <section className="ranges" aria-labelledby="ranges-heading">
        <h4 id="ranges-heading">{t('requests.ranges', { count: request.ranges.length })}</h4>
        {request.ranges.length === 0 && <p className="hint">{t('requests.ranges.none')}</p>}
        <ul>
          {request.ranges.map((range) => (
            <MatchedRangeItem
              key={range.id}
              request={request}
              range={range}
              cameraName={cameraName(range.cameraId)}
              onResult={onResult}
            />
          ))}
        </ul>
        {canAttachFootage(request.status) && (
          <MatchedRangeForm request={request} cameras={props.cameras} onResult={onResult} />
        )}
      </section>
      <section className="history" aria-labelledby="history-heading">
        <h4 id="history-heading">{t('requests.history')}</h4>
        <ol>
          {request.history.map((step) => (
            <li key={`${step.at} ${step.status}`}>
              <span className="at">{time.format(new Date(step.at))}</span>{' '}
              <strong>{t(`requests.status.${step.status}` as MessageKey)}</strong>{' '}
              {t('requests.history.by', { name: step.actorName })}
              {step.note !== undefined && <span className="note"> — {step.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
