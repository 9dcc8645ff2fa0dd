import { describe, expect, it } from 'vitest';
import { alertCommandOf, stepSelection } from './alert-shortcuts';

const press = (key: string, over: Partial<Parameters<typeof alertCommandOf>[0]> = {}) =>
  alertCommandOf({ key, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...over });

describe('alert queue shortcuts', () => {
  it('maps letters, arrows and digits to commands', () => {
    expect(press('j')).toEqual({ command: 'next' });
    expect(press('ArrowUp')).toEqual({ command: 'previous' });
    expect(press('A')).toEqual({ command: 'acknowledge' });
    expect(press('2')).toEqual({ command: 'verdict', qualification: 'false_alarm' });
    expect(press('?')).toEqual({ command: 'help' });
    expect(press('x')).toBeUndefined();
  });

  it('ignores keys typed in a field or with a modifier (copy, reload)', () => {
    expect(press('a', { inField: true })).toBeUndefined();
    expect(press('c', { ctrlKey: true })).toBeUndefined();
    expect(press('j', { metaKey: true })).toBeUndefined();
  });

  it('steps through the list and stays at its ends', () => {
    expect(stepSelection(['x', 'y', 'z'], undefined, 1)).toBe('x');
    expect(stepSelection(['x', 'y', 'z'], 'x', 1)).toBe('y');
    expect(stepSelection(['x', 'y', 'z'], 'z', 1)).toBe('z');
    expect(stepSelection(['x', 'y', 'z'], 'x', -1)).toBe('x');
    expect(stepSelection(['x', 'y'], 'gone', -1)).toBe('x');
    expect(stepSelection([], undefined, 1)).toBeUndefined();
  });
});
