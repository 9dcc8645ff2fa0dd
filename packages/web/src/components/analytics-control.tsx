import { minStopReasonLength } from '@vigie/core/reasons';
import { useCallback, useEffect, useState } from 'react';
import type { AnalyticsState } from '../api/contract';
import { videoApi } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { ReasonField } from './reason-field';

const refreshMs = 15_000;

/** Props of the analytics stop button. */
export interface AnalyticsControlProps {
  cameras: readonly { id: string; name: string }[];
  /** The account may stop and resume analytics (camera:write); others only see the state. */
  canControl: boolean;
}

/**
 * Whether the analytics run, and (for supervisors) the stop button: halt or resume them on every camera or
 * on one, with a reason written to the audit trail (LEGAL R22).
 */
export function AnalyticsControl({ cameras, canControl }: AnalyticsControlProps) {
  const { t, problem } = useI18n();
  const [state, setState] = useState<AnalyticsState | undefined>(undefined);
  const [scope, setScope] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    void videoApi.analyticsState().then((result) => {
      if (result.ok) setState(result.data);
      else setError(result.message);
    });
  }, []);
  useEffect(() => {
    load();
    // Another supervisor may stop or resume them, and cameras join or leave the analysis.
    const timer = setInterval(load, refreshMs);
    return () => clearInterval(timer);
  }, [load]);

  if (state === undefined) return error === undefined ? null : <p className="error">{error}</p>;
  const name = (id: string) => cameras.find((c) => c.id === id)?.name ?? id;
  const names = (ids: readonly string[]) => ids.map(name).sort().join(', ');
  const scopePaused = scope === '' ? state.paused : state.pausedCameraIds.includes(scope);

  async function toggle(): Promise<void> {
    setBusy(true);
    const result = await videoApi.pauseAnalytics({
      paused: !scopePaused,
      reason: reason.trim(),
      ...(scope === '' ? {} : { cameraId: scope }),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(undefined);
    setReason('');
    setState(result.data);
  }

  return (
    <section className={`analytics-control ${state.paused ? 'paused' : 'running'}`} aria-labelledby="analytics-title">
      <h3 id="analytics-title">{t('analytics.title')}</h3>
      <p className="analytics-state" role="status">
        {state.paused
          ? t('analytics.pausedAll')
          : state.runningCameraIds.length === 0
            ? t('analytics.noneRunning')
            : t('analytics.running', { names: names(state.runningCameraIds) })}
        {!state.paused && state.pausedCameraIds.length > 0 && (
          <> {t('analytics.pausedSome', { names: names(state.pausedCameraIds) })}</>
        )}
      </p>
      {state.unavailableRules.length > 0 && (
        <ul className="analytics-unavailable" role="alert">
          {state.unavailableRules.map((rule) => (
            <li key={`${rule.cameraId}:${rule.type}`}>
              {t('analytics.unavailable', {
                rule: t(`alertType.${rule.type}` as MessageKey),
                camera: name(rule.cameraId),
                reason: problem({ code: rule.code, message: rule.code }),
              })}
            </li>
          ))}
        </ul>
      )}
      {canControl && (
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= minStopReasonLength) void toggle();
          }}
        >
          <label>
            {t('analytics.scope')}
            <select value={scope} onChange={(e) => setScope(e.target.value)}>
              <option value="">{t('analytics.allCameras')}</option>
              {cameras.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <ReasonField
            label={t('analytics.reason')}
            value={reason}
            onChange={setReason}
            minLength={minStopReasonLength}
          />
          <button
            type="submit"
            className={scopePaused ? 'primary' : 'danger'}
            disabled={busy || reason.trim().length < minStopReasonLength}
          >
            {scopePaused ? t('analytics.resume') : t('analytics.stop')}
          </button>
        </form>
      )}
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
