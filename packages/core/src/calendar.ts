/**
 * Calendar arithmetic on `YYYY-MM-DD` dates and local times, in a named time zone. Legal deadlines
 * are stated in calendar days and months of the country's time zone, not in UTC milliseconds.
 */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const dayMs = 24 * 60 * 60 * 1000;

function parts(date: string): [number, number, number] {
  const match = datePattern.exec(date);
  if (match === null) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function format(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date (`2026-02-30` is not). */
export function isCalendarDate(date: string): boolean {
  if (!datePattern.test(date)) return false;
  const [year, month, day] = parts(date);
  return format(Date.UTC(year, month - 1, day)) === date;
}

/** Adds whole months, keeping the day of the month or clamping it to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(year, month - 1 + months, Math.min(day, lastDay)));
}

/** Adds whole days. */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return format(Date.UTC(year, month - 1, day) + days * dayMs);
}

/** Adds whole months to an instant, in UTC, clamping the day as `addMonthsToDate` does. */
export function addMonths(instant: Date, months: number): Date {
  const date = addMonthsToDate(instant.toISOString().slice(0, 10), months);
  return new Date(`${date}T${instant.toISOString().slice(11)}`);
}

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the time zone's clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const fields = new Map(
    zoneFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  );
  const field = (type: Intl.DateTimeFormatPartTypes): number => fields.get(type) ?? Number.NaN;
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time, given as if it were UTC milliseconds, denotes in a time zone. */
function wallToInstant(wall: number, timeZone: string): Date {
  // The offset at the guess can differ from the offset at the answer across a DST change: correct once.
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** The instant a local date and `HH:MM` time denote in a time zone (e.g. `Europe/Paris`). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = parts(date);
  const match = timePattern.exec(time);
  if (match === null) throw new RangeError(`"${time}" is not an HH:MM time`);
  return wallToInstant(Date.UTC(year, month - 1, day, Number(match[1]), Number(match[2])), timeZone);
}

/**
 * The instant a wall-clock time of a time zone denotes, from `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (as date and
 * datetime-local inputs give them); undefined when the text is not one of these.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(local);
  if (match === null) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  return wallToInstant(wall, timeZone);
}

/** An instant as a time zone's wall clock, `YYYY-MM-DDTHH:MM:SS` (the value a datetime-local input takes). */
export function zonedLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 19);
}

/** The local calendar date of an instant in a time zone. */
export function zonedDate(instant: Date, timeZone: string): string {
  return zonedLocal(instant, timeZone).slice(0, 10);
}
