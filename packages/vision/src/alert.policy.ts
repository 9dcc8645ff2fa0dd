import {
  eventSeverity,
  overlapOfSmaller,
  SituationBook,
  type Alert,
  type AlertFacts,
  type AnalyticsEvent,
  type AnalyticsEventType,
  type Sighting,
  type Situation,
  type SituationChange,
  definedOnly,
} from '@vigie/core';
import { footPoint, pointInPolygon } from './geometry.math.js';
import type { RuleContext } from './rule.context.js';

/** What happened to an alert on this frame: opened, updated (last seen, peak; a new snapshot is due), or ended. */
export interface AlertChange {
  kind: SituationChange['kind'];
  alert: Alert;
  /** A new snapshot is due (always for an opened alert). */
  snapshot: boolean;
}

/** What a situation remembers of the rule's last event, to state its facts. */
interface Memo {
  event: AnalyticsEvent;
  /** Seconds the rule waited before raising it (object still, person lying). */
  leadS: number;
  confidence?: number;
}

/** Types whose event value is how long the condition held before the rule raised it. */
const leadTypes: ReadonlySet<AnalyticsEventType> = new Set(['abandoned_object', 'object_removed', 'person_on_ground']);

const subjects: Record<AnalyticsEventType, AlertFacts['subject']> = {
  abandoned_object: 'object',
  object_removed: 'object',
  people_count: 'persons',
  crowd_density: 'persons',
  crowd_movement: 'persons',
  rapid_movement: 'person',
  person_on_ground: 'person',
  intrusion: 'person',
  wrong_way: 'person',
  fire_smoke: 'flames',
  camera_tamper: 'view',
};

const units: Partial<Record<AnalyticsEventType, NonNullable<AlertFacts['measure']>['unit']>> = {
  crowd_density: 'persons_per_m2',
  crowd_movement: 'per_s',
  rapid_movement: 'm_per_s',
  wrong_way: 'm_per_s',
  fire_smoke: 'fraction_of_view',
};

/**
 * Turns the rules' events into one alert per situation (see core's SituationBook): an event opens an
 * alert or updates the open one it belongs to; each frame, what is still there (the left object, the
 * person still lying, the intruder still in the zone) keeps its alert alive; an alert ends once nothing
 * was seen of it for `situationEndS`. Stream time is the clock. Counts never become alerts.
 */
export class AlertPolicy {
  private t = 0;
  private readonly book: SituationBook;
  private readonly memos = new Map<string, Memo>();

  constructor(private readonly options: { cameraId: string; startedAt: Date; situationEndS: number }) {
    const origin = options.startedAt.getTime();
    this.book = new SituationBook({
      clock: { now: () => new Date(origin + this.t) },
      endAfterS: options.situationEndS,
      updateEveryS: 5,
      snapshotEveryS: 60,
    });
  }

  /** The alert changes of one analysed frame: its events, then the signs of what still lasts, then what ended. */
  update(ctx: RuleContext, events: readonly AnalyticsEvent[]): AlertChange[] {
    this.t = ctx.t;
    const changes: SituationChange[] = [];
    for (const event of events) {
      if (event.type === 'people_count') continue;
      const change = this.book.sight(sightingOf(event, ctx));
      if (change === undefined) continue;
      // The lead (how long the condition held before the first raise) stays the opening event's.
      const previous = this.memos.get(change.situation.key);
      const memo = memoOf(event, ctx);
      this.memos.set(change.situation.key, previous === undefined ? memo : { ...memo, leadS: previous.leadS });
      changes.push(change);
    }
    // A left object taken away ends its alert at once.
    for (const o of ctx.removedObjects) {
      const change = this.book.endSubject('abandoned_object', `object:${o.id}`);
      if (change !== undefined) changes.push(change);
    }
    for (const sign of presenceSigns(this.book.current(), ctx)) {
      const change = this.book.sight(sign);
      if (change !== undefined) changes.push(change);
    }
    changes.push(...this.book.sweep());
    return changes.flatMap((c) => this.alertChange(c));
  }

  /** Ends every open alert (the stream ended, the analysis stops). */
  endAll(): AlertChange[] {
    return this.book.endAll().flatMap((c) => this.alertChange(c));
  }

  private alertChange(change: SituationChange): AlertChange[] {
    const s = change.situation;
    const memo = this.memos.get(s.key);
    if (memo === undefined) return [];
    if (change.kind === 'ended') this.memos.delete(s.key);
    const origin = this.options.startedAt.getTime();
    const alert: Alert = {
      key: s.key,
      cameraId: this.options.cameraId,
      type: s.type,
      severity: eventSeverity[s.type],
      ...definedOnly({ zoneId: s.zoneId }),
      firstT: s.openedAt.getTime() - origin,
      lastT: s.lastSeenAt.getTime() - origin,
      ...(s.endedAt === undefined ? {} : { endT: s.endedAt.getTime() - origin }),
      occurrences: s.occurrences,
      ...definedOnly({ region: s.region }),
      reason: memo.event.reason,
      facts: factsOf(s, memo),
    };
    return [
      {
        kind: change.kind,
        alert,
        snapshot: change.kind === 'opened' || (change.kind === 'updated' && change.snapshot),
      },
    ];
  }
}

