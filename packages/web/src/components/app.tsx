import { useCameras } from '../api/use-cameras';
import { useSession } from '../api/use-session';
import { useI18n } from '../i18n/i18n';
import { languages, type Language } from '../i18n/messages';
import { CameraList } from './camera-list';
import { LoginForm } from './login-form';

function Cameras() {
  const { t } = useI18n();
  const { cameras, error, connected } = useCameras();
  return (
    <>
      <span className={connected ? 'status live' : 'status offline'} role="status">
        {connected ? t('status.live') : t('status.offline')}
      </span>
      <h2>
        {t('cameras.heading')}
        {cameras && <small> — {t('cameras.count', { count: cameras.length })}</small>}
      </h2>
      {error && <p className="error">{t('cameras.error', { message: error })}</p>}
      {cameras === undefined ? <p>{t('cameras.loading')}</p> : <CameraList cameras={cameras} />}
    </>
  );
}

/** The console shell: header with session and language, then the login form or the camera registry. */
export function App() {
  const { t, language, setLanguage } = useI18n();
  const { me, login, logout } = useSession();
  return (
    <div className="app">
      <header>
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        {me && (
          <span className="user">
            {me.displayName}{' '}
            <button type="button" onClick={() => void logout()}>
              {t('login.logout')}
            </button>
          </span>
        )}
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
      <main>{me === undefined ? null : me === null ? <LoginForm onLogin={login} /> : <Cameras />}</main>
    </div>
  );
}
