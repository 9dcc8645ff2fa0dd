import { describe, expect, it } from 'vitest';
import type { Caller } from '../services/auth.service.js';
import { accessRecheckMs, RecentAccess } from './recent-access.js';

const caller: Caller = { userId: 'u1', username: 'op', displayName: 'Op', roles: ['operator'], via: 'token' };

function clockAt(start: number): { now: () => Date; advance: (ms: number) => void } {
  let ms = start;
  return { now: () => new Date(ms), advance: (by) => (ms += by) };
}

describe('RecentAccess', () => {
  it('reuses a grant under its key only, and only for less than the recheck period', () => {
    const clock = clockAt(1_000_000);
    const recent = new RecentAccess(clock);
    recent.remember('playback:view\nBearer a\n', caller);
    expect(recent.get('playback:view\nBearer a\n')).toBe(caller);
    expect(recent.get('playback:view\nBearer b\n')).toBeUndefined();
    clock.advance(accessRecheckMs - 1);
    expect(recent.get('playback:view\nBearer a\n')).toBe(caller);
    clock.advance(1);
    expect(recent.get('playback:view\nBearer a\n')).toBeUndefined();
  });

  it('forgets every grant and every stamped check at once when access may have changed', () => {
    const recent = new RecentAccess(clockAt(0));
    recent.remember('live:view\ncookie:s\n', caller);
    const stamp = recent.stamp();
    expect(recent.holds(stamp)).toBe(true);
    recent.forgetAll();
    expect(recent.get('live:view\ncookie:s\n')).toBeUndefined();
    expect(recent.holds(stamp)).toBe(false);
    expect(recent.holds(recent.stamp())).toBe(true);
  });

  it('keeps a bounded number of grants, forgetting the oldest first', () => {
    const recent = new RecentAccess(clockAt(0));
    for (let n = 0; n <= 2000; n++) recent.remember(`key ${n}`, caller);
    expect(recent.get('key 0')).toBeUndefined();
    expect(recent.get('key 1')).toBe(caller);
    expect(recent.get('key 2000')).toBe(caller);
  });
});
