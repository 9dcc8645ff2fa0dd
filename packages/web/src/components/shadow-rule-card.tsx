import type { AnalyticsEventType } from '@vigie/core/analytic-event-types';
import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/dpo-api';
import { reviewApi, type PromotionReport, type RulePage } from '../api/review-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';

/** Props of one rule in shadow. */
export interface ShadowRuleCardProps {
  cameraId: string;
  cameraName: string;
  type: AnalyticsEventType;
  /** Changes whenever a label was given, so the figures are read again. */
  revision: number;
  /** Told, in words, once the rule went live (the card then leaves the list of rules in shadow). */
  onPromoted: (notice: string) => void;
}

/**
 * A rule running in shadow on a camera: its labels against what promotion needs, its precision, its
 * precision month by month, and the button that takes it live (the server refuses, in words, without enough
 * evidence; the precision report then goes into the audit entry).
 */
export function ShadowRuleCard({ cameraId, cameraName, type, revision, onPromoted }: ShadowRuleCardProps) {
  const { t, problem, language } = useI18n();
  const [page, setPage] = useState<RulePage | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const month = new Intl.DateTimeFormat(dateLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' });

  useEffect(() => {
    // New labels may have changed the answer to an earlier refusal: it is shown again only if still refused.
    void reviewApi.rule(cameraId, type).then((result) => {
      setFailure(result.ok ? undefined : result);
      if (result.ok) setPage(result.data);
    });
  }, [cameraId, type, revision]);

  const promotedNotice = (report: PromotionReport) =>
    t('review.rule.promoted', {
      rule: t(`alertType.${type}` as MessageKey),
      camera: cameraName,
      precision: report.precision === null ? '—' : percent.format(report.precision),
      labelled: report.labelled,
    });

  async function promote(): Promise<void> {
    setBusy(true);
    const result = await reviewApi.promote(cameraId, type);
    setBusy(false);
    setFailure(result.ok ? undefined : result);
    if (result.ok) onPromoted(promotedNotice(result.data.report));
  }

  const shadow = page?.shadow;
  const labelled = shadow === undefined ? 0 : shadow.trueAlerts + shadow.falseAlarms;
  const months = (page?.months ?? []).filter((m) => m.alerts > 0);
  return (
    <article className="shadow-rule" data-camera-id={cameraId} data-analytic={type}>
      <h4>
        {t(`alertType.${type}` as MessageKey)} — {cameraName}
      </h4>
      {page !== undefined && shadow !== undefined && (
        <>
          <p className="labels">
            {t('review.rule.labels', {
              labelled,
              needed: page.policy.minLabelled,
              trueAlerts: shadow.trueAlerts,
              falseAlarms: shadow.falseAlarms,
              irrelevant: shadow.irrelevant,
            })}
          </p>
          <p className="precision">
            {shadow.precision === null
              ? t('review.rule.noPrecision')
              : t('review.rule.precision', { precision: percent.format(shadow.precision) })}
          </p>
          <p className="hint">
            {t('review.rule.policy', {
              count: page.policy.minLabelled,
              precision: percent.format(page.policy.minPrecision),
            })}
          </p>
          {months.length > 0 && (
            <table className="rule-months">
              <caption>{t('review.rule.months')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('review.rule.month')}</th>
                  <th scope="col">{t('review.rule.monthMode')}</th>
                  <th scope="col">{t('review.rule.monthAlerts')}</th>
                  <th scope="col">{t('review.rule.monthPrecision')}</th>
                </tr>
              </thead>
              <tbody>
                {months.map((m) => (
                  <tr key={`${m.month} ${m.shadow}`}>
                    <td>{month.format(new Date(m.month))}</td>
                    <td>{t(m.shadow ? 'review.mode.shadow' : 'review.mode.live')}</td>
                    <td>{m.alerts}</td>
                    <td>{m.precision === null ? '—' : percent.format(m.precision)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <button type="button" disabled={busy || page === undefined} onClick={() => void promote()}>
        {t('review.rule.promote')}
      </button>
      {failure !== undefined && (
        <p className="error" role="alert">
          {problem(failure)}
        </p>
      )}
    </article>
  );
}
