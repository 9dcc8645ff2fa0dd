import type { AnalyticsEventType, Box } from './analytics.js';
import type { Clock } from './ports.js';
import { definedOnly } from './defined-only.js';

/** How the situation book decides that a situation lasts, ended, or is worth a new update. */
export interface SituationOptions {
  /** Time source (the stream's clock in an analysis, a fake one in tests). */
  clock: Clock;
  /** Seconds without any sighting after which a situation has ended; a shorter gap is the same situation. */
  endAfterS: number;
  /** Fewest seconds between two updates of one situation (last seen, peak) sent to the queue. */
  updateEveryS: number;
  /** Fewest seconds between two new snapshots of one situation. */
  snapshotEveryS: number;
}

/** One sighting of a situation: a rule's event (which may open one), or a sign that one still lasts. */
export interface Sighting {
  type: AnalyticsEventType;
  zoneId?: string;
  /** What it is about within its type and zone ("object:3", "track:12"); none for a scene-wide situation. */
  subject?: string;
  region?: Box;
  /** The rule's measure (density, speed…); its maximum is kept as the peak. */
  value?: number;
  /** A rule raised it (true); false for a mere sign of presence, which never opens a situation. */
  raised: boolean;
}

/** A situation: one abandoned bag, one person down, one dense crowd — one alert, however long it lasts. */
export interface Situation {
  /** Unique: type, zone, first subject and opening time. */
  key: string;
  type: AnalyticsEventType;
  zoneId?: string;
  /** Every subject seen as this situation (a bag the tracker lost and found again under a new number). */
  subjects: string[];
  region?: Box;
  openedAt: Date;
  lastSeenAt: Date;
  /** When it was last seen, once it ended. */
  endedAt?: Date;
  /** Rule events merged into it (presence signs are not counted). */
  occurrences: number;
  peak?: number;
}

/** What a sighting or the passing of time did to a situation. */
export type SituationChange =
  | { kind: 'opened'; situation: Situation }
  | { kind: 'updated'; situation: Situation; snapshot: boolean }
  | { kind: 'ended'; situation: Situation };

interface Entry {
  situation: Situation;
  updatedAt: number;
  snapshotAt: number;
  dirty: boolean;
}

/** Area of the intersection of two boxes over the smaller one's area (a bag split in two still overlaps). */
export function overlapOfSmaller(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const smaller = Math.min(a.w * a.h, b.w * b.h);
  return smaller > 0 ? (ix * iy) / smaller : 0;
}

/** The overlap above which a sighting with another subject is taken for the same thing in the same place. */
const sameplaceOverlap = 0.5;

/**
 * One alert per situation. A rule's event opens a situation unless it matches an open one of its type
 * and zone (same subject, or the same place under a new subject, or the zone's only scene-wide
 * situation); later sightings update it; it ends when nothing was seen of it for `endAfterS`; only a
 * recurrence after that opens a new one. Time comes from the injected clock only.
 */
export class SituationBook {
  readonly #options: SituationOptions;
  readonly #open: Entry[] = [];

  constructor(options: SituationOptions) {
    this.#options = options;
  }

  /** Situations in progress. */
  current(): readonly Situation[] {
    return this.#open.map((e) => e.situation);
  }

  /** Takes a sighting: the situation it opened, an update that is due, or nothing. */
  sight(sighting: Sighting): SituationChange | undefined {
    const now = this.#options.clock.now();
    const entry = this.#match(sighting);
    if (entry === undefined) return sighting.raised ? this.#openWith(sighting, now) : undefined;
    const s = entry.situation;
    s.lastSeenAt = now;
    if (sighting.region !== undefined) s.region = sighting.region;
    if (sighting.subject !== undefined && !s.subjects.includes(sighting.subject)) s.subjects.push(sighting.subject);
    if (sighting.raised) s.occurrences++;
    if (sighting.value !== undefined && (s.peak === undefined || sighting.value > s.peak)) s.peak = sighting.value;
    entry.dirty = true;
    return this.#dueUpdate(entry, now.getTime());
  }

  /** Ends the situations nothing was seen of for `endAfterS`; call once per analysed frame. */
  sweep(): SituationChange[] {
    const now = this.#options.clock.now().getTime();
    const changes: SituationChange[] = [];
    for (let i = this.#open.length - 1; i >= 0; i--) {
      const entry = this.#open[i];
      if (entry === undefined) continue;
      const s = entry.situation;
      if (now - s.lastSeenAt.getTime() < this.#options.endAfterS * 1000) continue;
      this.#open.splice(i, 1);
      s.endedAt = s.lastSeenAt;
      changes.push({ kind: 'ended', situation: s });
    }
    return changes.reverse();
  }

  /** Ends now the open situation of a type that is about a subject (the left bag was taken away). */
  endSubject(type: AnalyticsEventType, subject: string): SituationChange | undefined {
    const i = this.#open.findIndex((e) => e.situation.type === type && e.situation.subjects.includes(subject));
    const entry = this.#open[i];
    if (entry === undefined) return undefined;
    this.#open.splice(i, 1);
    entry.situation.endedAt = this.#options.clock.now();
    return { kind: 'ended', situation: entry.situation };
  }

  /** Ends every situation now (the stream ended or the analysis stops). */
  endAll(): SituationChange[] {
    return this.#open.splice(0).map((entry) => {
      entry.situation.endedAt = entry.situation.lastSeenAt;
      return { kind: 'ended', situation: entry.situation };
    });
  }

  #match(sighting: Sighting): Entry | undefined {
    const candidates = this.#open.filter(
      (e) => e.situation.type === sighting.type && e.situation.zoneId === sighting.zoneId,
    );
    const { subject, region } = sighting;
    if (subject !== undefined) {
      const same = candidates.find((e) => e.situation.subjects.includes(subject));
      if (same !== undefined) return same;
    }
    if (region !== undefined) {
      const here = candidates.find(
        (e) => e.situation.region !== undefined && overlapOfSmaller(e.situation.region, region) >= sameplaceOverlap,
      );
      if (here !== undefined) return here;
    }
    return subject === undefined ? candidates.find((e) => e.situation.subjects.length === 0) : undefined;
  }

  #openWith(sighting: Sighting, now: Date): SituationChange {
    const first = sighting.subject ?? 'scene';
    const situation: Situation = {
      key: `${sighting.type}/${sighting.zoneId ?? '-'}/${first}@${now.toISOString()}`,
      type: sighting.type,
      ...definedOnly({ zoneId: sighting.zoneId }),
      subjects: sighting.subject === undefined ? [] : [sighting.subject],
      ...definedOnly({ region: sighting.region }),
      openedAt: now,
      lastSeenAt: now,
      occurrences: 1,
      ...definedOnly({ peak: sighting.value }),
    };
    this.#open.push({ situation, updatedAt: now.getTime(), snapshotAt: now.getTime(), dirty: false });
    return { kind: 'opened', situation };
  }

  #dueUpdate(entry: Entry, now: number): SituationChange | undefined {
    if (!entry.dirty || now - entry.updatedAt < this.#options.updateEveryS * 1000) return undefined;
    entry.updatedAt = now;
    entry.dirty = false;
    const snapshot = now - entry.snapshotAt >= this.#options.snapshotEveryS * 1000;
    if (snapshot) entry.snapshotAt = now;
    return { kind: 'updated', situation: entry.situation, snapshot };
  }
}
