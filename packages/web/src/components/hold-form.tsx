import { useState } from 'react';
import type { Camera } from '../api/client';
import type { Outcome } from '../api/dpo-api';
import { holdsApi, type LegalHold } from '../api/holds-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { CameraPeriodFields, type CameraPeriod } from './camera-period-fields';
import { DateTimeField } from './date-time-field';
import { instantOfLocalInput, localInputValue } from '../logic/access-request-flow';

const day = 86_400_000;

/** A supervisor places a legal hold: camera, period, requisition reference, reason and the hold's expiry. */
export function HoldForm(props: { cameras: readonly Camera[]; onResult: (result: Outcome<LegalHold>) => void }) {
  const { t } = useI18n();
  const timeZone = useTimeZone();
  const [period, setPeriod] = useState<CameraPeriod>(() => ({
    cameraId: '',
    start: localInputValue(new Date(Date.now() - day).toISOString(), timeZone),
    end: localInputValue(new Date().toISOString(), timeZone),
  }));
  const { cameraId, start, end } = period;
  const [requisition, setRequisition] = useState('');
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() =>
    localInputValue(new Date(Date.now() + 90 * day).toISOString(), timeZone),
  );
  const [busy, setBusy] = useState(false);
  const from = instantOfLocalInput(start, timeZone);
  const to = instantOfLocalInput(end, timeZone);
  const expiresAt = instantOfLocalInput(expires, timeZone);
  const ready = cameraId !== '' && from !== undefined && to !== undefined && expiresAt !== undefined;

  async function place(): Promise<void> {
    if (!ready) return;
    setBusy(true);
    const result = await holdsApi.place({ cameraId, start: from, end: to, requisition, reason, expiresAt });
    setBusy(false);
    props.onResult(result);
  }

  return (
    <form
      className="hold-form"
      aria-labelledby="hold-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void place();
      }}
    >
      <h3 id="hold-form-heading">{t('holds.place.heading')}</h3>
      <CameraPeriodFields
        cameras={props.cameras}
        value={period}
        onChange={setPeriod}
        labels={{ camera: t('holds.place.camera'), start: t('holds.place.start'), end: t('holds.place.end') }}
      />
      <label>
        {t('holds.place.requisition')}
        <input value={requisition} required minLength={3} onChange={(e) => setRequisition(e.target.value)} />
      </label>
      <label>
        {t('holds.place.reason')}
        <input value={reason} required minLength={5} onChange={(e) => setReason(e.target.value)} />
      </label>
      <DateTimeField label={t('holds.place.expires')} value={expires} required seconds onChange={setExpires} />
      <button type="submit" disabled={busy || !ready}>
        {t('holds.place.submit')}
      </button>
    </form>
  );
}
