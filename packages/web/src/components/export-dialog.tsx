import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/** The fewest characters a reason must have: the audit trail and the requester must understand it. */
export const minReasonLength = 10;

/** Props of the export dialog. */
export interface ExportDialogProps {
  open: boolean;
  cameraName: string;
  range: { from: number; to: number };
  /** Requests the export; resolves to an error message, or undefined when it succeeded. */
  onSubmit: (reason: string) => Promise<string | undefined>;
  onClose: () => void;
}

/** A modal dialog to export a clip; the reason is required (it is written to the audit trail). */
export function ExportDialog({ open, cameraName, range, onSubmit, onClose }: ExportDialogProps) {
  const { t, language } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const time = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'medium' });
  const valid = reason.trim().length >= minReasonLength;
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          setBusy(true);
          void onSubmit(reason.trim()).then((failure) => {
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
          {t('export.reason')}
          <textarea
            value={reason}
            required
            minLength={minReasonLength}
            maxLength={500}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
          <small>{t('export.reasonHint', { min: minReasonLength })}</small>
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
            {t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