/** What an event is about: the left object it names by its box, its single track, or the whole scene. */
function subjectOf(event: AnalyticsEvent, ctx: RuleContext): string | undefined {
  if (event.type === 'abandoned_object' || event.type === 'object_removed') {
    const objects = event.type === 'abandoned_object' ? ctx.leftObjects : ctx.removedObjects;
    const object = objects.find((o) => o.box === event.region);
    return object === undefined ? undefined : `object:${object.id}`;
  }
  const only = event.tracks?.length === 1 ? event.tracks[0] : undefined;
  return only === undefined ? undefined : `track:${only}`;
}

function sightingOf(event: AnalyticsEvent, ctx: RuleContext): Sighting {
  const subject = subjectOf(event, ctx);
  return {
    type: event.type,
    ...definedOnly({ zoneId: event.zoneId, subject, region: event.region }),
    ...(event.value === undefined || leadTypes.has(event.type) ? {} : { value: Math.abs(event.value) }),
    raised: true,
  };
}

function memoOf(event: AnalyticsEvent, ctx: RuleContext): Memo {
  const scores = (event.tracks ?? []).flatMap((id) => ctx.tracks.find((tr) => tr.id === id)?.score ?? []);
  return {
    event,
    leadS: leadTypes.has(event.type) ? (event.value ?? 0) : 0,
    ...(scores.length === 0 ? {} : { confidence: scores.reduce((a, b) => a + b, 0) / scores.length }),
  };
}

/**
 * Signs that open situations still last: the left object still in place, the person still lying, the
 * intruder still in the zone, the runner or wrong-way walker still tracked. Scene-wide situations
 * (crowds, fire, tamper) last as long as their rule keeps raising them.
 */
function presenceSigns(open: readonly Situation[], ctx: RuleContext): Sighting[] {
  const signs: Sighting[] = [];
  for (const s of open) {
    const base = { type: s.type, ...(s.zoneId === undefined ? {} : { zoneId: s.zoneId }), raised: false };
    if (s.type === 'abandoned_object' && s.region !== undefined) {
      const region = s.region;
      for (const o of ctx.leftObjects)
        if (overlapOfSmaller(o.box, region) >= 0.5) signs.push({ ...base, subject: `object:${o.id}`, region: o.box });
      continue;
    }
    for (const track of ctx.tracks) {
      if (!s.subjects.includes(`track:${track.id}`)) continue;
      if (s.type === 'person_on_ground' && (track.box.w * ctx.aspect) / track.box.h < ctx.params.onGroundAspect)
        continue;
      if (s.type === 'intrusion') {
        const zone = ctx.zones.find((z) => z.id === s.zoneId);
        if (zone === undefined || !pointInPolygon(footPoint(track.box), zone.polygon)) continue;
      }
      signs.push({ ...base, subject: `track:${track.id}`, region: track.box });
    }
  }
  return signs;
}

function mannerOf(event: AnalyticsEvent): AlertFacts['manner'] | undefined {
  if (event.type === 'crowd_movement' && event.value !== undefined)
    return event.value < 0 ? 'converging' : 'dispersing';
  if (event.type !== 'camera_tamper') return undefined;
  // The tamper rule states its kind only in its reason ("camera covered for 3 s").
  const kind = /\b(covered|defocused|moved)\b/.exec(event.reason)?.[1];
  return kind === 'covered' || kind === 'defocused' || kind === 'moved' ? kind : undefined;
}

function factsOf(s: Situation, memo: Memo): AlertFacts {
  const { event } = memo;
  const unit = units[s.type];
  const manner = mannerOf(event);
  const persons = event.tracks?.length ?? 0;
  const value = event.value === undefined ? undefined : Math.abs(event.value);
  return {
    subject: subjects[s.type],
    ...(persons > 1 ? { count: persons } : {}),
    ...definedOnly({ zoneId: s.zoneId, region: s.region }),
    durationS: Math.round((memo.leadS + (s.lastSeenAt.getTime() - s.openedAt.getTime()) / 1000) * 10) / 10,
    ...(memo.confidence === undefined ? {} : { confidence: Math.round(memo.confidence * 100) / 100 }),
    ...(unit === undefined || value === undefined ? {} : { measure: { value, peak: s.peak ?? value, unit } }),
    ...definedOnly({ manner }),
  };
}
