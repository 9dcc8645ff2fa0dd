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

  it('turns an instant into a date-time field on the city’s clock, whatever the workstation’s, and back', () => {
    const iso = '2026-06-10T08:15:42.000Z';
    expect(localInputValue(iso, 'Europe/Paris')).toBe('2026-06-10T10:15:42');
    expect(localInputValue('2026-11-30T03:33:00.000Z', 'Europe/Paris')).toBe('2026-11-30T04:33:00');
    expect(localInputValue(iso, 'America/Cayenne')).toBe('2026-06-10T05:15:42');
    expect(instantOfLocalInput('2026-06-10T10:15:42', 'Europe/Paris')).toBe(iso);
    expect(instantOfLocalInput('2026-11-30T04:33', 'Europe/Paris')).toBe('2026-11-30T03:33:00.000Z');
    expect(instantOfLocalInput('2026-06-10T', 'Europe/Paris')).toBeUndefined();
    expect(instantOfLocalInput('', 'Europe/Paris')).toBeUndefined();
  });
});
