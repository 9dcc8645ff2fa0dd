import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Alert, AlertHistoryPage, AlertHistoryQuery, AlertType, Qualification } from '../api/contract';
import { videoApi } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { addDaysToDate, zonedLocalToInstant } from '@vigie/core/calendar';
import { AlertCard } from './alert-card';
import { cameraOptions, FilterSelect } from './filter-select';

const qualifications: readonly Qualification[] = ['true_alert', 'false_alarm', 'needs_follow_up'];
const pageSize = 20;

/** Props of the history of closed alerts. */
export interface AlertHistoryProps {
  cameras: readonly { id: string; name: string }[];
  types: readonly AlertType[];
  onSelect: (alertId: string) => void;
  selectedId: string | undefined;
  timeZone: string;
  /** The pane of the selected closed alert (notes may still be added). */
  detail: (alert: Alert) => ReactNode;
}

interface Criteria {
  cameraId: string;
  type: string;
  qualification: string;
  from: string;
  to: string;
}

const none: Criteria = { cameraId: '', type: '', qualification: '', from: '', to: '' };

/** The criteria as the route's query: days are the city's days, "to" includes its whole day. */
function queryOf(criteria: Criteria, page: number, timeZone: string): AlertHistoryQuery {
  const from = criteria.from === '' ? undefined : zonedLocalToInstant(criteria.from, timeZone);
  const to = criteria.to === '' ? undefined : zonedLocalToInstant(addDaysToDate(criteria.to, 1), timeZone);
  return {
    page: String(page),
    pageSize: String(pageSize),
    ...(criteria.cameraId === '' ? {} : { cameraId: criteria.cameraId }),
    ...(criteria.type === '' ? {} : { type: criteria.type as AlertType }),
    ...(criteria.qualification === '' ? {} : { qualification: criteria.qualification as Qualification }),
    ...(from === undefined ? {} : { from: from.toISOString() }),
    ...(to === undefined ? {} : { to: to.toISOString() }),
  };
}

/** Closed alerts, newest first, searched on the server by camera, type, verdict and date, a page at a time. */
export function AlertHistory({ cameras, types, onSelect, selectedId, timeZone, detail }: AlertHistoryProps) {
  const { t, language, problem } = useI18n();
  const [draft, setDraft] = useState<Criteria>(none);
  const [criteria, setCriteria] = useState<Criteria>(none);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<AlertHistoryPage | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const names = new Map(cameras.map((c) => [c.id, c.name]));
  const selected = result?.alerts.find((a) => a.id === selectedId);

  const load = useCallback(() => {
    void videoApi.alertHistory(queryOf(criteria, page, timeZone)).then((answer) => {
      if (answer.ok) {
        setResult(answer.data);
        setError(undefined);
      } else setError(problem(answer));
    });
  }, [criteria, page, timeZone, problem]);
  useEffect(load, [load]);

  const pages = Math.max(1, Math.ceil((result?.total ?? 0) / pageSize));
  const field = (key: keyof Criteria) => ({
    value: draft[key],
    onChange: (value: string) => setDraft({ ...draft, [key]: value }),
  });
  const dateField = (key: 'from' | 'to') => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => field(key).onChange(e.target.value),
  });
  return (
    <div className="alert-history">
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setCriteria(draft);
          setPage(1);
        }}
      >
        <FilterSelect label={t('alerts.filter.camera')} {...field('cameraId')} options={cameraOptions(cameras)} />
        <FilterSelect
          label={t('alerts.filter.type')}
          {...field('type')}
          options={types.map((type) => ({ value: type, label: t(`alertType.${type}` as MessageKey) }))}
        />
        <FilterSelect
          label={t('history.filter.verdict')}
          {...field('qualification')}
          options={qualifications.map((q) => ({ value: q, label: t(`qualification.${q}` as MessageKey) }))}
        />
        <label>
          {t('history.filter.from')}
          <input type="date" lang={language} {...dateField('from')} />
        </label>
        <label>
          {t('history.filter.to')}
          <input type="date" lang={language} {...dateField('to')} />
        </label>
        <button type="submit" className="primary">
          {t('history.search')}
        </button>
      </form>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result !== undefined && (
        <>
          <p className="count" role="status">
            {t('history.total', { total: result.total })}
          </p>
          <div className="queue-panes">
            {result.alerts.length === 0 ? (
              <p className="empty">{t('history.empty')}</p>
            ) : (
              <ol className="alert-cards" role="listbox" aria-label={t('alerts.tab.history')}>
                {result.alerts.map((alert) => (
                  <AlertCard
                    key={alert.id}
                    alert={alert}
                    cameraName={names.get(alert.cameraId) ?? alert.cameraId}
                    selected={alert.id === selectedId}
                    onSelect={onSelect}
                    timeZone={timeZone}
                  />
                ))}
              </ol>
            )}
            {selected === undefined ? <p className="hint detail-empty">{t('alerts.select')}</p> : detail(selected)}
          </div>
          <nav className="pager" aria-label={t('history.page', { page, pages })}>
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('history.previous')}
            </button>
            <span>{t('history.page', { page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('history.next')}
            </button>
          </nav>
        </>
      )}
    </div>
  );
}
