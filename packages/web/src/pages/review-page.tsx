import { analyticsEventTypes, type AnalyticsEventType } from '@vigie/core/analytic-event-types';
import { useEffect, useState } from 'react';
import type { Camera } from '../api/client';
import type { ApiFailure } from '../api/dpo-api';
import { reviewApi, type ShadowAlert } from '../api/review-api';
import { useCameras } from '../api/use-cameras';
import { useTimeZone } from '../api/use-time-zone';
import { cameraOptions, FilterSelect } from '../components/filter-select';
import { ShadowAlertItem } from '../components/shadow-alert-item';
import { RuleReplayForm } from '../components/rule-replay-form';
import { ShadowRuleCard } from '../components/shadow-rule-card';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import './dpo-pages.css';

/** The rules of a camera that run in shadow (switched on, mode "shadow"). */
const shadowRules = (camera: Camera): AnalyticsEventType[] =>
  camera.analytics.filter((type) => camera.ruleSettings?.[type]?.mode === 'shadow');

/** The rules of a camera that run live and could be put in shadow. */
const liveRules = (camera: Camera): AnalyticsEventType[] =>
  camera.analytics.filter((type) => camera.ruleSettings?.[type]?.mode !== 'shadow');

/**
 * Shadow mode for supervisors: each rule in observation with its evidence and its promotion, the alerts
 * those rules raised (never shown to operators) to label true, false or irrelevant, a form to put a live
 * rule in observation first, and one to replay recordings through a rule with other settings.
 */
export function ReviewPage() {
  const { t, problem } = useI18n();
  const timeZone = useTimeZone();
  const { cameras } = useCameras();
  const [cameraId, setCameraId] = useState('');
  const [type, setType] = useState('');
  const [alerts, setAlerts] = useState<ShadowAlert[] | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [revision, setRevision] = useState(0);
  const [promoted, setPromoted] = useState<string[]>([]);

  useEffect(() => {
    const query = {
      ...(cameraId === '' ? {} : { cameraId }),
      ...(type === '' ? {} : { type: type as AnalyticsEventType }),
    };
    void reviewApi.list(query).then((result) => {
      setFailure(result.ok ? undefined : result);
      if (result.ok) setAlerts(result.data);
    });
  }, [cameraId, type]);

  const names = new Map((cameras ?? []).map((c) => [c.id, c.name]));
  const observed = (cameras ?? []).flatMap((camera) => shadowRules(camera).map((rule) => ({ camera, rule })));
  const labelled = (alert: ShadowAlert) => {
    setAlerts((all) => all?.map((a) => (a.id === alert.id ? alert : a)));
    setRevision((r) => r + 1);
  };
  return (
    <div className="review-page">
      <h2>{t('review.heading')}</h2>
      <p className="hint">{t('review.intro')}</p>
      {failure !== undefined && (
        <p className="error" role="alert">
          {problem(failure)}
        </p>
      )}
      <section className="shadow-rules" aria-labelledby="review-rules">
        <h3 id="review-rules">{t('review.rules')}</h3>
        {promoted.map((notice) => (
          <p key={notice} className="notice promoted" role="status">
            {notice}
          </p>
        ))}
        {cameras !== undefined && observed.length === 0 && <p className="empty">{t('review.noRules')}</p>}
        {observed.map(({ camera, rule }) => (
          <ShadowRuleCard
            key={`${camera.id} ${rule}`}
            cameraId={camera.id}
            cameraName={camera.name}
            type={rule}
            revision={revision}
            onPromoted={(notice) => setPromoted((all) => [...all, notice])}
          />
        ))}
        {cameras !== undefined && <ObserveForm cameras={cameras} />}
        {cameras !== undefined && <RuleReplayForm cameras={cameras} timeZone={timeZone} />}
      </section>
      <section className="shadow-alerts" aria-labelledby="review-alerts">
        <h3 id="review-alerts">{t('review.alerts')}</h3>
        <div className="filters" role="search">
          <FilterSelect
            label={t('alerts.filter.camera')}
            value={cameraId}
            onChange={setCameraId}
            options={cameraOptions(cameras ?? [])}
          />
          <FilterSelect
            label={t('alerts.filter.type')}
            value={type}
            onChange={setType}
            options={analyticsEventTypes.map((a) => ({ value: a, label: t(`alertType.${a}` as MessageKey) }))}
          />
          {alerts !== undefined && <span className="count">{t('review.alertsCount', { count: alerts.length })}</span>}
        </div>
        {alerts?.length === 0 && <p className="empty">{t('review.empty')}</p>}
        <ol className="shadow-alert-list">
          {(alerts ?? []).map((alert) => (
            <ShadowAlertItem
              key={alert.id}
              alert={alert}
              cameraName={names.get(alert.cameraId) ?? alert.cameraId}
              timeZone={timeZone}
              onLabelled={labelled}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Puts one live rule of a camera in observation (the camera list then shows it among the rules in shadow). */
function ObserveForm({ cameras }: { cameras: readonly Camera[] }) {
  const { t, problem } = useI18n();
  const [cameraId, setCameraId] = useState('');
  const [type, setType] = useState('');
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const camera = cameras.find((c) => c.id === cameraId);
  const offered = camera === undefined ? [] : liveRules(camera);

  async function observe(): Promise<void> {
    if (camera === undefined || type === '') return;
    const result = await reviewApi.observe(camera, type as AnalyticsEventType);
    setFailure(result.ok ? undefined : result);
    if (result.ok) setType('');
  }

  return (
    <form
      className="observe-form"
      onSubmit={(event) => {
        event.preventDefault();
        void observe();
      }}
    >
      <h4>{t('review.observe')}</h4>
      <label htmlFor="observe-camera">{t('review.observeCamera')}</label>
      <select
        id="observe-camera"
        value={cameraId}
        onChange={(e) => {
          setCameraId(e.target.value);
          setType('');
        }}
      >
        <option value="" />
        {cameras.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor="observe-type">{t('review.observeType')}</label>
      <select id="observe-type" value={type} onChange={(e) => setType(e.target.value)} disabled={offered.length === 0}>
        <option value="" />
        {offered.map((a) => (
          <option key={a} value={a}>
            {t(`alertType.${a}` as MessageKey)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={type === ''}>
        {t('review.observeSubmit')}
      </button>
      {camera !== undefined && offered.length === 0 && <p className="hint">{t('review.observeNone')}</p>}
      {failure !== undefined && (
        <p className="error" role="alert">
          {problem(failure)}
        </p>
      )}
    </form>
  );
}
