import { zonedLocal, zonedLocalToInstant } from '@vigie/core/calendar';
import type { AccessRequestStatus } from '../api/dpo-api';
import { accessRequestStatuses, accessRequestTransitions as nextStatuses } from '@vigie/core/access-request-flow';

/** Every status, in workflow order, for the list's filter. */
export const requestStatuses: readonly AccessRequestStatus[] = accessRequestStatuses;

/** Whether the request has been answered: nothing can change any more, its holds are released. */
export function isAnswered(status: AccessRequestStatus): boolean {
  return nextStatuses[status].length === 0;
}

/** The steps forward a request may take now (rejecting, which needs a reason, is offered apart). */
export function forwardSteps(status: AccessRequestStatus): AccessRequestStatus[] {
  return nextStatuses[status].filter((s) => s !== 'rejected');
}

/** Whether footage may still be attached to a request in this status. */
export function canAttachFootage(status: AccessRequestStatus): boolean {
  return status === 'received' || status === 'searching' || status === 'footage_found';
}

/** Whole days from `now` to the deadline, rounded up: 0 on the last day, negative once past. */
export function daysLeft(dueAt: string, now: Date): number {
  return Math.ceil((Date.parse(dueAt) - now.getTime()) / 86_400_000);
}

/** Whole days a request is past its deadline, rounded up (at least 1 once past). */
export function daysOverdue(dueAt: string, now: Date): number {
  return Math.max(1, Math.ceil((now.getTime() - Date.parse(dueAt)) / 86_400_000));
}

/** An instant as the value of a `datetime-local` input with seconds, on the city's clock (not the workstation's). */
export function localInputValue(iso: string, timeZone: string): string {
  return zonedLocal(new Date(iso), timeZone);
}

/** The instant a `datetime-local` value names on the city's clock, as ISO 8601; undefined when incomplete. */
export function instantOfLocalInput(value: string, timeZone: string): string | undefined {
  return zonedLocalToInstant(value, timeZone)?.toISOString();
}
