import { afterEach, describe, expect, it, vi } from 'vitest';
import { everyTick } from './shared-tick.js';

describe('shared tick', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs every callback of a period on one timer, and removes the timer with its last callback', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const stopA = everyTick(1000, () => calls.push('a'));
    const stopB = everyTick(1000, () => calls.push('b'));
    const stopOther = everyTick(250, () => calls.push('other'));
    expect(vi.getTimerCount()).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(calls.toSorted()).toEqual(['a', 'b', 'other', 'other', 'other', 'other']);
    stopOther();
    stopA();
    stopA(); // a second stop changes nothing
    calls.length = 0;
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['b']);
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('calls a function given twice twice, until each of its stops', () => {
    vi.useFakeTimers();
    let calls = 0;
    const count = (): void => void (calls += 1);
    const stopFirst = everyTick(500, count);
    const stopSecond = everyTick(500, count);
    vi.advanceTimersByTime(500);
    expect(calls).toBe(2);
    stopFirst();
    vi.advanceTimersByTime(500);
    expect(calls).toBe(3);
    stopSecond();
    expect(vi.getTimerCount()).toBe(0);
  });
});
