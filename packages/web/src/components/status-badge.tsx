import type { CameraState } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** A camera's stream state as a word with a coloured dot (never colour alone). */
export function StatusBadge({ state }: { state: CameraState | undefined }) {
  const { t } = useI18n();
  const key = state ?? 'unknown';
  return <span className={`badge state-${key}`}>{t(`state.${key}` as MessageKey)}</span>;
}
