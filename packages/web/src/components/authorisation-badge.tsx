import type { Authorisation } from '../api/contract';
import { formatLastDay } from '../logic/legal-dates';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/**
 * A camera's prefectoral authorisation as a coloured badge with its words and, when known, its end date
 * (a calendar day of the legal profile's time zone).
 */
export function AuthorisationBadge({ authorisation, timeZone }: { authorisation: Authorisation; timeZone: string }) {
  const { t, language } = useI18n();
  const until =
    authorisation.expiresAt === null ? undefined : formatLastDay(authorisation.expiresAt, language, timeZone);
  return (
    <span className="authorisation-state" data-state={authorisation.state}>
      <span className={`badge authorisation-${authorisation.state}`}>
        {t(`registry.state.${authorisation.state}` as MessageKey)}
      </span>
      {until !== undefined && <span className="until"> {t('registry.until', { date: until })}</span>}
    </span>
  );
}
