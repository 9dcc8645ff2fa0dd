import { Link } from 'wouter';
import type { Camera } from '../api/client';
import type { RegistryEntry } from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDay, legalToday } from '../logic/legal-dates';
import { analyticsAllowedToRun } from '@vigie/core/dpia-rules';
import { authorisationOf } from '../logic/registry-draft';
import { AuthorisationBadge } from './authorisation-badge';

/** A camera's registry entry: recorded, not recorded (null), or still loading (undefined). */
export type EntryOf = (cameraId: string) => RegistryEntry | null | undefined;

/**
 * The legal registry at a glance, one camera a row: authorisation state (coloured, with its end), sign, what
 * the camera faces, and the impact assessment with the analytics it covers, its review date, and what it misses.
 */
export function RegistryTable(props: { cameras: Camera[]; entryOf: EntryOf; selected: string | undefined }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const today = legalToday(new Date(), timeZone);
  const analytics = (list: readonly string[]) => list.map((a) => t(`alertType.${a}` as MessageKey)).join(', ');
  return (
    <table className="registry" aria-label={t('registry.heading')}>
      <thead>
        <tr>
          <th>{t('registry.column.camera')}</th>
          <th>{t('registry.column.authorisation')}</th>
          <th>{t('registry.column.signage')}</th>
          <th>{t('registry.column.facing')}</th>
          <th>{t('registry.column.dpia')}</th>
        </tr>
      </thead>
      <tbody>
        {props.cameras.map((camera) => {
          const entry = props.entryOf(camera.id);
          const recorded = entry ?? undefined;
          const uncovered = analyticsAllowedToRun(camera.analytics, recorded?.dpia, today).blocked;
          return (
            <tr
              key={camera.id}
              data-camera-id={camera.id}
              aria-current={props.selected === camera.id ? 'true' : undefined}
            >
              <td className="name">
                <Link href={`/admin/registry/${camera.id}`}>{camera.name}</Link>
              </td>
              <td>
                <AuthorisationBadge authorisation={authorisationOf(camera, recorded)} timeZone={timeZone} />
                {recorded !== undefined && <div className="reference">{recorded.authorisation.reference}</div>}
              </td>
              {entry === undefined ? (
                <td colSpan={3} className="hint">
                  {t('common.loading')}
                </td>
              ) : entry === null ? (
                <td colSpan={3} className="hint">
                  {t('registry.notRecorded')}
                </td>
              ) : (
                <>
                  <td>
                    <span className={`badge signage-${entry.signage.status}`}>
                      {t(`registry.signage.${entry.signage.status}` as MessageKey)}
                    </span>
                    <div className="hint">
                      {entry.signage.photo === null ? t('registry.photo.missing') : t('registry.photo.present')}
                    </div>
                  </td>
                  <td>
                    <span className={`facing-${entry.facing}`}>
                      {t(`registry.facing.${entry.facing}` as MessageKey)}
                    </span>
                  </td>
                  <td className="dpia">
                    {entry.dpia === undefined ? (
                      <span className="hint">{t('registry.dpia.none')}</span>
                    ) : (
                      <>
                        <div>{entry.dpia.reference}</div>
                        <div>{t('registry.dpia.covers', { analytics: analytics(entry.dpia.coveredAnalytics) })}</div>
                        <div className={entry.dpia.reviewOn < today ? 'overdue' : 'hint'}>
                          {t('registry.dpia.reviewBy', { date: formatDay(entry.dpia.reviewOn, language) })}
                        </div>
                      </>
                    )}
                    {uncovered.length > 0 && (
                      <div className="overdue">{t('registry.dpia.uncovered', { analytics: analytics(uncovered) })}</div>
                    )}
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
