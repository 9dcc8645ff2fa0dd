import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatLocalDate, parseLocalDate } from '../logic/local-date';

/** Props of a date field. */
export interface DateFieldProps {
  label: string;
  /** "YYYY-MM-DD", or '' for none. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}

/**
 * A date typed day first with the interface language's placeholder (jj/mm/aaaa, dd/mm/yyyy), whatever the
 * browser's locale: a native date input would follow the workstation's language, not the console's.
 */
export function DateField({ label, value, onChange, required = false }: DateFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(formatLocalDate(value));
  // A value set from outside (a record loaded, a form cleared) replaces what was typed.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseLocalDate(text) !== value) setText(formatLocalDate(value));
  }
  const invalid = text.trim() !== '' && parseLocalDate(text) === undefined;
  return (
    <label className="date-field">
      {label}
      <input
        inputMode="numeric"
        placeholder={t('date.placeholder')}
        value={text}
        required={required}
        aria-invalid={invalid}
        title={invalid ? t('date.invalid') : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseLocalDate(e.target.value);
          if (parsed !== undefined || e.target.value.trim() === '') onChange(parsed ?? '');
        }}
      />
    </label>
  );
}
