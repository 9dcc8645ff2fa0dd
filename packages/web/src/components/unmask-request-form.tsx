import { useState } from 'react';
import type { Camera } from '../api/client';
import type { Outcome } from '../api/dpo-api';
import { unmaskApi, type UnmaskLift } from '../api/unmask-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { instantOfLocalInput, localInputValue } from '../logic/access-request-flow';
import { CameraPeriodFields, type CameraPeriod } from './camera-period-fields';
import { DateTimeField } from './date-time-field';

const hour = 3_600_000;

/** A supervisor asks for a lift: a camera with a liftable mask, a past period, a reason and an expiry. */
export function UnmaskRequestForm(props: {
  cameras: readonly Camera[];
  onResult: (result: Outcome<UnmaskLift>) => void;
}) {
  const { t } = useI18n();
  const timeZone = useTimeZone();
  const [period, setPeriod] = useState<CameraPeriod>(() => ({
    cameraId: '',
    start: localInputValue(new Date(Date.now() - hour).toISOString(), timeZone),
    end: localInputValue(new Date().toISOString(), timeZone),
  }));
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(() =>
    localInputValue(new Date(Date.now() + 24 * hour).toISOString(), timeZone),
  );
  const [busy, setBusy] = useState(false);
  const start = instantOfLocalInput(period.start, timeZone);
  const end = instantOfLocalInput(period.end, timeZone);
  const expiresAt = instantOfLocalInput(expires, timeZone);
  const ready = period.cameraId !== '' && start !== undefined && end !== undefined && expiresAt !== undefined;

  async function ask(): Promise<void> {
    if (!ready) return;
    setBusy(true);
    const result = await unmaskApi.request({ cameraId: period.cameraId, start, end, reason, expiresAt });
    setBusy(false);
    props.onResult(result);
  }

  return (
    <form
      className="unmask-request-form"
      aria-labelledby="unmask-request-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void ask();
      }}
    >
      <h3 id="unmask-request-heading">{t('unmask.request.heading')}</h3>
      <CameraPeriodFields
        cameras={props.cameras.filter((camera) => camera.masks.some((mask) => mask.liftable === true))}
        value={period}
        onChange={setPeriod}
        labels={{
          camera: t('unmask.request.camera'),
          start: t('unmask.request.start'),
          end: t('unmask.request.end'),
        }}
      />
      <label>
        {t('unmask.request.reason')}
        <input value={reason} required minLength={10} onChange={(e) => setReason(e.target.value)} />
      </label>
      <DateTimeField label={t('unmask.request.expires')} value={expires} required seconds onChange={setExpires} />
      <button type="submit" disabled={busy || !ready || reason.length < 10}>
        {t('unmask.request.submit')}
      </button>
    </form>
  );
}
