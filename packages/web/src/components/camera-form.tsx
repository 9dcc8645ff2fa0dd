import { useI18n } from '../i18n/i18n';
import type { CameraDraft } from '../logic/camera-patch';
import { useLegalProfile } from '../api/use-console-settings';
import { CoordinateField, PurposesField } from './camera-fields';

type Settings = Omit<CameraDraft, 'zones' | 'masks' | 'lines' | 'analytics'>;

/** The settings of a camera as form fields: name, source, position, view, retention, purposes, enabled. */
export function CameraForm({ value, onChange }: { value: Settings; onChange: (next: Settings) => void }) {
  const { t } = useI18n();
  const profile = useLegalProfile();
  // The active profile's purposes, and any the camera still declares outside them (so they can be removed).
  const purposes = [...(profile?.purposes ?? []), ...value.purposes.filter((p) => !profile?.purposes.includes(p))];
  const set = <K extends keyof Settings>(key: K, v: Settings[K]) => onChange({ ...value, [key]: v });
  const number = (raw: string) => (raw === '' ? Number.NaN : Number(raw));
  return (
    <div className="camera-form">
      <label>
        {t('camera.name')}
        <input value={value.name} required maxLength={100} onChange={(e) => set('name', e.target.value)} />
      </label>
      <label>
        {t('camera.site')}
        <input value={value.site} maxLength={100} onChange={(e) => set('site', e.target.value)} />
        <small>{t('camera.siteHint')}</small>
      </label>
      <label className="wide">
        {t('camera.sourceUrl')}
        <input value={value.sourceUrl} required maxLength={2048} onChange={(e) => set('sourceUrl', e.target.value)} />
        <small>{t('camera.sourceUrlHint')}</small>
      </label>
      <CoordinateField
        axis="lat"
        value={Number.isNaN(value.location.lat) ? '' : value.location.lat}
        onChange={(text) => set('location', { ...value.location, lat: number(text) })}
      />
      <CoordinateField
        axis="lon"
        value={Number.isNaN(value.location.lon) ? '' : value.location.lon}
        onChange={(text) => set('location', { ...value.location, lon: number(text) })}
      />
      <label>
        {t('camera.heading')}
        <input
          type="number"
          min={0}
          max={360}
          required
          value={value.heading}
          onChange={(e) => set('heading', number(e.target.value))}
        />
      </label>
      <label>
        {t('camera.fieldOfView')}
        <input
          type="number"
          min={1}
          max={360}
          required
          value={value.fieldOfView}
          onChange={(e) => set('fieldOfView', number(e.target.value))}
        />
      </label>
      <label>
        {t('camera.retention')}
        <input
          type="number"
          min={1}
          max={profile?.maxRetentionDays}
          required
          value={value.retentionDays}
          onChange={(e) => set('retentionDays', number(e.target.value))}
        />
        {profile && <small>{t('camera.retentionHint', { max: profile.maxRetentionDays })}</small>}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        {t('camera.enabled')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={value.masksOnCamera} onChange={(e) => set('masksOnCamera', e.target.checked)} />
        {t('camera.masksOnCamera')}
        <small>{t('camera.masksOnCameraHint')}</small>
      </label>
      <PurposesField offered={purposes} chosen={value.purposes} onChange={(next) => set('purposes', next)} />
    </div>
  );
}
