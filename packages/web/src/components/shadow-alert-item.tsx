import { useState } from 'react';
import type { ApiFailure } from '../api/dpo-api';
import { alertSnapshotUrl } from '../api/media-urls';
import { reviewApi, type ShadowAlert, type ShadowLabel } from '../api/review-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { alertSentence } from '../logic/alert-sentence';

const labels: readonly ShadowLabel[] = ['true', 'false', 'irrelevant'];

/** Props of one alert on the review list. */
export interface ShadowAlertItemProps {
  alert: ShadowAlert;
  cameraName: string;
  timeZone: string;
  /** Called with the alert as the server stored it once labelled. */
  onLabelled: (alert: ShadowAlert) => void;
}

/** An alert of a rule in shadow: its picture, what was seen, where and when, and the three labels (the current one pressed). */
export function ShadowAlertItem({ alert, cameraName, timeZone, onLabelled }: ShadowAlertItemProps) {
  const { t, problem, language } = useI18n();
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });

  async function label(value: ShadowLabel): Promise<void> {
    const result = await reviewApi.label(alert.id, value);
    setFailure(result.ok ? undefined : result);
    if (result.ok) onLabelled(result.data);
  }

  return (
    <li className="shadow-alert" data-alert-id={alert.id} data-label={alert.shadowLabel ?? ''}>
      {alert.hasSnapshot ? (
        <img src={alertSnapshotUrl(alert.id)} alt={alertSentence(alert, language)} loading="lazy" />
      ) : (
        <span className="no-snapshot">{t('review.noSnapshot')}</span>
      )}
      <div className="what">
        <strong>{t(`alertType.${alert.type}` as MessageKey)}</strong> — {cameraName}
        <br />
        <time dateTime={alert.openedAt}>{time.format(new Date(alert.openedAt))}</time>
        <p>{alertSentence(alert, language)}</p>
      </div>
      <div className="labels" role="group" aria-label={t('review.labelAs')}>
        {alert.shadowLabel === undefined && <span className="badge">{t('review.unlabelled')}</span>}
        {labels.map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={alert.shadowLabel === value}
            onClick={() => void label(value)}
          >
            {t(`review.label.${value}` as MessageKey)}
          </button>
        ))}
      </div>
      {failure !== undefined && (
        <p className="error" role="alert">
          {problem(failure)}
        </p>
      )}
    </li>
  );
}
