import { useCameras } from '../api/use-cameras';
import { useI18n } from '../i18n/i18n';
import { languages, type Language } from '../i18n/messages';
import { CameraList } from './camera-list';

/** The console shell: header with connection status and language, then the camera registry. */
export function App() {
  const { t, language, setLanguage } = useI18n();
  const { cameras, error, connected } = useCameras();
  return (
    <div className="app">
      <header>
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        <span className={connected ? 'status live' : 'status offline'} role="status">
          {connected ? t('status.live') : t('status.offline')}
        </span>
        <label>
          {t('language.label')}{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <h2>
          {t('cameras.heading')}
          {cameras && <small> — {t('cameras.count', { count: cameras.length })}</small>}
        </h2>
        {error && <p className="error">{t('cameras.error', { message: error })}</p>}
        {cameras === undefined ? <p>{t('cameras.loading')}</p> : <CameraList cameras={cameras} />}
      </main>
    </div>
  );
}
