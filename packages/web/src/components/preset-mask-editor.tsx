import { useState } from 'react';
import { cameraSnapshotUrl } from '../api/media-urls';
import { ptzApi, type PresetMask } from '../api/ptz-api';
import { useI18n } from '../i18n/i18n';
import { GeometryEditor, type Geometry } from './geometry-editor';

/** Props of the preset mask editor. */
export interface PresetMaskEditorProps {
  cameraId: string;
  preset: { token: string; name: string };
  /** The masks stored for this preset (none: the whole picture is masked there). */
  stored: PresetMask[];
  onSaved: () => void;
  onClose: () => void;
}

/**
 * Draws the privacy masks of one PTZ preset over the camera's latest picture (the geometry editor, masks only) and
 * stores them (supervisors); the recording applies them once the head rests on that preset.
 */
export function PresetMaskEditor({ cameraId, preset, stored, onSaved, onClose }: PresetMaskEditorProps) {
  const { t, problem } = useI18n();
  const [masks, setMasks] = useState<Geometry['masks']>(stored);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  const save = async () => {
    const body = masks.map((m) => ({
      id: m.id,
      ...(m.label === undefined ? {} : { label: m.label }),
      polygon: m.polygon,
    }));
    const result = await ptzApi.savePresetMasks(cameraId, preset.token, body);
    setFailure(result.ok ? undefined : problem(result));
    setSaved(result.ok);
    if (result.ok) onSaved();
  };

  return (
    <section className="preset-masks" aria-label={t('ptz.masks.heading', { name: preset.name })}>
      <h4>{t('ptz.masks.heading', { name: preset.name })}</h4>
      <p className="hint">{t('ptz.masks.explain')}</p>
      <GeometryEditor
        masksOnly
        imageUrl={cameraSnapshotUrl(cameraId)}
        value={{ zones: [], masks, lines: [], calibration: null }}
        onChange={(next) => {
          setMasks(next.masks);
          setSaved(false);
        }}
      />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('ptz.masks.save', { name: preset.name })}
        </button>
        <button type="button" onClick={onClose}>
          {t('ptz.masks.close')}
        </button>
        {saved && (
          <span className="ok" role="status">
            {t('ptz.masks.saved', { name: preset.name })}
          </span>
        )}
      </div>
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
