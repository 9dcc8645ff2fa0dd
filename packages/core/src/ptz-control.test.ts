import { describe, expect, it } from 'vitest';
import { claimPtzControl, ptzControlTimeoutMs, ptzPriorityOf } from './ptz-control.js';

const operatorA = { id: 'a', name: 'Alice', roles: ['operator'] as const };
const operatorB = { id: 'b', name: 'Bruno', roles: ['operator'] as const };
const supervisor = { id: 's', name: 'Sami', roles: ['supervisor', 'operator'] as const };

describe('PTZ control lock', () => {
  it('grants free controls, renews them for their holder and refuses an equal rank until the time-out', () => {
    const first = claimPtzControl(undefined, operatorA, 1000);
    expect(first).toEqual({
      kind: 'granted',
      lease: { holderId: 'a', holderName: 'Alice', priority: 1, expiresAt: 1000 + ptzControlTimeoutMs },
    });
    if (first.kind !== 'granted') throw new Error('unreachable');
    const renewed = claimPtzControl(first.lease, operatorA, 20_000);
    expect(renewed).toMatchObject({ kind: 'granted', lease: { expiresAt: 20_000 + ptzControlTimeoutMs } });
    expect(claimPtzControl(first.lease, operatorB, 20_000)).toEqual({ kind: 'refused', holder: first.lease });
    // Once the holder stopped sending commands for the time-out, the controls are free.
    expect(claimPtzControl(first.lease, operatorB, first.lease.expiresAt)).toMatchObject({
      kind: 'granted',
      lease: { holderId: 'b' },
    });
  });

  it('lets a higher rank take the controls over, naming whom from, and never the other way', () => {
    const held = claimPtzControl(undefined, operatorA, 0);
    if (held.kind !== 'granted') throw new Error('unreachable');
    const taken = claimPtzControl(held.lease, supervisor, 5000);
    expect(taken).toMatchObject({ kind: 'granted', lease: { holderId: 's', priority: 2 }, takenFrom: held.lease });
    if (taken.kind !== 'granted') throw new Error('unreachable');
    expect(claimPtzControl(taken.lease, operatorA, 6000)).toEqual({ kind: 'refused', holder: taken.lease });
  });

  it('ranks a person by their highest role; roles without images never steer', () => {
    expect(ptzPriorityOf(['dpo', 'admin'])).toBe(0);
    expect(ptzPriorityOf(['operator', 'supervisor'])).toBe(2);
    expect(ptzPriorityOf([])).toBe(0);
  });
});
