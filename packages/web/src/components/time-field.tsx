import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { parseLocalTime } from '../logic/local-date';

/** Props of a time field. */
export interface TimeFieldProps {
  label: string;
  /** "HH:MM" ("HH:MM:SS" when `seconds`), or '' for none. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** Whether seconds may be typed (hh:mm:ss); hh:mm always works. */
  seconds?: boolean;
}

/**
 * A time typed on the 24-hour clock (hh:mm), whatever the browser's locale: a native time input would show
 * AM/PM on an English-speaking workstation.
 */
export function TimeField({ label, value, onChange, required = false, seconds = false }: TimeFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  // A value set from outside (a record loaded, a form cleared) replaces what was typed.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if ((parseLocalTime(text, seconds) ?? '') !== value) setText(value);
  }
  const invalid = text.trim() !== '' && parseLocalTime(text, seconds) === undefined;
  const message = t(seconds ? 'time.invalidSeconds' : 'time.invalid');
  return (
    <label className="time-field">
      {label}
      <input
        inputMode="numeric"
        placeholder={t('time.placeholder')}
        pattern={seconds ? '\\s*\\d{1,2}[:hH.]\\d{2}(:\\d{2})?\\s*' : '\\s*\\d{1,2}[:hH.]\\d{2}\\s*'}
        size={seconds ? 8 : 5}
        value={text}
        required={required}
        aria-invalid={invalid}
        title={invalid ? message : undefined}
        onChange={(e) => {
          const input = e.target;
          setText(input.value);
          const parsed = parseLocalTime(input.value, seconds);
          input.setCustomValidity(parsed === undefined && input.value.trim() !== '' ? message : '');
          if (parsed !== undefined || input.value.trim() === '') onChange(parsed ?? '');
        }}
      />
    </label>
  );
}
