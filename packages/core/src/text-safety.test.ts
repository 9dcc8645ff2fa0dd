import { describe, expect, it } from 'vitest';
import { nulCharacterProblems } from './text-safety.js';

describe('nulCharacterProblems', () => {
  it('finds a NUL character in nested strings and keys, by JSON pointer', () => {
    const input = { name: 'a\u0000b', zones: [{ label: 'ok' }, { label: '\u0000' }], ['k\u0000']: 1 };
    expect(nulCharacterProblems(input).map((p) => p.path)).toEqual(['/name', '/zones/1/label', '/k\\u0000']);
  });

  it('accepts text without one, other values and binary bodies', () => {
    expect(nulCharacterProblems({ name: 'Place du marché', n: 3, ok: true, none: null, list: ['x'] })).toEqual([]);
    expect(nulCharacterProblems(Buffer.from([0, 0, 0]))).toEqual([]);
    expect(nulCharacterProblems(undefined)).toEqual([]);
  });

  it('names the root when the input itself is a string with one', () => {
    expect(nulCharacterProblems('\u0000')).toEqual([{ path: '/', reason: expect.stringContaining('NUL') as string }]);
  });
});
