import { dateLocale, type Language } from '../i18n/messages';

// Registry dates are calendar days of the legal time zone (YYYY-MM-DD), not instants of the browser's; the
// zone is the legal profile's, from the server (`useTimeZone`).

/** Today, as YYYY-MM-DD in the legal time zone. */
export function legalToday(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** A calendar day (YYYY-MM-DD) written out in the console's language. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The last day an authorisation covers, written out, from the instant it ends (the next day's midnight). */
export function formatLastDay(endsAt: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeZone }).format(
    new Date(Date.parse(endsAt) - 1),
  );
}
