import { maxReasonLength } from '@vigie/core/reasons';

/** Props of a reason field. */
export interface ReasonFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The fewest characters the server accepts for this act (`@vigie/core/reasons`). */
  minLength: number;
}

/** The reason an act on images needs (written to the audit trail with it), as long as the server requires. */
export function ReasonField({ label, value, onChange, minLength }: ReasonFieldProps) {
  return (
    <label className="wide">
      {label}
      <input
        value={value}
        required
        minLength={minLength}
        maxLength={maxReasonLength}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
