import { useState } from 'react';
import { api, type Transparency } from '../api/client';
import { DateField } from '../components/date-field';
import { TimeField } from '../components/time-field';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';

interface Fields {
  date: string;
  from: string;
  to: string;
  cameraId: string;
  place: string;
  description: string;
  name: string;
  email: string;
}

const empty: Fields = { date: '', from: '', to: '', cameraId: '', place: '', description: '', name: '', email: '' };

type Outcome = { kind: 'sent'; reference: string; dueAt: string } | { kind: 'failed'; message: string } | undefined;

/** The citizen's access-request form: when and where they were filmed, how to recognise them, how to answer them. */
export function AccessRequestForm(props: {
  cameras: Transparency['cameras'];
  deadlineMonths: number;
  maxRetentionDays: number;
  /** The installation's time zone, in which the person states the time and reads the deadline. */
  timeZone: string;
}) {
  const { t, language } = useI18n();
  const [fields, setFields] = useState<Fields>(empty);
  const [outcome, setOutcome] = useState<Outcome>(undefined);
  const [busy, setBusy] = useState(false);

  const set = (name: keyof Fields, value: string) => setFields((f) => ({ ...f, [name]: value }));
  const field = (name: keyof Fields) => ({
    name,
    value: fields[name],
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
  });

  async function submit(): Promise<void> {
    setBusy(true);
    const { data, error } = await api.POST('/api/access-requests', {
      body: {
        date: fields.date,
        from: fields.from,
        to: fields.to,
        ...(fields.cameraId === '' ? {} : { cameraId: fields.cameraId }),
        ...(fields.place.trim() === '' ? {} : { place: fields.place.trim() }),
        description: fields.description.trim(),
        contact: { name: fields.name.trim(), email: fields.email.trim() },
      },
    });
    setBusy(false);
    if (data !== undefined) {
      setOutcome({ kind: 'sent', reference: data.reference, dueAt: data.dueAt });
      setFields(empty);
    } else {
      const details = error.error.details.map((d) => `${d.path} ${d.reason}`).join('; ');
      setOutcome({ kind: 'failed', message: details === '' ? error.error.message : details });
    }
  }

  return (
    <form
      className="access-request"
      aria-labelledby="access-request-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="access-request-heading">{t('request.heading')}</h2>
      <p>{t('request.intro', { months: props.deadlineMonths, days: props.maxRetentionDays })}</p>
      <div className="when">
        <DateField label={t('request.date')} value={fields.date} required onChange={(date) => set('date', date)} />
        <TimeField label={t('request.from')} value={fields.from} required onChange={(from) => set('from', from)} />
        <TimeField label={t('request.to')} value={fields.to} required onChange={(to) => set('to', to)} />
      </div>
      <label>
        {t('request.camera')}
        <select {...field('cameraId')}>
          <option value="">{t('request.cameraUnknown')}</option>
          {props.cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {camera.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('request.place')}
        <input {...field('place')} maxLength={200} />
      </label>
      <label>
        {t('request.description')}
        <textarea {...field('description')} required minLength={10} maxLength={2000} rows={4} />
      </label>
      <label>
        {t('request.name')}
        <input {...field('name')} autoComplete="name" required maxLength={100} />
      </label>
      <label>
        {t('request.email')}
        <input {...field('email')} type="email" autoComplete="email" required maxLength={254} />
      </label>
      <p className="privacy">{t('request.privacy')}</p>
      <button type="submit" disabled={busy}>
        {busy ? t('request.sending') : t('request.submit')}
      </button>
      {outcome?.kind === 'sent' && (
        <p className="sent" role="status">
          {t('request.sent', {
            reference: outcome.reference,
            date: new Date(outcome.dueAt).toLocaleDateString(dateLocale(language), { timeZone: props.timeZone }),
          })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="error" role="alert">
          {t('request.failed', { message: outcome.message })}
        </p>
      )}
    </form>
  );
}
