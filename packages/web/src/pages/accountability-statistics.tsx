import { useState } from 'react';
import type { Transparency } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { answeredRequests, monthLines, statisticsMonths, type MonthLine } from '../logic/accountability';

/** "Label : n, label : n", or a dash when nothing was counted. */
function Breakdown({ counts, label }: { counts: Record<string, number>; label: (key: string) => string }) {
  const { t } = useI18n();
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className="breakdown">
      {entries.map(([key, n]) => (
        <li key={key}>{t('statistics.count', { label: label(key), count: n })}</li>
      ))}
    </ul>
  );
}

function MonthTable({ lines, caption }: { lines: MonthLine[]; caption: string }) {
  const { t } = useI18n();
  return (
    <table className="public-cards public-statistics" aria-label={caption}>
      <thead>
        <tr>
          <th>{t('column.name')}</th>
          <th>{t('statistics.liveViews')}</th>
          <th>{t('statistics.playbacks')}</th>
          <th>{t('statistics.exports')}</th>
          <th>{t('statistics.alerts')}</th>
          <th>{t('statistics.verdicts')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.cameraId} data-camera-id={line.cameraId}>
            <td className="name" data-label={t('column.name')}>
              {line.name ?? t('statistics.removedCamera')}
            </td>
            <td data-label={t('statistics.liveViews')}>{line.liveViews}</td>
            <td data-label={t('statistics.playbacks')}>{line.playbacks}</td>
            <td data-label={t('statistics.exports')}>
              <Breakdown counts={line.exportsByPurpose} label={(p) => t(`purpose.${p}` as MessageKey)} />
            </td>
            <td data-label={t('statistics.alerts')}>{line.alerts}</td>
            <td data-label={t('statistics.verdicts')}>
              <Breakdown counts={line.alertVerdicts} label={(v) => t(`alerts.verdict.${v}` as MessageKey)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The public accountability figures (issue 16, item 7): per camera and month, live views, playbacks, exports
 * by purpose, alerts and operators' verdicts, and access requests answered within the deadline.
 */
export function AccountabilityStatistics({ data }: { data: Transparency }) {
  const { t, language } = useI18n();
  const statistics = data.statistics ?? { cameras: [], accessRequests: [] };
  const months = statisticsMonths(statistics);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const month = chosen !== undefined && months.includes(chosen) ? chosen : months[0];
  const monthName = (m: string) =>
    new Date(`${m}-15T12:00:00`).toLocaleDateString(dateLocale(language), { month: 'long', year: 'numeric' });
  return (
    <section className="accountability">
      <h2>{t('statistics.heading')}</h2>
      <p>{t('statistics.intro')}</p>
      {month === undefined ? (
        <p className="none">{t('statistics.none')}</p>
      ) : (
        <>
          <label className="month">
            {t('statistics.month')}
            <select value={month} onChange={(e) => setChosen(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthName(m)}
                </option>
              ))}
            </select>
          </label>
          <MonthTable
            lines={monthLines(statistics, data.cameras, month)}
            caption={t('statistics.table', { month: monthName(month) })}
          />
          <RequestsLine answered={answeredRequests(statistics, month)} month={monthName(month)} />
        </>
      )}
    </section>
  );
}

function RequestsLine({ answered, month }: { answered: { answered: number; withinDeadline: number }; month: string }) {
  const { t } = useI18n();
  return (
    <p className="requests">
      {answered.answered === 0
        ? t('statistics.noRequests', { month })
        : t('statistics.requests', { month, answered: answered.answered, within: answered.withinDeadline })}
    </p>
  );
}
