import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, type AuditAction, type AuditEntry } from '../api/client';
import { useCameras } from '../api/use-cameras';
import { useTimeZone } from '../api/use-time-zone';
import { DateField } from '../components/date-field';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { auditSummary } from '../logic/audit-details';
import { addDaysToDate, zonedLocalToInstant } from '@vigie/core/calendar';
import { definedOnly } from '@vigie/core/defined-only';
import type { Reply } from '../api/schema-types';

// Every action the trail records, checked against the API's list by the compiler (a new action fails to build here).
const actionKeys: Record<AuditAction, MessageKey> = {
  'auth.login': 'audit.action.auth.login',
  'auth.login_failed': 'audit.action.auth.login_failed',
  'auth.logout': 'audit.action.auth.logout',
  'auth.locked': 'audit.action.auth.locked',
  'access.denied': 'audit.action.access.denied',
  'camera.created': 'audit.action.camera.created',
  'camera.updated': 'audit.action.camera.updated',
  'camera.deleted': 'audit.action.camera.deleted',
  'camera.discovery_run': 'audit.action.camera.discovery_run',
  'camera.stream_password_sealed': 'audit.action.camera.stream_password_sealed',
  'camera.own_masks_checked': 'audit.action.camera.own_masks_checked',
  'camera.segments_remasked': 'audit.action.camera.segments_remasked',
  'ptz.control_taken': 'audit.action.ptz.control_taken',
  'ptz.control_released': 'audit.action.ptz.control_released',
  'ptz.moved': 'audit.action.ptz.moved',
  'ptz.preset_recalled': 'audit.action.ptz.preset_recalled',
  'ptz.preset_saved': 'audit.action.ptz.preset_saved',
  'ptz.preset_masks_saved': 'audit.action.ptz.preset_masks_saved',
  'user.created': 'audit.action.user.created',
  'user.roles_changed': 'audit.action.user.roles_changed',
  'user.cameras_assigned': 'audit.action.user.cameras_assigned',
  'token.created': 'audit.action.token.created',
  'token.revoked': 'audit.action.token.revoked',
  'live.started': 'audit.action.live.started',
  'live.stopped': 'audit.action.live.stopped',
  'playback.viewed': 'audit.action.playback.viewed',
  'export.created': 'audit.action.export.created',
  'habilitation.recorded': 'audit.action.habilitation.recorded',
  'workstation.enrolled': 'audit.action.workstation.enrolled',
  'workstation.revoked': 'audit.action.workstation.revoked',
  'export.transmitted': 'audit.action.export.transmitted',
  'access_request.deadline_extended': 'audit.action.access_request.deadline_extended',
  'access_request.reminder_sent': 'audit.action.access_request.reminder_sent',
  'recording.purged': 'audit.action.recording.purged',
  'recording.recovered': 'audit.action.recording.recovered',
  'storage.low': 'audit.action.storage.low',
  'storage.recovered': 'audit.action.storage.recovered',
  'setting.changed': 'audit.action.setting.changed',
  'snapshot.viewed': 'audit.action.snapshot.viewed',
  'export.downloaded': 'audit.action.export.downloaded',
  'alert.opened': 'audit.action.alert.opened',
  'alert.acted': 'audit.action.alert.acted',
  'alert.ended': 'audit.action.alert.ended',
  'alert.labelled': 'audit.action.alert.labelled',
  'analytics.rule_promoted': 'audit.action.analytics.rule_promoted',
  'analytics.rule_replayed': 'audit.action.analytics.rule_replayed',
  'analytics.rule_replay_cancelled': 'audit.action.analytics.rule_replay_cancelled',
  'analytics.paused': 'audit.action.analytics.paused',
  'analytics.resumed': 'audit.action.analytics.resumed',
  'registry.recorded': 'audit.action.registry.recorded',
  'registry.photo_uploaded': 'audit.action.registry.photo_uploaded',
  'access_request.received': 'audit.action.access_request.received',
  'access_request.status_changed': 'audit.action.access_request.status_changed',
  'access_request.range_added': 'audit.action.access_request.range_added',
  'access_request.range_changed': 'audit.action.access_request.range_changed',
  'access_request.export_attached': 'audit.action.access_request.export_attached',
  'analysis_authorisation.recorded': 'audit.action.analysis_authorisation.recorded',
  'analysis_authorisation.started': 'audit.action.analysis_authorisation.started',
  'analysis_authorisation.ended': 'audit.action.analysis_authorisation.ended',
  'hold.placed': 'audit.action.hold.placed',
  'hold.released': 'audit.action.hold.released',
  'model.registered': 'audit.action.model.registered',
  'wall_layout.saved': 'audit.action.wall_layout.saved',
  'wall_layout.deleted': 'audit.action.wall_layout.deleted',
  'unmask.requested': 'audit.action.unmask.requested',
  'unmask.approved': 'audit.action.unmask.approved',
  'unmask.refused': 'audit.action.unmask.refused',
  'unmask.viewed': 'audit.action.unmask.viewed',
  'unmask.view_refused': 'audit.action.unmask.view_refused',
  'incident.opened': 'audit.action.incident.opened',
  'incident.alert_added': 'audit.action.incident.alert_added',
  'incident.acted': 'audit.action.incident.acted',
  'incident.step_skipped': 'audit.action.incident.step_skipped',
  'incident_type.saved': 'audit.action.incident_type.saved',
};

const fieldKeys = {
  name: 'camera.name',
  sourceUrl: 'camera.sourceUrl',
  location: 'camera.location',
  heading: 'camera.heading',
  fieldOfView: 'camera.fieldOfView',
  zones: 'geometry.list.zone',
  masks: 'geometry.list.mask',
  lines: 'geometry.list.line',
  retentionDays: 'camera.retention',
  purposes: 'camera.purposes',
  enabled: 'camera.enabled',
} as const satisfies Record<string, MessageKey>;

