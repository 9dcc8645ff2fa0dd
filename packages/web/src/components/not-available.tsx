import { useI18n } from '../i18n/i18n';

/** Says that this server does not offer a feature yet (its API route is missing), instead of an error. */
export function NotAvailable({ feature }: { feature: string }) {
  const { t } = useI18n();
  return (
    <p className="notice" role="status">
      {t('common.notAvailable', { feature })}
    </p>
  );
}
