import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import { daysLeft, daysOverdue } from '../logic/access-request-flow';

/** A request's legal deadline and the days left, in red once the server flags it overdue (GDPR art. 12(3)). */
export function RequestDeadline({ dueAt, overdue, answered }: { dueAt: string; overdue: boolean; answered: boolean }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const days = daysLeft(dueAt, new Date());
  const date = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeZone }).format(new Date(dueAt));
  return (
    <span className={overdue ? 'deadline overdue' : 'deadline'} data-overdue={overdue ? 'true' : undefined}>
      {date}
      {!answered && (
        <>
          {' '}
          <strong>
            {overdue
              ? t('requests.overdueBy', { days: daysOverdue(dueAt, new Date()) })
              : days === 0
                ? t('requests.lastDay')
                : t('requests.daysLeft', { days })}
          </strong>
        </>
      )}
    </span>
  );
}
