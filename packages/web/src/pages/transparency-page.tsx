import type { Transparency } from '../api/client';
import { useAuditCheckpoint } from '../api/use-audit-checkpoint';
import { useTransparency } from '../api/use-transparency';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { AccessRequestForm } from './access-request-form';
import { AccountabilityStatistics } from './accountability-statistics';
import { AuditCheckpointNotice } from './audit-checkpoint-notice';
import { EvidenceKeyNotice } from './verifier-page';
import './public-pages.css';
import { LanguagePicker } from '../components/language-picker';

type PublicCamera = Transparency['cameras'][number];

function Authorisation({ camera }: { camera: PublicCamera }) {
  const { t, language } = useI18n();
  const { state, reference, expiresOn } = camera.authorisation;
  const date = expiresOn === null ? '' : new Date(`${expiresOn}T12:00:00`).toLocaleDateString(dateLocale(language));
  return (
    <span className={`authorisation ${state}`}>
      {t(`authorisation.${state}`, { reference: reference ?? '', date })}
    </span>
  );
}

function CameraTable({ cameras }: { cameras: PublicCamera[] }) {
  const { t } = useI18n();
  if (cameras.length === 0) return <p>{t('transparency.empty')}</p>;
  return (
    <table className="public-cards public-cameras" aria-label={t('transparency.cameras', { count: cameras.length })}>
      <thead>
        <tr>
          <th>{t('column.name')}</th>
          <th>{t('column.purposes')}</th>
          <th>{t('column.retention')}</th>
          <th>{t('column.signage')}</th>
          <th>{t('column.analytics')}</th>
          <th>{t('column.authorisation')}</th>
          <th>{t('column.location')}</th>
        </tr>
      </thead>
      <tbody>
        {cameras.map((camera) => (
          <tr key={camera.id} data-camera-id={camera.id}>
            <td className="name" data-label={t('column.name')}>
              {camera.name}
            </td>
            <td data-label={t('column.purposes')}>
              {camera.purposes.map((p) => t(`purpose.${p}` as MessageKey)).join(', ')}
            </td>
            <td data-label={t('column.retention')}>{t('camera.retentionDays', { days: camera.retentionDays })}</td>
            <td className={`signage ${camera.signage}`} data-label={t('column.signage')}>
              {t(`signage.${camera.signage}`)}
            </td>
            <td data-label={t('column.analytics')}>
              {camera.analytics.length === 0
                ? t('analytics.none')
                : camera.analytics.map((a) => t(`analytic.${a}`)).join(', ')}
            </td>
            <td data-label={t('column.authorisation')}>
              <Authorisation camera={camera} />
            </td>
            <td data-label={t('column.location')}>
              {camera.location.lat.toFixed(4)}, {camera.location.lon.toFixed(4)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Contacts({ data }: { data: Transparency }) {
  const { t } = useI18n();
  return (
    <section className="contacts">
      <div>
        <h3>{t('transparency.controller')}</h3>
        <p>
          {data.controller.name}
          <br />
          {data.controller.address}
          <br />
          <a href={`mailto:${data.controller.email}`}>{data.controller.email}</a>
          {data.controller.phone !== undefined && (
            <>
              <br />
              {data.controller.phone}
            </>
          )}
        </p>
      </div>
      <div>
        <h3>{t('transparency.dpo')}</h3>
        <p>
          {data.dpo.name !== undefined && (
            <>
              {data.dpo.name}
              <br />
            </>
          )}
          {data.dpo.address !== undefined && (
            <>
              {data.dpo.address}
              <br />
            </>
          )}
          <a href={`mailto:${data.dpo.email}`}>{data.dpo.email}</a>
        </p>
      </div>
      <p className="complaint">
        {t('transparency.complaint')} <a href={data.complaintUrl}>{data.complaintUrl}</a>
      </p>
    </section>
  );
}

type PublicAuthorisation = Transparency['analysisAuthorisations'][number];

/** Each analysis authorisation not ended yet, with its public notice, shown before it starts (LEGAL R26). */
function AnalysisNotices({ authorisations, timeZone }: { authorisations: PublicAuthorisation[]; timeZone: string }) {
  const { t, language } = useI18n();
  if (authorisations.length === 0) return null;
  const when = (at: string) =>
    new Date(at).toLocaleString(dateLocale(language), { dateStyle: 'long', timeStyle: 'short', timeZone });
  return (
    <section className="analysis-notices">
      <h2>{t('notices.heading')}</h2>
      {authorisations.map((a) => (
        <article key={a.reference} data-state={a.state}>
          <h3>
            {a.occasion} — {t(`notices.state.${a.state}`)}
          </h3>
          <p className="notice">{a.publicNotice}</p>
          <dl>
            <dt>{t('notices.period')}</dt>
            <dd>{t('notices.from', { start: when(a.startsAt), end: when(a.endsAt) })}</dd>
            <dt>{t('notices.events')}</dt>
            <dd>{a.eventTypes.map((e) => t(`analytic.${e}`)).join(', ')}</dd>
            <dt>{t('notices.cameras')}</dt>
            <dd>{a.cameras.join(', ')}</dd>
            <dt>{t('notices.decision')}</dt>
            <dd>
              {a.reference} ({a.legalBasis}) — {a.responsibleService}
            </dd>
          </dl>
        </article>
      ))}
    </section>
  );
}

/** The public transparency page (no login): who runs the cameras, each camera, and the access-request form. */
export function TransparencyPage() {
  const { t } = useI18n();
  const { data, error } = useTransparency();
  const audit = useAuditCheckpoint();
  return (
    <div className="app public">
      <header>
        <h1>{t('transparency.title')}</h1>
        <span className="tagline">
          <a href="/">{t('transparency.staffLink')}</a>
        </span>
        <LanguagePicker />
      </header>
      <main>
        <p>{t('transparency.intro')}</p>
        {error !== undefined && <p className="error">{t('transparency.error', { message: error })}</p>}
        {data === undefined ? (
          error === undefined && <p>{t('transparency.loading')}</p>
        ) : (
          <>
            <p className="assurances">
              {t('transparency.retentionRule', { days: data.maxRetentionDays })} {t('transparency.noBiometrics')}
            </p>
            <Contacts data={data} />
            <EvidenceKeyNotice />
            <AuditCheckpointNotice published={audit} />
            <h2>{t('transparency.cameras', { count: data.cameras.length })}</h2>
            <CameraTable cameras={data.cameras} />
            <AnalysisNotices authorisations={data.analysisAuthorisations} timeZone={data.legalProfile.timeZone} />
            <AccountabilityStatistics data={data} />
            <AccessRequestForm
              cameras={data.cameras}
              deadlineMonths={data.accessRequestDeadlineMonths}
              maxRetentionDays={data.maxRetentionDays}
              timeZone={data.legalProfile.timeZone}
            />
          </>
        )}
      </main>
    </div>
  );
}
