import type { Camera } from '../api/client';
import { DateTimeField } from './date-time-field';

/** What a camera-and-period form holds: the camera chosen and the period's local date-time inputs, to the second. */
export interface CameraPeriod {
  cameraId: string;
  start: string;
  end: string;
}

/** The camera select and the start and end inputs shared by the legal-hold and matched-range forms. */
export function CameraPeriodFields(props: {
  cameras: readonly Camera[];
  value: CameraPeriod;
  onChange: (value: CameraPeriod) => void;
  labels: { camera: string; start: string; end: string };
}) {
  const { value, onChange, labels } = props;
  return (
    <>
      <label>
        {labels.camera}
        <select value={value.cameraId} required onChange={(e) => onChange({ ...value, cameraId: e.target.value })}>
          <option value="">—</option>
          {props.cameras.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <DateTimeField
        label={labels.start}
        value={value.start}
        required
        seconds
        onChange={(start) => onChange({ ...value, start })}
      />
      <DateTimeField
        label={labels.end}
        value={value.end}
        required
        seconds
        onChange={(end) => onChange({ ...value, end })}
      />
    </>
  );
}
