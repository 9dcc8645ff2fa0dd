import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  addMonths,
  addMonthsToDate,
  isCalendarDate,
  zonedDate,
  zonedInstant,
  zonedLocal,
  zonedLocalToInstant,
} from './calendar.js';

describe('calendar', () => {
  it('tells real dates from impossible ones', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('26-01-01')).toBe(false);
  });

  it('adds months and years by the calendar, clamping to the end of shorter months', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-02-29', 60)).toBe('2033-02-28');
    expect(addMonthsToDate('2029-07-15', -4)).toBe('2029-03-15');
    expect(addMonthsToDate('2026-12-10', 1)).toBe('2027-01-10');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths(new Date('2026-03-31T09:30:00Z'), 1).toISOString()).toBe('2026-04-30T09:30:00.000Z');
  });

  it('turns Paris wall-clock times into instants, in winter, in summer and across the DST change', () => {
    expect(zonedInstant('2026-01-15', '00:00', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(zonedInstant('2026-07-15', '14:30', 'Europe/Paris').toISOString()).toBe('2026-07-15T12:30:00.000Z');
    expect(zonedInstant('2026-03-29', '04:00', 'Europe/Paris').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(zonedInstant('2026-10-25', '00:00', 'Europe/Paris').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(zonedDate(new Date('2026-07-15T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-16');
  });

  it('reads a date or datetime-local value in the city time zone, in winter, in summer and across the DST change', () => {
    expect(zonedLocalToInstant('2026-11-30T04:33', 'Europe/Paris')?.toISOString()).toBe('2026-11-30T03:33:00.000Z');
    expect(zonedLocalToInstant('2026-07-14T22:00:05', 'Europe/Paris')?.toISOString()).toBe('2026-07-14T20:00:05.000Z');
    expect(zonedLocalToInstant('2026-11-30', 'Europe/Paris')?.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(zonedLocalToInstant('2026-11-30T04:33', 'America/New_York')?.toISOString()).toBe('2026-11-30T09:33:00.000Z');
    expect(zonedLocalToInstant('2026-03-29T03:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedLocalToInstant('2026-10-25T01:30', 'Europe/Paris')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
    expect(zonedLocalToInstant('2026-11', 'Europe/Paris')).toBeUndefined();
  });

  it('shows an instant back in the city time zone', () => {
    expect(zonedLocal(new Date('2026-11-30T03:33:00Z'), 'Europe/Paris')).toBe('2026-11-30T04:33:00');
    expect(zonedLocal(new Date('2026-07-14T20:00:05.600Z'), 'Europe/Paris')).toBe('2026-07-14T22:00:05');
  });
});
