import { maxReasonLength, minFootageReasonLength } from '@vigie/core/reasons';
import { useEffect, useRef, useState } from 'react';
import type { Purpose } from '../api/contract';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { dateLocale } from '../i18n/messages';

/** Props of the export dialog. */
export interface ExportDialogProps {
  open: boolean;
  cameraName: string;
  /** The camera's declared purposes: an export must name one of them (LEGAL R2). */
  purposes: readonly Purpose[];
  range: { from: number; to: number };
  /** Requests the export; resolves to an error message, or undefined when it succeeded. */
  onSubmit: (request: { purpose: Purpose; reason: string }) => Promise<string | undefined>;
  onClose: () => void;
}

/**
 * A modal dialog to export a clip: the purpose it serves, among the camera's declared ones, and the reason
 * are required (both go to the audit trail and the manifest).
 */
export function ExportDialog({ open, cameraName, purposes, range, onSubmit, onClose }: ExportDialogProps) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const dialog = useRef<HTMLDialogElement>(null);
  const [purpose, setPurpose] = useState<Purpose | ''>(purposes.length === 1 ? (purposes[0] ?? '') : '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const valid = purpose !== '' && purposes.includes(purpose) && reason.trim().length >= minFootageReasonLength;
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          setBusy(true);
          void onSubmit({ purpose, reason: reason.trim() }).then((failure) => {
            setBusy(false);
            setError(failure);
            if (failure === undefined) {
              setReason('');
              onClose();
            }
          });
        }}
      >
        <h3 id="export-title">{t('export.title', { name: cameraName })}</h3>
        <p>
          {time.format(new Date(range.from))} → {time.format(new Date(range.to))}
        </p>
        <label>
          {t('export.purpose')}
          <select value={purpose} required onChange={(e) => setPurpose(e.target.value as Purpose | '')}>
            <option value="">—</option>
            {purposes.map((p) => (
              <option key={p} value={p}>
                {t(`purpose.${p}` as MessageKey)}
              </option>
            ))}
          </select>
          <small>{t('export.purposeHint')}</small>
        </label>
        <label>
          {t('export.reason')}
          <textarea
            value={reason}
            required
            minLength={minFootageReasonLength}
            maxLength={maxReasonLength}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
          <small>{t('export.reasonHint', { min: minFootageReasonLength })}</small>
        </label>
        {error !== undefined && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!valid || busy}>
            {busy ? t('export.busy') : t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
