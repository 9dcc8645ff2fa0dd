import { useI18n } from '../i18n/i18n';

/** One choice of a filter: the value sent and the words shown. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled list filter whose first choice, "all", clears it (value ''). */
export function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly FilterOption[];
}) {
  const { t } = useI18n();
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The cameras as filter choices, by name. */
export function cameraOptions(cameras: readonly { id: string; name: string }[]): FilterOption[] {
  return cameras.map((c) => ({ value: c.id, label: c.name }));
}
