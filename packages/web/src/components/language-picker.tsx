import { useI18n } from '../i18n/i18n';
import { languages, type Language } from '../i18n/messages';

/** The interface language chooser every page's header shows (console, transparency page, verifier). */
export function LanguagePicker({ className }: { className?: string }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className={className}>
      {t('language.label')}{' '}
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
