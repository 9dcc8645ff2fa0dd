import { roles as allRoles } from '@vigie/core/permissions';
import { useState } from 'react';
import { api, errorMessage, type RoleName, type User } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** An account just created, with the one-time-code key to hand over once. */
export interface Created {
  user: User;
  totp?: { secret: string; uri: string };
}

const staffRoles = allRoles.filter((r) => r !== 'public');

/** Creates an account: username, name, initial password and roles. */
export function UserCreateForm({ onCreated }: { onCreated: (created: Created) => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState({ username: '', displayName: '', password: '' });
  const [roles, setRoles] = useState<RoleName[]>(['operator']);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    setBusy(true);
    const { data, error: failure, response } = await api.POST('/api/users', { body: { ...fields, roles } });
    setBusy(false);
    if (data === undefined) {
      const details = (failure as { error?: { details?: { path: string; reason: string }[] } }).error?.details ?? [];
      setError([errorMessage(failure, response), ...details.map((d) => `${d.path}: ${d.reason}`)].join(' '));
      return;
    }
    setError(undefined);
    setFields({ username: '', displayName: '', password: '' });
    onCreated(data);
  }

  const input = (name: keyof typeof fields) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value })),
  });

  return (
    <form
      className="user-create"
      aria-labelledby="user-create-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="user-create-heading">{t('users.create')}</h3>
      <label>
        {t('users.username')}
        <input {...input('username')} required pattern="[a-z0-9][a-z0-9._\-]{1,62}" autoComplete="off" />
      </label>
      <label>
        {t('users.displayName')}
        <input {...input('displayName')} required maxLength={100} />
      </label>
      <label>
        {t('users.password')}
        <input {...input('password')} type="password" required minLength={12} autoComplete="new-password" />
      </label>
      <fieldset>
        <legend>{t('users.roles')}</legend>
        {staffRoles.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(e) => setRoles((r) => (e.target.checked ? [...r, role] : r.filter((x) => x !== role)))}
            />
            {t(`role.${role}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || roles.length === 0}>
        {t('users.createButton')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
