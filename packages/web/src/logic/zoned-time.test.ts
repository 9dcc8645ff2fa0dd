import { describe, expect, it } from 'vitest';
import { instantToZoned, nextDay, zonedToInstant } from './zoned-time';

describe('the city time zone in forms', () => {
  it('reads a typed Paris time as the same instant in winter and summer', () => {
    expect(zonedToInstant('2026-11-30T04:33', 'Europe/Paris')?.toISOString()).toBe('2026-11-30T03:33:00.000Z');
    expect(zonedToInstant('2026-07-14T22:00:05', 'Europe/Paris')?.toISOString()).toBe('2026-07-14T20:00:05.000Z');
    expect(zonedToInstant('2026-11-30', 'Europe/Paris')?.toISOString()).toBe('2026-11-29T23:00:00.000Z');
    expect(zonedToInstant('2026-11-30T04:33', 'America/New_York')?.toISOString()).toBe('2026-11-30T09:33:00.000Z');
  });

  it('handles the night clocks go back and forward', () => {
    expect(zonedToInstant('2026-03-29T03:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-10-25T01:30', 'Europe/Paris')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('shows an instant back as the Paris wall clock', () => {
    expect(instantToZoned(new Date('2026-11-30T03:33:00Z'), 'Europe/Paris')).toBe('2026-11-30T04:33:00');
    expect(instantToZoned(new Date('2026-07-14T20:00:05Z'), 'Europe/Paris')).toBe('2026-07-14T22:00:05');
  });

  it('refuses an incomplete value and steps over month ends', () => {
    expect(zonedToInstant('2026-11', 'Europe/Paris')).toBeUndefined();
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
  });
});
