import { describe, expect, it } from 'vitest';
import {
  canAttachFootage,
  daysLeft,
  daysOverdue,
  forwardSteps,
  instantOfLocalInput,
  isAnswered,
  localInputValue,
  requestStatuses,
} from './access-request-flow';

describe('access request workflow in the console', () => {
  it('offers the steps forward, rejection apart, and nothing once answered', () => {
    expect(forwardSteps('received')).toEqual(['searching']);
    expect(forwardSteps('searching')).toEqual(['footage_found', 'no_footage']);
    expect(forwardSteps('export_ready')).toEqual(['delivered']);
    expect(forwardSteps('delivered')).toEqual([]);
    expect(requestStatuses.filter(isAnswered)).toEqual(['no_footage', 'delivered', 'rejected']);
  });

  it('lets footage be attached only while the request is searched', () => {
    expect(requestStatuses.filter(canAttachFootage)).toEqual(['received', 'searching', 'footage_found']);
  });

  it('counts whole days to the deadline: 0 on the last day, then days overdue', () => {
    const due = '2026-06-10T12:00:00.000Z';
    expect(daysLeft(due, new Date('2026-06-01T12:00:00.000Z'))).toBe(9);
    expect(daysLeft(due, new Date('2026-06-10T11:00:00.000Z'))).toBe(1);
    expect(daysLeft(due, new Date('2026-06-10T12:00:00.000Z'))).toBe(0);
    expect(daysOverdue(due, new Date('2026-06-10T12:30:00.000Z'))).toBe(1);
    expect(daysOverdue(due, new Date('2026-06-12T13:00:00.000Z'))).toBe(3);
  });

  it('turns an instant into a local date-time field and back, to the second', () => {
    const iso = '2026-06-10T08:15:42.000Z';
    expect(localInputValue(iso)).toMatch(/^2026-06-10T\d\d:15:42$/);
    expect(instantOfLocalInput(localInputValue(iso))).toBe(iso);
    expect(instantOfLocalInput('2026-06-10T')).toBeUndefined();
    expect(instantOfLocalInput('')).toBeUndefined();
  });
});
