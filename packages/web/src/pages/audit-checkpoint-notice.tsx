import type { AuditPublication } from '../api/use-audit-checkpoint';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';

/**
 * The audit trail's newest signed checkpoint on the public page: anyone may note the head hash and
 * signature of the day and later hold the city to them (a rewritten trail no longer matches).
 */
export function AuditCheckpointNotice({ published }: { published: AuditPublication | undefined }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  if (published === undefined) return null;
  const { checkpoint } = published;
  const at =
    checkpoint === null
      ? ''
      : new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone }).format(
          new Date(checkpoint.at),
        );
  return (
    <section className="audit-checkpoint">
      <h2>{t('transparency.auditTitle')}</h2>
      {checkpoint === null ? (
        <p>{t('transparency.auditNone')}</p>
      ) : (
        <>
          <p>{t('transparency.auditText', { entries: checkpoint.entries, at, keyId: published.keyId })}</p>
          <dl>
            <dt>{t('transparency.auditHead')}</dt>
            <dd>
              <code className="head-hash">{checkpoint.headHash}</code>
            </dd>
            <dt>{t('transparency.auditSignature')}</dt>
            <dd>
              <code className="signature">{checkpoint.signature}</code>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
