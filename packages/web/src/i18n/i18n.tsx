import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { errorText } from './error.messages';
import { format, languages, type Language, type MessageKey } from './messages';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A server refusal in this language, from its error code. */
  problem: (failure: { code: string; message: string }) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);
const storageKey = 'vigie.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  return (languages as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'fr';
}

/** Provides the console language (French by default, remembered per browser). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setState(next);
  }, []);
  // Screen readers, spell-checkers and date inputs follow the page's declared language.
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => format(language, key, values),
      problem: (failure) => errorText(language, failure),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translation function. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
