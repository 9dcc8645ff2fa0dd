import { useState } from 'react';
import type { Camera } from '../api/client';
import { dpoApi, type ApiFailure, type RegistryEntry } from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { DateField } from './date-field';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { legalToday } from '../logic/legal-dates';
import { analyticsAllowedToRun } from '@vigie/core/dpia-rules';
import { authorisationOf, blankDpia, registryDraft, registryInput, type RegistryDraft } from '../logic/registry-draft';
import { ApiProblem } from './api-problem';
import { AuthorisationBadge } from './authorisation-badge';
import { DpiaFields } from './dpia-fields';
import { SignPhoto } from './sign-photo';

const signageStatuses = ['installed', 'planned', 'missing'] as const;
const facings = ['public', 'private'] as const;

/**
 * A camera's legal registry entry: its prefectoral authorisation, its sign (with a photo), what it faces and
 * the impact assessment of its analytics. The DPO edits it; other readers see the same fields, disabled.
 */
export function RegistryEditor(props: {
  camera: Camera;
  entry: RegistryEntry | undefined;
  canWrite: boolean;
  onSaved: (entry: RegistryEntry) => void;
}) {
  const { t, language } = useI18n();
  const { camera, entry, canWrite } = props;
  const [draft, setDraft] = useState<RegistryDraft>(() => registryDraft(entry));
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [saved, setSaved] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RegistryDraft>(key: K, v: RegistryDraft[K]) => {
    setSaved(undefined);
    setDraft((d) => ({ ...d, [key]: v }));
  };
  const timeZone = useTimeZone();
  const today = legalToday(new Date(), timeZone);
  const uncovered = analyticsAllowedToRun(camera.analytics, draft.dpia, today).blocked;

  async function save(): Promise<void> {
    setBusy(true);
    setFailure(undefined);
    const result = await dpoApi.recordRegistry(camera.id, registryInput(draft));
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    setDraft(registryDraft(result.data));
    setSaved(result.data.version);
    props.onSaved(result.data);
  }

  return (
    <form
      className="registry-editor"
      aria-labelledby="registry-editor-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="registry-editor-heading">
        {t('registry.editor.heading', { name: camera.name })}{' '}
        <AuthorisationBadge authorisation={authorisationOf(camera, entry)} timeZone={timeZone} />
      </h3>
      <p className="hint">
        {entry === undefined
          ? t('registry.editor.new')
          : t('registry.editor.version', {
              version: entry.version,
              date: new Intl.DateTimeFormat(dateLocale(language), {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone,
              }).format(new Date(entry.updatedAt)),
              name: entry.updatedBy,
            })}
      </p>
      {!canWrite && <p className="notice">{t('registry.readOnly')}</p>}
      <fieldset className="registry-fields" disabled={!canWrite || busy}>
        <div className="column">
          <fieldset className="group authorisation">
            <legend>{t('registry.authorisation')}</legend>
            <label>
              {t('registry.reference')}
              <input
                value={draft.reference}
                required
                maxLength={100}
                placeholder="2024/CAB/0123"
                onChange={(e) => set('reference', e.target.value)}
              />
            </label>
            <DateField
              label={t('registry.issuedOn')}
              value={draft.issuedOn}
              required
              onChange={(v) => set('issuedOn', v)}
            />
            <DateField
              label={t('registry.expiresOn')}
              value={draft.expiresOn}
              required
              onChange={(v) => set('expiresOn', v)}
            />
            <small>{t('registry.expiresHint')}</small>
          </fieldset>
          <fieldset className="group facing">
            <legend>{t('registry.facing')}</legend>
            {facings.map((f) => (
              <label key={f} className="checkbox">
                <input type="radio" name="facing" checked={draft.facing === f} onChange={() => set('facing', f)} />
                {t(`registry.facing.${f}` as MessageKey)}
              </label>
            ))}
            {draft.facing === 'private' && camera.masks.length === 0 && (
              <p className="warning">{t('registry.facing.unmasked')}</p>
            )}
          </fieldset>
        </div>
        <fieldset className="group signage">
          <legend>{t('registry.signage')}</legend>
          <label>
            {t('registry.signage.status')}
            <select
              value={draft.signageStatus}
              onChange={(e) => set('signageStatus', e.target.value as RegistryDraft['signageStatus'])}
            >
              {signageStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`registry.signage.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="wide">
            {t('registry.signage.notes')}
            <textarea
              value={draft.signageNotes}
              rows={2}
              maxLength={1000}
              onChange={(e) => set('signageNotes', e.target.value)}
            />
          </label>
          <div className="photo">
            <span className="label">{t('registry.photo')}</span>
            {entry === undefined ? (
              <p className="hint">{t('registry.photo.afterEntry')}</p>
            ) : (
              <SignPhoto
                cameraId={camera.id}
                photo={entry.signage.photo}
                canUpload={canWrite}
                onUploaded={(photo) => props.onSaved({ ...entry, signage: { ...entry.signage, photo } })}
              />
            )}
          </div>
        </fieldset>
        <fieldset className="group dpia">
          <legend>{t('registry.dpia')}</legend>
          {draft.dpia === undefined ? (
            <p className="hint">{t('registry.dpia.none')}</p>
          ) : (
            <DpiaFields value={draft.dpia} enabled={camera.analytics} onChange={(dpia) => set('dpia', dpia)} />
          )}
          {canWrite &&
            (draft.dpia === undefined ? (
              <button type="button" onClick={() => set('dpia', blankDpia(camera.analytics, today))}>
                {t('registry.dpia.add')}
              </button>
            ) : (
              <button type="button" onClick={() => set('dpia', undefined)}>
                {t('registry.dpia.remove')}
              </button>
            ))}
          {uncovered.length > 0 && (
            <p className="warning">
              {t('registry.dpia.uncovered', {
                analytics: uncovered.map((a) => t(`alertType.${a}` as MessageKey)).join(', '),
              })}
            </p>
          )}
        </fieldset>
      </fieldset>
      {canWrite && (
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('registry.saving') : t('registry.save')}
          </button>
          {saved !== undefined && (
            <span className="ok" role="status">
              {t('registry.saved', { version: saved })}
            </span>
          )}
        </div>
      )}
      <ApiProblem failure={failure} />
    </form>
  );
}
