import { useState } from 'react';
import { api, errorMessage, type Camera, type User } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** Chooses exactly which cameras an operator may see, and saves the set. */
export function CameraAssignment({
  user,
  cameras,
  onSaved,
}: {
  user: User;
  cameras: readonly Camera[];
  onSaved: (user: User) => void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(user.cameraIds));
  const [error, setError] = useState<string | undefined>(undefined);

  async function save(): Promise<void> {
    const {
      data,
      error: failure,
      response,
    } = await api.PUT('/api/users/{id}/cameras', {
      params: { path: { id: user.id } },
      body: { cameraIds: [...chosen] },
    });
    if (data === undefined) setError(errorMessage(failure, response));
    else onSaved(data);
  }

  return (
    <form
      className="assignment"
      aria-label={t('users.assignFor', { name: user.displayName })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset>
        <legend>{t('users.assignFor', { name: user.displayName })}</legend>
        {cameras.map((camera) => (
          <label key={camera.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(camera.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(camera.id);
                else next.delete(camera.id);
                setChosen(next);
              }}
            />
            {camera.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {t('users.assignSave')}
      </button>
      {error !== undefined && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
