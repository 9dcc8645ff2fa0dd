import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';

/** The login form: username, password and, for roles that view images, the one-time code. */
export function LoginForm({
  onLogin,
}: {
  onLogin: (form: { username: string; password: string; totp: string }) => Promise<string | undefined>;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    const message = await onLogin({
      username: String(data.get('username') ?? ''),
      password: String(data.get('password') ?? ''),
      totp: String(data.get('totp') ?? ''),
    });
    setBusy(false);
    setError(message);
  }

  return (
    <form className="login" onSubmit={(e) => void submit(e)}>
      <h2>{t('login.heading')}</h2>
      <label>
        {t('login.username')}
        <input name="username" autoComplete="username" required />
      </label>
      <label>
        {t('login.password')}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t('login.totp')}
        <input name="totp" inputMode="numeric" pattern="[0-9]{6}" autoComplete="one-time-code" />
      </label>
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
