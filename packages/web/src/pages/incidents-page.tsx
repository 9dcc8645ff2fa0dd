import { useCallback, useState } from 'react';
import { Link } from 'wouter';
import type { PushEvent } from '../api/client';
import type { ApiFailure, Outcome } from '../api/dpo-api';
import { incidentsApi, type Incident, type IncidentType, type StepSkippedPush } from '../api/incidents-api';
import { usePush } from '../api/push-channel';
import { useCameras } from '../api/use-cameras';
import { ApiProblem } from '../components/api-problem';
import { IncidentDetail } from '../components/incident-detail';
import { ProcedureEditor } from '../components/procedure-editor';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import './dpo-pages.css';

/**
 * Incidents for operators and supervisors: the list, most recently active first, and the chosen one with
 * its procedure; supervisors also edit the procedures and are told when a required step was skipped.
 */
export function IncidentsPage({ incidentId, canSupervise }: { incidentId?: string; canSupervise: boolean }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { cameras } = useCameras();
  const [incidents, setIncidents] = useState<Incident[] | undefined>(undefined);
  const [types, setTypes] = useState<IncidentType[]>([]);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const [skipped, setSkipped] = useState<StepSkippedPush[]>([]);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => {
    void incidentsApi.list().then((result) => (result.ok ? setIncidents(result.data) : setFailure(result)));
    void incidentsApi.types().then((result) => (result.ok ? setTypes(result.data) : setFailure(result)));
  }, []);
  const onPush = useCallback((event: PushEvent) => {
    if (event.type === 'incident.updated') {
      setIncidents((all) => [event.incident, ...(all ?? []).filter((i) => i.id !== event.incident.id)]);
    }
    if (event.type === 'incident.step_skipped') setSkipped((all) => [event, ...all]);
  }, []);
  usePush(onPush, load);

  const done = (result: Outcome<Incident>) => {
    setFailure(result.ok ? undefined : result);
    if (result.ok) setIncidents((all) => (all ?? []).map((i) => (i.id === result.data.id ? result.data : i)));
  };
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'short', timeZone });
  const cameraName = (id: string) => cameras?.find((c) => c.id === id)?.name ?? id;
  const chosen = incidents?.find((i) => i.id === incidentId);

  return (
    <div className="incidents-page">
      <h2>{t('incidents.heading')}</h2>
      <p className="hint">{t('incidents.intro')}</p>
      {skipped.map((s) => (
        <p
          key={`${s.incidentId} ${s.steps.map((step) => step.id).join()}`}
          className="notice skipped-steps"
          role="alert"
        >
          <Link href={`/incidents/${s.incidentId}`}>
            {t('incidents.skipped', {
              title: s.title,
              by: s.resolvedBy,
              steps: s.steps.map((step) => step.label).join(' ; '),
            })}
          </Link>
        </p>
      ))}
      <ApiProblem failure={failure} />
      <table className="incidents" aria-label={t('incidents.heading')}>
        <tbody>
          {(incidents ?? []).map((incident) => (
            <tr
              key={incident.id}
              data-incident-id={incident.id}
              aria-current={incident.id === incidentId ? 'true' : undefined}
            >
              <td>
                <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
              </td>
              <td>
                <span className={`badge incident-${incident.state}`}>
                  {t(`incidents.state.${incident.state}` as MessageKey)}
                </span>
              </td>
              <td>{t('incidents.alerts', { count: incident.alertIds.length })}</td>
              <td>{incident.cameraIds.map(cameraName).join(', ')}</td>
              <td>{time.format(new Date(incident.lastAlertAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {incidents?.length === 0 && <p className="empty">{t('incidents.empty')}</p>}
      {chosen !== undefined && (
        <IncidentDetail
          key={chosen.id}
          incident={chosen}
          type={types.find((type) => type.id === chosen.typeId)}
          cameras={cameras ?? []}
          onResult={done}
        />
      )}
      {canSupervise && types.length > 0 && (
        <details className="procedures">
          <summary>{t('incidents.procedures')}</summary>
          {saved && <p className="hint">{t('incidents.saved')}</p>}
          {types.map((type) => (
            <ProcedureEditor
              key={`${type.id} ${type.updatedAt}`}
              type={type}
              onSaved={(result) => {
                setFailure(result.ok ? undefined : result);
                setSaved(result.ok);
                if (result.ok) setTypes((all) => all.map((x) => (x.id === result.data.id ? result.data : x)));
              }}
            />
          ))}
        </details>
      )}
    </div>
  );
}