type Verification = Reply<'/api/audit/verify', 'get', 200>;

/** The instant a day of the city begins, as the API takes it; none for an empty date. */
function dayStart(date: string, timeZone: string): string | undefined {
  return date === '' ? undefined : zonedLocalToInstant(date, timeZone)?.toISOString();
}

/**
 * The audit trail for the DPO: filter by actor, action, camera, free text and period (days of the city, typed as
 * the interface writes dates), times shown on the city's clock, and verify the hash chain.
 */
export function AuditPage() {
  const { t, language } = useI18n();
  const { cameras } = useCameras();
  const timeZone = useTimeZone();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [cameraId, setCameraId] = useState('');
  const [actor, setActor] = useState('');
  const [text, setText] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [limit, setLimit] = useState('200');
  const [entries, setEntries] = useState<AuditEntry[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [verification, setVerification] = useState<Verification | undefined>(undefined);

  // Each change of the filters asks again; an answer that arrives after a newer question's is dropped (cleanup).
  const load = useCallback(() => {
    let current = true;
    const from = dayStart(fromDay, timeZone);
    const to = toDay === '' ? undefined : dayStart(addDaysToDate(toDay, 1), timeZone);
    const query = {
      limit,
      ...(action === '' ? {} : { action }),
      ...(cameraId === '' ? {} : { cameraId }),
      ...(actor.trim() === '' ? {} : { actor: actor.trim() }),
      ...(text.trim() === '' ? {} : { q: text.trim() }),
      ...definedOnly({ from, to }),
    };
    void api.GET('/api/audit', { params: { query } }).then(({ data, error: failure, response }) => {
      if (!current) return;
      if (data === undefined) setError(errorMessage(failure, response));
      else {
        setError(undefined);
        setEntries(data);
      }
    });
    return () => {
      current = false;
    };
  }, [action, cameraId, actor, text, fromDay, toDay, timeZone, limit]);
  useEffect(load, [load]);

  async function verify(): Promise<void> {
    setVerification(undefined);
    const { data, error: failure, response } = await api.GET('/api/audit/verify');
    if (data === undefined) setError(errorMessage(failure, response));
    else setVerification(data);
  }

  const cameraName = (id: string | undefined) =>
    id === undefined ? '' : (cameras?.find((c) => c.id === id)?.name ?? id.slice(0, 8));
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const namer = {
    camera: cameraName,
    field: (key: string) => (key in fieldKeys ? t(fieldKeys[key as keyof typeof fieldKeys]) : key),
    term: (key: string) => t(key as MessageKey),
  };

  return (
    <div className="audit-page">
      <h2>{t('audit.heading')}</h2>
      <div className="filters" role="search">
        <label>
          {t('audit.filter.action')}
          <select value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('audit.filter.all')}</option>
            {Object.entries(actionKeys).map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.camera')}
          <select value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
            <option value="">{t('audit.filter.all')}</option>
            {(cameras ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.actor')}
          <input type="search" value={actor} maxLength={100} onChange={(e) => setActor(e.target.value)} />
        </label>
        <label>
          {t('audit.filter.text')}
          <input
            type="search"
            value={text}
            maxLength={200}
            placeholder={t('audit.filter.textHint')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <DateField label={t('audit.filter.from')} value={fromDay} onChange={setFromDay} />
        <DateField label={t('audit.filter.to')} value={toDay} onChange={setToDay} />
        <label>
          {t('audit.filter.limit')}
          <select value={limit} onChange={(e) => setLimit(e.target.value)}>
            {['50', '200', '1000'].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={load}>
          {t('audit.refresh')}
        </button>
        <button type="button" className="primary" onClick={() => void verify()}>
          {t('audit.verify')}
        </button>
      </div>
      {verification !== undefined && (
        <div className={verification.valid ? 'verification intact' : 'verification broken'} role="status">
          {verification.valid
            ? t('audit.intact', { entries: verification.entries })
            : t('audit.broken', { breaks: verification.breaks.length + verification.checkpointBreaks.length })}{' '}
          {verification.checkpoints === 0
            ? t('audit.unanchored')
            : t('audit.anchored', { checkpoints: verification.checkpoints, anchored: verification.anchoredEntries })}
          {verification.breaks.length + verification.checkpointBreaks.length > 0 && (
            <ul>
              {verification.breaks.map((b) => (
                <li key={b.seq}>
                  #{b.seq}: {b.problem}
                </li>
              ))}
              {verification.checkpointBreaks.map((b) => (
                <li key={`${b.at}-${b.problem}`}>
                  {t('audit.checkpointBreak', { at: b.at, entries: b.entries, problem: b.problem })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error !== undefined && <p className="error">{error}</p>}
      <table className="audit" aria-label={t('audit.heading')}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.at')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.camera')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {(entries ?? []).map((entry) => (
            <tr key={entry.seq} data-action={entry.action}>
              <td>{entry.seq}</td>
              <td>{time.format(new Date(entry.at))}</td>
              <td>{entry.action in actionKeys ? t(actionKeys[entry.action as AuditAction]) : entry.action}</td>
              <td>{entry.actorName}</td>
              <td>{entry.cameraId === undefined ? '' : cameraName(entry.cameraId)}</td>
              <td className="details">
                {entry.reason !== undefined && <div>{t('audit.reason', { reason: entry.reason })}</div>}
                {auditSummary(entry, namer).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries?.length === 0 && <p className="empty">{t('audit.empty')}</p>}
    </div>
  );
}
