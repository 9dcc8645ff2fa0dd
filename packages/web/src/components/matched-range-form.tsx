import { useState } from 'react';
import type { Camera } from '../api/client';
import { dpoApi, type AccessRequest, type Outcome } from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { CameraPeriodFields, type CameraPeriod } from './camera-period-fields';
import { instantOfLocalInput, localInputValue } from '../logic/access-request-flow';

/**
 * Attaches footage found for a request: a camera (the one the person named, by default) and a span, to the
 * second, starting from the person's window; held from the retention purge unless unticked.
 */
export function MatchedRangeForm(props: {
  request: AccessRequest;
  cameras: readonly Camera[];
  onResult: (result: Outcome<AccessRequest>) => void;
}) {
  const { t } = useI18n();
  const timeZone = useTimeZone();
  const { request } = props;
  const [period, setPeriod] = useState<CameraPeriod>(() => ({
    cameraId: request.cameraId ?? '',
    start: localInputValue(request.window.start, timeZone),
    end: localInputValue(request.window.end, timeZone),
  }));
  const { cameraId, start, end } = period;
  const [hold, setHold] = useState(true);
  const [busy, setBusy] = useState(false);
  const from = instantOfLocalInput(start, timeZone);
  const to = instantOfLocalInput(end, timeZone);

  async function add(): Promise<void> {
    if (from === undefined || to === undefined || cameraId === '') return;
    setBusy(true);
    const result = await dpoApi.addRange(request.id, { cameraId, start: from, end: to, hold });
    setBusy(false);
    props.onResult(result);
  }

  return (
    <form
      className="range-form"
      aria-labelledby="range-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h4 id="range-form-heading">{t('requests.range.add')}</h4>
      <CameraPeriodFields
        cameras={props.cameras}
        value={period}
        onChange={setPeriod}
        labels={{ camera: t('requests.range.camera'), start: t('requests.range.start'), end: t('requests.range.end') }}
      />
      <label className="checkbox">
        <input type="checkbox" checked={hold} onChange={(e) => setHold(e.target.checked)} />
        {t('requests.range.holdOnAdd')}
      </label>
      <button type="submit" disabled={busy || from === undefined || to === undefined || cameraId === ''}>
        {t('requests.range.submit')}
      </button>
    </form>
  );
}
