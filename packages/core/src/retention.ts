import { VigieError } from './errors.js';
import type { LegalProfile } from './legal-profile.js';

const dayMs = 24 * 60 * 60 * 1000;

/** Rejects a retention period longer than the profile's legal maximum. */
export function assertRetentionAllowed(days: number, profile: LegalProfile): void {
  if (days > profile.maxRetentionDays) {
    throw new VigieError(
      'RETENTION_EXCEEDS_LEGAL_MAXIMUM',
      `retentionDays ${days} exceeds the legal maximum of ${profile.maxRetentionDays} days (${profile.retentionSource}).`,
      [
        {
          path: '/retentionDays',
          reason: `must be ${profile.maxRetentionDays} or fewer`,
        },
      ],
    );
  }
}

/** The instant before which recordings of a camera with this retention must be gone. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * dayMs);
}

/** Whether a recording that ended at `endedAt` is past its retention at `now`. */
export function isPastRetention(endedAt: Date, retentionDays: number, now: Date): boolean {
  return endedAt.getTime() < retentionCutoff(now, retentionDays).getTime();
}
