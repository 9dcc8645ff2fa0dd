import { describe, expect, it } from 'vitest';
import { formatDay, formatLastDay, legalToday } from './legal-dates';

describe('legal calendar days', () => {
  it('tells today in Paris, whatever the machine’s zone', () => {
    expect(legalToday(new Date('2026-06-30T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-01');
    expect(legalToday(new Date('2026-12-31T22:30:00Z'), 'Europe/Paris')).toBe('2026-12-31');
  });

  it('writes a day and the last day an authorisation ending at a Paris midnight covers', () => {
    expect(formatDay('2029-02-28', 'fr')).toBe('28 févr. 2029');
    expect(formatLastDay('2029-02-28T23:00:00.000Z', 'en', 'Europe/Paris')).toBe('28 Feb 2029');
  });
});
