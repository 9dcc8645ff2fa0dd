import { analyticsEventTypes, type AnalyticsEventType } from '@vigie/core/analytic-event-types';
import { useEffect, useState } from 'react';
import type { Camera } from '../api/client';
import type { ApiFailure } from '../api/dpo-api';
import { reviewApi, type Replay, type ReplayRequest, type RuleParamName } from '../api/review-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { instantOfLocalInput, localInputValue } from '../logic/access-request-flow';
import { DateTimeField } from './date-time-field';

/** How often a running replay's progress is read again. */
const pollMs = 1000;

/**
 * Replays a camera's recordings of a past period through one rule with the settings typed here: the
 * progress while it runs, then the events the rule would have raised, each with the label of the alert
 * it overlaps, and their precision.
 */
export function RuleReplayForm({ cameras, timeZone }: { cameras: readonly Camera[]; timeZone: string }) {
  const { t, problem, language } = useI18n();
  const [cameraId, setCameraId] = useState('');
  const [type, setType] = useState('');
  const [params, setParams] = useState<Record<string, string>>({});
  // The period as the city's wall clock to the minute (the times the console shows everywhere).
  const [from, setFrom] = useState(() =>
    localInputValue(new Date(Date.now() - 3_600_000).toISOString(), timeZone).slice(0, 16),
  );
  const [to, setTo] = useState(() => localInputValue(new Date().toISOString(), timeZone).slice(0, 16));
  const [replay, setReplay] = useState<Replay | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });

  // The rule's settings in force on the camera, as the starting point of the ones to try.
  useEffect(() => {
    if (cameraId === '' || type === '') {
      setParams({});
      return;
    }
    void reviewApi.rule(cameraId, type as AnalyticsEventType).then((result) => {
      setFailure(result.ok ? undefined : result);
      if (result.ok) setParams(Object.fromEntries(Object.entries(result.data.params).map(([k, v]) => [k, String(v)])));
    });
  }, [cameraId, type]);

  // A running replay is read again until it is done.
  const running = replay?.status === 'running' ? replay.id : undefined;
  useEffect(() => {
    if (running === undefined) return;
    const timer = setInterval(() => {
      void reviewApi.replayState(running).then((result) => {
        setFailure(result.ok ? undefined : result);
        if (result.ok) setReplay(result.data);
      });
    }, pollMs);
    return () => clearInterval(timer);
  }, [running]);

  async function start(): Promise<void> {
    const start = instantOfLocalInput(from, timeZone);
    const end = instantOfLocalInput(to, timeZone);
    if (cameraId === '' || type === '' || start === undefined || end === undefined) return;
    const body: ReplayRequest = {
      params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number(v)])),
      from: start,
      to: end,
    };
    const result = await reviewApi.replay(cameraId, type as AnalyticsEventType, body);
    setFailure(result.ok ? undefined : result);
    if (result.ok) setReplay(result.data);
  }

  async function cancel(id: string): Promise<void> {
    const result = await reviewApi.cancelReplay(id);
    setFailure(result.ok ? undefined : result);
    if (result.ok) setReplay(result.data);
  }

  const summary = replay?.summary;
  return (
    <section className="replay" aria-labelledby="review-replay">
      <form
        className="replay-form"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <h4 id="review-replay">{t('review.replay.heading')}</h4>
        <p className="hint">{t('review.replay.intro')}</p>
        <label htmlFor="replay-camera">{t('review.replay.camera')}</label>
        <select id="replay-camera" value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
          <option value="" />
          {cameras.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="replay-type">{t('review.replay.type')}</label>
        <select id="replay-type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="" />
          {analyticsEventTypes.map((a) => (
            <option key={a} value={a}>
              {t(`alertType.${a}` as MessageKey)}
            </option>
          ))}
        </select>
        {Object.entries(params).map(([key, value]) => (
          <span key={key} className="field">
            <label htmlFor={`replay-param-${key}`}>{t(`ruleParam.${key as RuleParamName}`)}</label>
            <input
              id={`replay-param-${key}`}
              type="number"
              step="any"
              min="0"
              value={value}
              onChange={(e) => setParams((all) => ({ ...all, [key]: e.target.value }))}
            />
          </span>
        ))}
        <DateTimeField label={t('review.replay.from')} value={from} required onChange={setFrom} />
        <DateTimeField label={t('review.replay.to')} value={to} required onChange={setTo} />
        <button type="submit" disabled={cameraId === '' || type === '' || running !== undefined}>
          {t('review.replay.submit')}
        </button>
      </form>
      {failure !== undefined && (
        <p className="error" role="alert">
          {problem(failure)}
        </p>
      )}
      {replay?.status === 'running' && (
        <p role="status">
          {t('review.replay.progress', {
            done: Math.round(replay.progress.analysedS),
            total: Math.round(replay.progress.recordedS),
            segments: replay.progress.segmentsDone,
            count: replay.progress.segments,
          })}{' '}
          <button type="button" onClick={() => void cancel(replay.id)}>
            {t('review.replay.cancel')}
          </button>
        </p>
      )}
      {replay?.status === 'cancelled' && (
        <p role="status">
          {t('review.replay.cancelled', { segments: replay.progress.segmentsDone, count: replay.progress.segments })}
        </p>
      )}
      {replay?.status === 'failed' && (
        <p className="error" role="alert">
          {t('review.replay.failed', { message: replay.error === undefined ? '' : problem(replay.error) })}
        </p>
      )}
      {summary !== undefined && (
        <div className="replay-result" role="status">
          <p>
            {t('review.replay.summary', {
              events: summary.events,
              trueEvents: summary.trueEvents,
              falseEvents: summary.falseEvents,
              irrelevant: summary.irrelevant,
              unlabelled: summary.unlabelled,
              missedTrue: summary.missedTrue,
            })}
          </p>
          <p>
            {summary.precision === null
              ? t('review.replay.noPrecision')
              : t('review.replay.precision', { precision: percent.format(summary.precision) })}
          </p>
          {replay !== undefined && replay.events.length > 0 && (
            <table className="replay-events">
              <thead>
                <tr>
                  <th scope="col">{t('review.replay.when')}</th>
                  <th scope="col">{t('review.replay.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {replay.events.map((event) => (
                  <tr key={event.at}>
                    <td>{time.format(new Date(event.at))}</td>
                    <td>
                      {event.verdict === undefined
                        ? t('review.replay.unlabelled')
                        : t(`review.label.${event.verdict}` as MessageKey)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
