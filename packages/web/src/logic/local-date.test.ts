import { describe, expect, it } from 'vitest';
import { formatLocalDate, parseLocalDate } from './local-date';

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
});
