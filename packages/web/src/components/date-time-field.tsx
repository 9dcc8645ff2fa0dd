import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { DateField } from './date-field';
import { TimeField } from './time-field';

/** Props of a date-and-time field. */
export interface DateTimeFieldProps {
  label: string;
  /** The city's wall clock as "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (a datetime-local value), or ''. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** Whether seconds may be typed. */
  seconds?: boolean;
}

/** The value a day and a time make together; '' until both are given. */
function joined(day: string, time: string): string {
  return day === '' || time === '' ? '' : `${day}T${time}`;
}

/**
 * A moment typed as the interface writes it, day first and on the 24-hour clock (30/11/2026 14:05), in place of
 * a native datetime-local input, which follows the workstation's locale (AM/PM in an American browser).
 */
export function DateTimeField({ label, value, onChange, required = false, seconds = false }: DateTimeFieldProps) {
  const { t } = useI18n();
  const [day, setDay] = useState(value.slice(0, 10));
  const [time, setTime] = useState(value.slice(11));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (joined(day, time) !== value) {
      setDay(value.slice(0, 10));
      setTime(value.slice(11));
    }
  }
  return (
    <fieldset className="date-time-field">
      <legend>{label}</legend>
      <DateField
        label={t('datetime.day')}
        value={day}
        required={required}
        onChange={(next) => {
          setDay(next);
          onChange(joined(next, time));
        }}
      />
      <TimeField
        label={t('datetime.time')}
        value={time}
        required={required}
        seconds={seconds}
        onChange={(next) => {
          setTime(next);
          onChange(joined(day, next));
        }}
      />
    </fieldset>
  );
}
