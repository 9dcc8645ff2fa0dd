import { en } from './en';
import { fr, type MessageKey } from './fr';

export type { MessageKey } from './fr';

/** The languages of the console; French first, since the first users are French cities. */
export const languages = ['fr', 'en'] as const;

/** A console language. */
export type Language = (typeof languages)[number];

/** Every message in every language. */
export const messages: Record<Language, Record<MessageKey, string>> = { fr, en };

/**
 * Formats a message, replacing `{name}` placeholders. A key built at run time from data the server sent
 * (e.g. a new alert type) that has no translation yet shows as the key's last part rather than failing.
 */
export function format(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const template = (messages[language] as Partial<Record<string, string>>)[key] ?? key.split('.').at(-1) ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * The Intl locale in which dates and times are written: day first and on the 24-hour clock in both languages
 * (British English for English), as the date fields are typed, whatever the browser's own locale.
 */
export function dateLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}
