import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, type User } from '../api/client';
import { useCameras } from '../api/use-cameras';
import { CameraAssignment } from '../components/camera-assignment';
import { UserCreateForm, type Created } from '../components/user-create-form';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** Accounts for the administrator: who holds which roles and cameras; create accounts; assign cameras. */
export function UsersPage() {
  const { t } = useI18n();
  const { cameras } = useCameras();
  const [users, setUsers] = useState<User[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [created, setCreated] = useState<Created | undefined>(undefined);
  const [assigning, setAssigning] = useState<string | undefined>(undefined);

  const load = useCallback(() => {
    void api.GET('/api/users').then(({ data, error: failure, response }) => {
      if (data === undefined) setError(errorMessage(failure, response));
      else setUsers(data);
    });
  }, []);
  useEffect(load, [load]);

  const cameraName = (id: string) => cameras?.find((c) => c.id === id)?.name ?? id;
  const assigned = users?.find((u) => u.id === assigning);

  return (
    <div className="users-page">
      <h2>{t('users.heading')}</h2>
      {error !== undefined && <p className="error">{error}</p>}
      {created !== undefined && (
        <div className="created" role="status">
          <p>{t('users.created', { name: created.user.displayName })}</p>
          {created.totp !== undefined && (
            <>
              <p className="warning">{t('users.totpOnce')}</p>
              <p>
                {t('users.totpSecret')} <code className="secret">{created.totp.secret}</code>
              </p>
              <p className="uri">
                <code>{created.totp.uri}</code>
              </p>
            </>
          )}
          <button type="button" onClick={() => setCreated(undefined)}>
            {t('users.totpDone')}
          </button>
        </div>
      )}
      <div className="users-layout">
        <table className="users" aria-label={t('users.heading')}>
          <thead>
            <tr>
              <th>{t('users.username')}</th>
              <th>{t('users.displayName')}</th>
              <th>{t('users.roles')}</th>
              <th>{t('users.cameras')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((user) => (
              <tr key={user.id} data-username={user.username}>
                <td>{user.username}</td>
                <td>{user.displayName}</td>
                <td>{user.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</td>
                <td className="assigned">
                  {user.roles.includes('operator')
                    ? user.cameraIds.length === 0
                      ? t('users.noCamera')
                      : user.cameraIds.map(cameraName).join(', ')
                    : t('users.allCameras')}
                </td>
                <td>
                  {user.roles.includes('operator') && (
                    <button type="button" onClick={() => setAssigning(user.id)}>
                      {t('users.assign')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="side">
          {assigned !== undefined && cameras !== undefined ? (
            <CameraAssignment
              key={assigned.id}
              user={assigned}
              cameras={cameras}
              onSaved={(user) => {
                setUsers((list) => list?.map((u) => (u.id === user.id ? user : u)));
                setAssigning(undefined);
              }}
            />
          ) : (
            <UserCreateForm
              onCreated={(result) => {
                setCreated(result);
                load();
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
