import { describe, expect, it } from 'vitest';
import { authorisationWarning } from './authorisation';

describe('authorisation warning', () => {
  it('locks images of an expired or missing authorisation, asks renewal when due, says nothing when valid', () => {
    expect(authorisationWarning({ state: 'expired', expiresAt: '2026-01-01T00:00:00Z' })).toBe('locked');
    expect(authorisationWarning({ state: 'missing', expiresAt: null })).toBe('locked');
    expect(authorisationWarning({ state: 'renewal_due', expiresAt: '2027-01-01T00:00:00Z' })).toBe('renewal');
    expect(authorisationWarning({ state: 'valid', expiresAt: '2030-01-01T00:00:00Z' })).toBeUndefined();
    expect(authorisationWarning(undefined)).toBeUndefined();
  });
});
