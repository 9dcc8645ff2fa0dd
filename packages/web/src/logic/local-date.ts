/**
 * Dates typed as the interface's language writes them (day/month/year, in French and British English alike),
 * not as the browser's locale would (a native date input follows the workstation, not the console).
 */

/** "2026-11-30" from "30/11/2026" (or "30.11.2026", "30-11-2026"); undefined when incomplete or not a real day. */
export function parseLocalDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (m === null) return undefined;
  const [, d = '', mo = '', y = ''] = m;
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** "30/11/2026" from "2026-11-30" (empty for an empty date). */
export function formatLocalDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m === null ? '' : `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * "14:05" (or "14:05:30" when seconds are allowed) from a 24-hour time typed as "14:05", "9:05", "14h05" or
 * "14.05"; undefined when incomplete or not a time of day.
 */
export function parseLocalTime(text: string, seconds = false): string | undefined {
  const m = /^\s*(\d{1,2})[:hH.](\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (m === null) return undefined;
  const [, h = '', mi = '', s] = m;
  if (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && (!seconds || Number(s) > 59))) return undefined;
  return `${h.padStart(2, '0')}:${mi}${s === undefined ? '' : `:${s}`}`;
}
