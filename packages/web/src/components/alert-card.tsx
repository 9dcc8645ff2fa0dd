import type { Alert } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';

/** Props of one compact alert card. */
export interface AlertCardProps {
  alert: Alert;
  cameraName: string;
  selected: boolean;
  onSelect: (alertId: string) => void;
  /** The console's time zone (the city's). */
  timeZone: string;
}

/** One line of the queue: severity, type, camera, time, status (a red dot: nobody acknowledged it) and who handles it; a click selects it. */
export function AlertCard({ alert, cameraName, selected, onSelect, timeZone }: AlertCardProps) {
  const { t, language } = useI18n();
  const time = new Intl.DateTimeFormat(dateLocale(language), {
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(alert.openedAt));
  return (
    <li
      className={`alert-card severity-${alert.severity} status-${alert.status}`}
      data-alert-id={alert.id}
      aria-selected={selected}
      role="option"
      onClick={() => onSelect(alert.id)}
    >
      <span className={`badge severity severity-${alert.severity}`}>
        {t(`severity.${alert.severity}` as MessageKey)}
      </span>
      <strong className="type">{t(`alertType.${alert.type}` as MessageKey)}</strong>
      <span className="camera">{cameraName}</span>
      <time dateTime={alert.openedAt}>{time}</time>
      {alert.status !== 'open' && (
        <span className="badge status">{t(`alertStatus.${alert.status}` as MessageKey)}</span>
      )}
      {alert.qualification !== undefined && (
        <span className="badge">{t(`qualification.${alert.qualification}` as MessageKey)}</span>
      )}
      {alert.claim !== undefined && (
        <span className="badge claim" title={t('alerts.claimedBy', { name: alert.claim.by })}>
          ✋ {alert.claim.by}
        </span>
      )}
      {alert.escalated && <span className="badge escalated">{t('alerts.escalated')}</span>}
    </li>
  );
}
