import { describe, expect, it } from 'vitest';
import { format, messages, type MessageKey } from './messages';

describe('console messages', () => {
  it('has the same placeholders in French and English for every key', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = (Object.keys(messages.fr) as MessageKey[]).filter(
      (key) => JSON.stringify(placeholders(messages.fr[key])) !== JSON.stringify(placeholders(messages.en[key])),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders, and shows an untranslated key from the server as its last part', () => {
    expect(format('fr', 'cameras.count', { count: 4 })).toBe('4 caméra(s)');
    expect(format('en', 'alertType.new_kind' as MessageKey)).toBe('new_kind');
  });
});
