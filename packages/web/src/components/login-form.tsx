import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** What the login form sends. */
export interface LoginFields {
  username: string;
  password: string;
  totp: string;
}

/** The login form: username, password and, for roles that view images, the one-time code. */
export function LoginForm({ onLogin }: { onLogin: (form: LoginFields) => Promise<string | undefined> }) {
  const { t } = useI18n();
  const [fields, setFields] = useState<LoginFields>({ username: '', password: '', totp: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(await onLogin(fields));
    setBusy(false);
  }

  const field = (name: keyof LoginFields) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <form
      className="login"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('login.heading')}</h2>
      <label>
        {t('login.username')}
        <input {...field('username')} autoComplete="username" required />
      </label>
      <label>
        {t('login.password')}
        <input {...field('password')} type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t('login.totp')}
        <input {...field('totp')} inputMode="numeric" pattern="[0-9]{6}" autoComplete="one-time-code" />
      </label>
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p>
        <a href="/transparence">{t('transparency.loginLink')}</a>
      </p>
    </form>
  );
}
