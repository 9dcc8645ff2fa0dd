import { useState } from 'react';
import type { Camera } from '../api/client';
import { dpoApi, type AccessRequest, type Outcome } from '../api/dpo-api';
import { useI18n } from '../i18n/i18n';
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
  const { request } = props;
  const [cameraId, setCameraId] = useState(request.cameraId ?? '');
  const [start, setStart] = useState(() => localInputValue(request.window.start));
  const [end, setEnd] = useState(() => localInputValue(request.window.end));
  const [hold, setHold] = useState(true);
  const [busy, setBusy] = useState(false);
  const from = instantOfLocalInput(start);
  const to = instantOfLocalInput(end);

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
      <label>
        {t('requests.range.camera')}
        <select value={cameraId} required onChange={(e) => setCameraId(e.target.value)}>
          <option value="">—</option>
          {props.cameras.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('requests.range.start')}
        <input type="datetime-local" step={1} value={start} required onChange={(e) => setStart(e.target.value)} />
      </label>
      <label>
        {t('requests.range.end')}
        <input type="datetime-local" step={1} value={end} required onChange={(e) => setEnd(e.target.value)} />
      </label>
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
