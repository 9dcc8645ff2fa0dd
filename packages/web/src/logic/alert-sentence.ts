import type { Alert } from '../api/contract';
import { format, type Language, type MessageKey } from '../i18n/messages';

/** Whole seconds as "45 s" or "12 min 5 s" (the same in French and English). */
function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 === 0 ? '' : ` ${s % 60} s`}`;
}

function decimal(language: Language, value: number, digits: number): string {
  return value.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits });
}

/**
 * The sentence an operator reads for an alert, in their language, built from its structured facts
 * (what, where, how long, measure, how sure); the server's own message when an alert has none.
 */
export function alertSentence(
  alert: Pick<Alert, 'message' | 'facts' | 'endedAt' | 'zoneId'>,
  language: Language,
): string {
  const facts = alert.facts;
  if (facts === undefined) return alert.message;
  const t = (key: MessageKey, values?: Record<string, string | number>) => format(language, key, values);
  const subject = t(`facts.subject.${facts.subject}` as MessageKey, { count: facts.count ?? 0 });
  const parts = [
    facts.manner === undefined ? subject : `${subject} ${t(`facts.manner.${facts.manner}` as MessageKey)}`,
  ];
  if (facts.zoneId !== undefined) parts.push(t('facts.zone', { zone: facts.zoneId }));
  parts.push(t(alert.endedAt === undefined ? 'facts.for' : 'facts.lasted', { duration: duration(facts.durationS) }));
  const m = facts.measure;
  if (m !== undefined) {
    const pct = m.unit === 'fraction_of_view';
    const value = (v: number) => decimal(language, pct ? v * 100 : v, pct ? 2 : 1);
    parts.push(t(`facts.unit.${m.unit}` as MessageKey, { value: value(m.value), peak: value(m.peak) }));
  }
  if (facts.confidence !== undefined) parts.push(t('facts.confidence', { pct: Math.round(facts.confidence * 100) }));
  return parts.join(' · ');
}
