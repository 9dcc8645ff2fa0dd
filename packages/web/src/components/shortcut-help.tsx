import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { alertShortcuts, type AlertCommand } from '../logic/alert-shortcuts';

const labels: Record<string, MessageKey> = {
  next: 'shortcuts.next',
  previous: 'shortcuts.previous',
  acknowledge: 'shortcuts.acknowledge',
  claim: 'shortcuts.claim',
  true_alert: 'shortcuts.verdictTrue',
  false_alarm: 'shortcuts.verdictFalse',
  needs_follow_up: 'shortcuts.verdictFollow',
  escalate: 'shortcuts.escalate',
  clip: 'shortcuts.clip',
  help: 'shortcuts.help',
};

const labelOf = (command: AlertCommand): MessageKey =>
  labels[command.command === 'verdict' ? command.qualification : command.command] ?? 'shortcuts.help';

/** The help overlay listing the queue's keyboard shortcuts; Escape, "?" or the button close it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose}>
      <h3 id="shortcut-help-title">{t('shortcuts.title')}</h3>
      <dl>
        {alertShortcuts.map(({ key, command }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(labelOf(command))}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
