import { useState } from 'react';
import type { Camera } from '../api/client';
import type { Outcome } from '../api/dpo-api';
import {
  incidentReportUrl,
  incidentsApi,
  type Incident,
  type IncidentAction,
  type IncidentType,
} from '../api/incidents-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { stateActionsFor } from '../logic/incident-flow';

const clipMarginMs = 30_000;

/**
 * One incident: state and owner, the buttons its state allows, its procedure to tick off, notes, evidence
 * to link (the alerts' clips, a signed export), the timeline and the printable report.
 */
export function IncidentDetail(props: {
  incident: Incident;
  type: IncidentType | undefined;
  cameras: readonly Camera[];
  onResult: (result: Outcome<Incident>) => void;
}) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { incident, type } = props;
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState('');
  const [exportId, setExportId] = useState('');
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const cameraName = (id: string) => props.cameras.find((c) => c.id === id)?.name ?? id;
  const act = (action: IncidentAction) => void incidentsApi.act(incident.id, action).then(props.onResult);
  const closed = incident.state === 'closed';
  const linkClips = () => {
    for (const cameraId of incident.cameraIds) {
      act({
        action: 'link',
        link: {
          kind: 'clip',
          cameraId,
          from: new Date(Date.parse(incident.openedAt) - clipMarginMs).toISOString(),
          to: new Date(Date.parse(incident.lastAlertAt) + clipMarginMs).toISOString(),
        },
      });
    }
  };

  return (
    <section className="incident-detail" aria-labelledby="incident-title" data-incident-id={incident.id}>
      <h3 id="incident-title">{incident.title}</h3>
      <p>
        <span className={`badge incident-${incident.state}`}>
          {t(`incidents.state.${incident.state}` as MessageKey)}
        </span>{' '}
        {incident.owner === null ? t('incidents.noOwner') : t('incidents.owner', { owner: incident.owner })} —{' '}
        {incident.cameraIds.map(cameraName).join(', ')} —{' '}
        <a href={incidentReportUrl(incident.id)} target="_blank" rel="noreferrer">
          {t('incidents.report')}
        </a>
      </p>
      {!closed && (
        <div className="incident-actions">
          <input
            aria-label={t('incidents.summary')}
            placeholder={t('incidents.summary')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {stateActionsFor(incident.state).map((action) => (
            <button
              key={action}
              type="button"
              disabled={(action === 'resolve' || action === 'reopen') && text.trim() === ''}
              onClick={() => {
                if (action === 'resolve') act({ action, summary: text.trim() });
                else if (action === 'reopen') act({ action, reason: text.trim() });
                else act({ action });
                setText('');
              }}
            >
              {t(`incidents.action.${action}` as MessageKey)}
            </button>
          ))}
        </div>
      )}
      {type !== undefined && (
        <>
          <h4>{t('incidents.procedure', { name: type.name })}</h4>
          <ul className="incident-steps">
            {type.steps.map((step) => {
              const done = incident.doneSteps.find((d) => d.stepId === step.id);
              return (
                <li key={step.id} data-step-id={step.id} className={done === undefined ? 'todo' : 'done'}>
                  {step.label}
                  {step.required && <em> ({t('incidents.required')})</em>}{' '}
                  {done !== undefined ? (
                    <span className="hint">{t('incidents.doneBy', { by: done.by })}</span>
                  ) : (
                    !closed && (
                      <button type="button" onClick={() => act({ action: 'step', stepId: step.id })}>
                        {t('incidents.tick')}
                      </button>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <form
        className="incident-note"
        onSubmit={(e) => {
          e.preventDefault();
          act({ action: 'note', note: note.trim() });
          setNote('');
        }}
      >
        <input aria-label={t('incidents.note')} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" disabled={note.trim() === ''}>
          {t('incidents.addNote')}
        </button>
      </form>
      {!closed && (
        <div className="incident-links">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act({ action: 'assign', owner: owner.trim() });
              setOwner('');
            }}
          >
            <input aria-label={t('incidents.assign')} value={owner} onChange={(e) => setOwner(e.target.value)} />
            <button type="submit" disabled={owner.trim() === ''}>
              {t('incidents.assignSubmit')}
            </button>
          </form>
          <button type="button" onClick={linkClips}>
            {t('incidents.linkAlertClips')}
          </button>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              act({ action: 'link', link: { kind: 'export', exportId: exportId.trim() } });
              setExportId('');
            }}
          >
            <input aria-label={t('incidents.link')} value={exportId} onChange={(e) => setExportId(e.target.value)} />
            <button type="submit" disabled={exportId.trim() === ''}>
              {t('incidents.linkSubmit')}
            </button>
          </form>
        </div>
      )}
      {incident.links.length > 0 && (
        <>
          <h4>{t('incidents.links')}</h4>
          <ul className="incident-evidence">
            {incident.links.map((link, index) => (
              <li key={index}>
                {link.kind === 'clip'
                  ? `${cameraName(link.cameraId)} ${time.format(new Date(link.from))} → ${time.format(new Date(link.to))}`
                  : `export ${link.exportId}`}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('incidents.timeline')}</h4>
      <ol className="incident-timeline">
        {incident.timeline.map((line, index) => (
          <li key={index} className={`timeline-${line.kind}`}>
            {time.format(new Date(line.at))} — {line.by} — {line.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
