import type { AlertTypeStats, CountSample } from '../api/contract';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { axisTicks, bucketCounts, niceMax, percent } from '../logic/chart-scale';
import type { Window } from '../logic/timeline';

/** Props of the statistics charts. */
export interface StatsChartsProps {
  counts: readonly CountSample[];
  alertStats: readonly AlertTypeStats[];
  window: Window;
  bucketMinutes?: number;
}

const chart = { width: 900, height: 260, left: 50, bottom: 30, top: 10 };

function CountsChart({ counts, window, bucketMinutes }: Required<Omit<StatsChartsProps, 'alertStats'>>) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const buckets = bucketCounts(counts, window, bucketMinutes * 60_000);
  const top = niceMax(Math.max(1, ...buckets.flatMap((b) => [b.in, b.out])));
  const plotW = chart.width - chart.left;
  const plotH = chart.height - chart.bottom - chart.top;
  const slot = plotW / buckets.length;
  const y = (v: number) => chart.top + plotH - (v / top) * plotH;
  const hour = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'short', timeZone });
  const labelEvery = Math.ceil(buckets.length / 8);
  return (
    <figure className="chart">
      <figcaption>{t('stats.counts', { minutes: bucketMinutes })}</figcaption>
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        role="img"
        aria-label={t('stats.counts', { minutes: bucketMinutes })}
      >
        {axisTicks(top).map((v) => (
          <g key={v}>
            <line className="grid" x1={chart.left} x2={chart.width} y1={y(v)} y2={y(v)} />
            <text className="axis" x={chart.left - 8} y={y(v) + 5} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => (
          <g key={b.start}>
            <rect
              className="bar in"
              x={chart.left + i * slot + slot * 0.1}
              width={slot * 0.4}
              y={y(b.in)}
              height={y(0) - y(b.in)}
            >
              <title>{`${hour.format(new Date(b.start))} ${t('stats.in')}: ${b.in}`}</title>
            </rect>
            <rect
              className="bar out"
              x={chart.left + i * slot + slot * 0.5}
              width={slot * 0.4}
              y={y(b.out)}
              height={y(0) - y(b.out)}
            >
              <title>{`${hour.format(new Date(b.start))} ${t('stats.out')}: ${b.out}`}</title>
            </rect>
            {i % labelEvery === 0 && (
              <text className="axis" x={chart.left + i * slot} y={chart.height - 8}>
                {hour.format(new Date(b.start))}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p className="legend">
        <span className="key in">
          {t('stats.sum', { label: t('stats.in'), count: buckets.reduce((sum, b) => sum + b.in, 0) })}
        </span>{' '}
        <span className="key out">
          {t('stats.sum', { label: t('stats.out'), count: buckets.reduce((sum, b) => sum + b.out, 0) })}
        </span>
      </p>
    </figure>
  );
}

function PrecisionTable({ alertStats }: { alertStats: readonly AlertTypeStats[] }) {
  const { t } = useI18n();
  return (
    <table className="precision" aria-label={t('stats.precision')}>
      <caption>{t('stats.precision')}</caption>
      <thead>
        <tr>
          <th>{t('stats.type')}</th>
          <th>{t('stats.total')}</th>
          <th>{t('stats.trueAlerts')}</th>
          <th>{t('stats.falseAlarms')}</th>
          <th>{t('stats.precisionColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {alertStats.map((s) => {
          const p = percent(s.precision);
          return (
            <tr key={s.type}>
              <th scope="row">{t(`alertType.${s.type}` as MessageKey)}</th>
              <td>{s.total}</td>
              <td>{s.trueAlerts}</td>
              <td>{s.falseAlarms}</td>
              <td>
                {p === undefined ? (
                  t('stats.notJudged')
                ) : (
                  <span className="meter">
                    <svg viewBox="0 0 100 12" aria-hidden="true">
                      <rect width={100} height={12} className="meter-track" />
                      <rect width={p} height={12} className="meter-fill" />
                    </svg>
                    {p} %
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Statistics in plain SVG: people counted in and out over time, and how often each alert type was right. */
export function StatsCharts({ counts, alertStats, window, bucketMinutes = 15 }: StatsChartsProps) {
  return (
    <div className="stats-charts">
      <CountsChart counts={counts} window={window} bucketMinutes={bucketMinutes} />
      <PrecisionTable alertStats={alertStats} />
    </div>
  );
}
