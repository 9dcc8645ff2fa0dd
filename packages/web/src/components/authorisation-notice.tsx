import type { Authorisation } from '../api/contract';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import { authorisationWarning } from '../logic/authorisation';

/**
 * Tells why a camera's images are locked (red: prefectoral authorisation expired or missing) or that its
 * renewal is due (amber); nothing when the authorisation is valid.
 */
export function AuthorisationNotice({ authorisation }: { authorisation: Authorisation | undefined }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const warning = authorisationWarning(authorisation);
  if (warning === undefined || authorisation === undefined) return null;
  const date =
    authorisation.expiresAt === null
      ? ''
      : new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'long', timeZone }).format(
          new Date(authorisation.expiresAt),
        );
  if (warning === 'renewal')
    return (
      <p className="authorisation-notice renewal" role="status">
        {t('banner.authorisation.renewalDue', { date })}
      </p>
    );
  return (
    <p className="authorisation-notice locked" role="alert">
      {authorisation.state === 'expired'
        ? t('banner.authorisation.expired', { date })
        : t('banner.authorisation.missing')}
    </p>
  );
}
