import type { Alert, Severity } from '../api/contract';
import { openAlertCount } from './alert-order';

/** How an alert of a severity sounds: how many tones, their pitch, and how often the signal repeats. */
export interface SoundPattern {
  tones: number;
  hz: number;
  repeatMs: number;
}

/** One pattern per severity, more insistent as it rises; information makes no sound. */
export const soundPatterns: Record<Severity, SoundPattern | undefined> = {
  high: { tones: 3, hz: 1046, repeatMs: 3000 },
  medium: { tones: 2, hz: 880, repeatMs: 6000 },
  low: { tones: 1, hz: 660, repeatMs: 15000 },
  info: undefined,
};

/** The sound the console makes now: that of the most severe alert nobody acknowledged, or none. */
export function soundFor(alerts: readonly Alert[]): SoundPattern | undefined {
  const { severity } = openAlertCount(alerts);
  return severity === undefined ? undefined : soundPatterns[severity];
}
