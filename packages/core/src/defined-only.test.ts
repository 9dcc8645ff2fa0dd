import { describe, expect, expectTypeOf, it } from 'vitest';
import { definedOnly } from './defined-only.js';

describe('definedOnly', () => {
  it('drops the undefined properties and keeps the others, null and falsy ones included', () => {
    const reason: string | undefined = undefined;
    const kept = definedOnly({ id: 'c1', reason, note: null, count: 0, on: false });
    expect(kept).toEqual({ id: 'c1', note: null, count: 0, on: false });
    expect(Object.keys(kept)).not.toContain('reason');
  });

  it('types a maybe-undefined property as optional and defined, and leaves the others required', () => {
    const kept = definedOnly({ id: 'c1', reason: undefined as string | undefined });
    expect(kept).toEqual({ id: 'c1' });
    expectTypeOf(kept).toEqualTypeOf<{ id: string } & { reason?: string }>();
  });
});
