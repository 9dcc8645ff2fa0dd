/** Wall-clock fields of an instant in a time zone. */
function fieldsIn(instant: Date, timeZone: string): number[] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** How far a time zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fieldsIn(instant, timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time of the city names ("2026-11-30" or "2026-11-30T04:33[:00]", as date and
 * datetime-local inputs give them), whatever the workstation's own zone; undefined when incomplete.
 */
export function zonedToInstant(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local);
  if (m === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const naive = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // Twice: the offset at the first guess may differ from the offset at the answer around a DST change.
  const first = naive - offsetMs(new Date(naive), timeZone);
  return new Date(naive - offsetMs(new Date(first), timeZone));
}

/** An instant as the city's wall clock, "YYYY-MM-DDTHH:MM:SS" (the value a datetime-local input takes). */
export function instantToZoned(instant: Date, timeZone: string): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fieldsIn(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}`;
}

/** The day after a "YYYY-MM-DD" date (the end of a period that includes that day). */
export function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
