import { useEffect, useState } from 'react';
import type { AlertTypeStats, CountSample } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { videoApi } from '../api/video-api';
import { cameraOptions, FilterSelect } from '../components/filter-select';
import { StatsCharts } from '../components/stats-charts';
import { useI18n } from '../i18n/i18n';
import { seriesKey, seriesName, seriesOf } from '../logic/count-series';

/** Each period offered: how far back it looks and the width of a chart bar, in minutes. */
const periods = {
  hour: { minutes: 60, bucket: 5 },
  day: { minutes: 24 * 60, bucket: 60 },
  week: { minutes: 7 * 24 * 60, bucket: 360 },
} as const;

type Period = keyof typeof periods;

/** Counting and alert statistics over the last hour, day or week, for one camera or all, one series or all. */
export function StatisticsPage() {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const [period, setPeriod] = useState<Period>('day');
  const [cameraId, setCameraId] = useState('');
  const [series, setSeries] = useState('');
  const [data, setData] = useState<{
    counts: CountSample[];
    alertStats: AlertTypeStats[];
    window: { from: number; to: number };
  }>();
  const [state, setState] = useState<'loading' | 'ready' | { error: string }>('loading');

  useEffect(() => {
    const to = Date.now();
    const window = { from: to - periods[period].minutes * 60_000, to };
    const iso = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
    void Promise.all([
      videoApi.countStats({ ...iso, ...(cameraId === '' ? {} : { cameraId }) }),
      videoApi.alertStats(iso),
    ]).then(([counts, alertStats]) => {
      if (counts.ok && alertStats.ok) {
        setData({ counts: counts.data, alertStats: alertStats.data, window });
        setState('ready');
      } else setState({ error: counts.ok ? (alertStats.ok ? '' : alertStats.message) : counts.message });
    });
  }, [period, cameraId]);

  const available = seriesOf(data?.counts ?? []);
  const shown = (data?.counts ?? []).filter((s) => series === '' || seriesKey(s) === series);
  return (
    <div className="statistics-page">
      <h2>{t('nav.statistics')}</h2>
      <div className="filters" role="search">
        <label>
          {t('stats.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)}>
            <option value="hour">{t('stats.hour')}</option>
            <option value="day">{t('stats.day')}</option>
            <option value="week">{t('stats.week')}</option>
          </select>
        </label>
        <FilterSelect
          label={t('alerts.filter.camera')}
          value={cameraId}
          onChange={(value) => {
            setCameraId(value);
            setSeries('');
          }}
          options={cameraOptions(cameras ?? [])}
        />
        <FilterSelect
          label={t('stats.series')}
          value={series}
          onChange={setSeries}
          options={available.map((s) => ({ value: seriesKey(s), label: seriesName(s, cameras ?? []) }))}
        />
      </div>
      {state === 'loading' && <p>{t('common.loading')}</p>}
      {typeof state === 'object' && <p className="error">{state.error}</p>}
      {state === 'ready' && data !== undefined && (
        <StatsCharts
          counts={shown}
          alertStats={data.alertStats}
          window={data.window}
          bucketMinutes={periods[period].bucket}
        />
      )}
    </div>
  );
}
