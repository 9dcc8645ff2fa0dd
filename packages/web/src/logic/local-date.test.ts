import { describe, expect, it } from 'vitest';
import { formatLocalDate, parseLocalDate, parseLocalTime } from './local-date';

describe('dates typed day first, as the interface writes them', () => {
  it('reads day/month/year and refuses what is not a real day', () => {
    expect(parseLocalDate('30/11/2026')).toBe('2026-11-30');
    expect(parseLocalDate(' 1.2.2027 ')).toBe('2027-02-01');
    expect(parseLocalDate('31/02/2026')).toBeUndefined();
    expect(parseLocalDate('11/30/2026')).toBeUndefined();
    expect(parseLocalDate('2026-11-30')).toBeUndefined();
  });

  it('writes a date back the same way', () => {
    expect(formatLocalDate('2026-11-30')).toBe('30/11/2026');
    expect(formatLocalDate('')).toBe('');
  });

  it('reads a 24-hour time, with seconds only where they are allowed', () => {
    expect(parseLocalTime('14:05')).toBe('14:05');
    expect(parseLocalTime(' 9h05 ')).toBe('09:05');
    expect(parseLocalTime('14:05:30')).toBeUndefined();
    expect(parseLocalTime('14:05:30', true)).toBe('14:05:30');
    expect(parseLocalTime('24:00')).toBeUndefined();
    expect(parseLocalTime('12:60')).toBeUndefined();
    expect(parseLocalTime('2:05 PM')).toBeUndefined();
    expect(parseLocalTime('14:05:60', true)).toBeUndefined();
  });
});
