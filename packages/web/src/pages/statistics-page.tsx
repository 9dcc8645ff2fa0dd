import { useEffect, useState } from 'react';
import type { AlertTypeStats, CountPoint } from '../api/contract';
import { useCameras } from '../api/use-cameras';
import { notAvailableYet, videoApi } from '../api/video-api';
import { NotAvailable } from '../components/not-available';
import { StatsCharts } from '../components/stats-charts';
import { useI18n } from '../i18n/i18n';

const periods = { day: 24, week: 24 * 7 } as const;

/** Counting and alert statistics over the last day or week, for one camera or all. */
export function StatisticsPage() {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const [period, setPeriod] = useState<keyof typeof periods>('day');
  const [cameraId, setCameraId] = useState('');
  const [data, setData] = useState<{
    counts: CountPoint[];
    alertStats: AlertTypeStats[];
    window: { from: number; to: number };
  }>();
  const [state, setState] = useState<'loading' | 'ready' | 'unavailable' | { error: string }>('loading');

  useEffect(() => {
    const to = Date.now();
    const window = { from: to - periods[period] * 3_600_000, to };
    const iso = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() };
    void Promise.all([
      videoApi.countStats({ ...iso, ...(cameraId === '' ? {} : { cameraId }) }),
      videoApi.alertStats(iso),
    ]).then(([counts, alertStats]) => {
      if (counts.ok && alertStats.ok) {
        setData({ counts: counts.data, alertStats: alertStats.data, window });
        setState('ready');
      } else if (notAvailableYet(counts)) setState('unavailable');
      else setState({ error: counts.ok ? (alertStats.ok ? '' : alertStats.message) : counts.message });
    });
  }, [period, cameraId]);

  return (
    <div className="statistics-page">
      <h2>{t('nav.statistics')}</h2>
      <div className="filters" role="search">
        <label>
          {t('stats.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as keyof typeof periods)}>
            <option value="day">{t('stats.day')}</option>
            <option value="week">{t('stats.week')}</option>
          </select>
        </label>
        <label>
          {t('alerts.filter.camera')}
          <select value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {(cameras ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {state === 'unavailable' && <NotAvailable feature={t('nav.statistics')} />}
      {state === 'loading' && <p>{t('common.loading')}</p>}
      {typeof state === 'object' && <p className="error">{state.error}</p>}
      {state === 'ready' && data !== undefined && (
        <StatsCharts
          counts={data.counts}
          alertStats={data.alertStats}
          window={data.window}
          bucketMinutes={period === 'day' ? 60 : 360}
        />
      )}
    </div>
  );
}
