import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** One coordinate of a camera's position, typed as text (empty while unset), bounded as its axis requires. */
export function CoordinateField({
  axis,
  value,
  onChange,
}: {
  axis: 'lat' | 'lon';
  value: string | number;
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  const bound = axis === 'lat' ? 90 : 180;
  return (
    <label>
      {t(axis === 'lat' ? 'camera.lat' : 'camera.lon')}
      <input
        type="number"
        step="any"
        min={-bound}
        max={bound}
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** The purposes a camera may declare, each a checkbox, `chosen` ticked. */
export function PurposesField<P extends string>({
  offered,
  chosen,
  onChange,
}: {
  offered: readonly P[];
  chosen: readonly P[];
  onChange: (next: P[]) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="wide purposes">
      <legend>{t('camera.purposes')}</legend>
      {offered.map((purpose) => (
        <label key={purpose} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(purpose)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, purpose] : chosen.filter((p) => p !== purpose))}
          />
          {t(`purpose.${purpose}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}
