import { useState } from 'react';
import {
  accessCopyUrl,
  dpoApi,
  type AccessRequest,
  type AnonymisedCopy,
  type MatchedRange,
  type Outcome,
} from '../api/dpo-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';
import { isAnswered } from '../logic/access-request-flow';

/**
 * Footage matched to a request: its camera and span, its hold from the purge (release, restore), and its
 * anonymised copy — made on demand (every person pixelated), played here for review, marked reviewed.
 */
export function MatchedRangeItem(props: {
  request: AccessRequest;
  range: MatchedRange;
  cameraName: string;
  onResult: (result: Outcome<AccessRequest>) => void;
}) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const { request, range } = props;
  const [busy, setBusy] = useState<'copy' | 'change' | undefined>(undefined);
  const [copy, setCopy] = useState<AnonymisedCopy | undefined>(undefined);
  const answered = isAnswered(request.status);
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'medium', timeZone });

  async function change(patch: { hold: boolean } | { reviewed: true }): Promise<void> {
    setBusy('change');
    const result = await dpoApi.updateRange(request.id, range.id, patch);
    setBusy(undefined);
    props.onResult(result);
  }

  async function makeCopy(): Promise<void> {
    setBusy('copy');
    const made = await dpoApi.makeCopy(request.id, range.id);
    if (made.ok) {
      setCopy(made.data);
      props.onResult(await dpoApi.request(request.id));
    } else props.onResult(made);
    setBusy(undefined);
  }

  const url = accessCopyUrl(request.id, range.id);
  return (
    <li className="matched-range" data-range-id={range.id}>
      <div className="range-head">
        <strong>{props.cameraName}</strong>{' '}
        <span>
          {time.format(new Date(range.start))} → {clock.format(new Date(range.end))}
        </span>{' '}
        <span className={range.hold ? 'badge hold-on' : 'badge hold-off'}>
          {range.hold ? t('requests.range.held') : t('requests.range.released')}
        </span>
        {!answered && (
          <button type="button" disabled={busy !== undefined} onClick={() => void change({ hold: !range.hold })}>
            {range.hold ? t('requests.range.release') : t('requests.range.restore')}
          </button>
        )}
      </div>
      <p className="hint">
        {t('requests.range.addedBy', { name: range.addedBy, date: time.format(new Date(range.addedAt)) })}
      </p>
      {range.exportId === null ? (
        !answered && (
          <div className="copy">
            <button type="button" className="primary" disabled={busy !== undefined} onClick={() => void makeCopy()}>
              {busy === 'copy' ? t('requests.copy.making') : t('requests.copy.make')}
            </button>
            <small>{t('requests.copy.explain')}</small>
          </div>
        )
      ) : (
        <div className="copy">
          {copy !== undefined && (
            <p className="copy-report" role="status">
              {t('requests.copy.report', {
                frames: copy.anonymisation.frames,
                regions: copy.anonymisation.regions,
                method: t(`requests.copy.method.${copy.anonymisation.method}` as MessageKey),
              })}
            </p>
          )}
          <p className={range.needsReview ? 'review pending' : 'review done'}>
            {range.needsReview ? t('requests.copy.needsReview') : t('requests.copy.reviewed')}
          </p>
          <video className="copy-video" controls preload="none" src={url} aria-label={t('requests.copy.video')} />
          <div className="buttons">
            <a className="button" href={url} download>
              {t('requests.copy.download')}
            </a>
            {range.needsReview && !answered && (
              <button
                type="button"
                className="primary"
                disabled={busy !== undefined}
                onClick={() => void change({ reviewed: true })}
              >
                {t('requests.copy.markReviewed')}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
