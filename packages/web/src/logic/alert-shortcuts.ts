import type { Qualification } from '../api/contract';

/** What a key does in the alert queue. */
export type AlertCommand =
  | { command: 'next' | 'previous' | 'acknowledge' | 'claim' | 'escalate' | 'clip' | 'help' }
  | { command: 'verdict'; qualification: Qualification };

/** The queue's shortcuts, in the order the help lists them, with the key shown for each. */
export const alertShortcuts: readonly { key: string; command: AlertCommand }[] = [
  { key: 'j', command: { command: 'next' } },
  { key: 'k', command: { command: 'previous' } },
  { key: 'a', command: { command: 'acknowledge' } },
  { key: 'm', command: { command: 'claim' } },
  { key: '1', command: { command: 'verdict', qualification: 'true_alert' } },
  { key: '2', command: { command: 'verdict', qualification: 'false_alarm' } },
  { key: '3', command: { command: 'verdict', qualification: 'needs_follow_up' } },
  { key: 'e', command: { command: 'escalate' } },
  { key: 'c', command: { command: 'clip' } },
  { key: '?', command: { command: 'help' } },
];

/** A key press as the queue sees it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The press happened while typing in a field (input, select, textarea, editable): never a shortcut. */
  inField: boolean;
}

/** The command of a key press, if it is a shortcut (never while typing, never with a modifier but Shift). */
export function alertCommandOf(press: KeyPress): AlertCommand | undefined {
  if (press.inField || press.ctrlKey || press.metaKey || press.altKey) return undefined;
  const key = press.key === 'ArrowDown' ? 'j' : press.key === 'ArrowUp' ? 'k' : press.key.toLowerCase();
  return alertShortcuts.find((s) => s.key === key)?.command;
}

/** The id next to `current` in a list (`step` +1 or −1), staying at the ends; the first one when none is current. */
export function stepSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  const index = current === undefined ? -1 : ids.indexOf(current);
  if (index === -1) return ids[0];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}
