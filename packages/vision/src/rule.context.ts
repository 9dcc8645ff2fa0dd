import type {
  AnalysisZone,
  AnalyticsEvent,
  AnalyticsEventType,
  Box,
  CountingLine,
  CountMethod,
  Point,
  ResolvedRuleParams,
  ScheduleWindow,
  VideoFrame,
} from '@vigie/core';
import type { SceneStats } from './background.model.js';
import type { Track } from './byte.tracker.js';
import { footPoint, pointInPolygon, wholeFrame, type Vec2 } from './geometry.math.js';
import type { GroundPlane } from './homography.math.js';

/** An object that arrived and has stayed still (a left bag), tracked by the left-object tracker. */
export interface LeftObject {
  id: number;
  box: Box;
  /** When it became still (ms). */
  since: number;
  lastSeen: number;
  /**
   * What shows it is a thing and not a change of the scene: the detector took it for a bag (`item`), or
   * its outline is sharply in the frame and not in the background (`outline`); none yet otherwise.
   */
  evidence?: 'item' | 'outline';
  /** A person came within reach of it at most 10 s before it became still, or since: someone brought it. */
  brought?: boolean;
}

/** Everything a rule may look at for one analysed frame; time comes from the frame, never the system clock. */
export interface RuleContext {
  t: number;
  frame: VideoFrame;
  scene: SceneStats;
  tracks: readonly Track[];
  leftObjects: readonly LeftObject[];
  /** Left objects that disappeared in this frame after having been still. */
  removedObjects: readonly LeftObject[];
  ground: GroundPlane;
  zones: readonly AnalysisZone[];
  lines: readonly CountingLine[];
  params: ResolvedRuleParams;
  /** Frame width / height, to judge box shapes in pixels. */
  aspect: number;
  /** Local wall-clock time of the frame, for schedules. */
  local: { weekday: number; minute: number };
  /** Persons of each recent tiled counting pass, oldest first (crowded views only). */
  crowd?: readonly (readonly Box[])[];
  /** Ridden two-wheelers in view (`RiderCounter`), each a rider unless a counted person covers it. */
  riders?: (counted: readonly Box[]) => Box[];
}

/** How many people an area holds, and how they were counted. */
export interface Headcount {
  persons: number;
  /** `tracks`: the confirmed tracks (sparse views); `tiled`: the tiled counting pass (crowded views). */
  method: CountMethod;
  /** Where they stand. */
  boxes: Box[];
}

/**
 * Confirmed tracks in an area at which its count switches to the tiled pass: below it the tracks are
 * exact on the dev set's sparse views (shopfront, walkway: 0 error), above it they miss a third or
 * more (mall entrance: 13 tracked of ~22).
 */
export const crowdedFrom = 8;

/**
 * The people in `polygon`: its confirmed person tracks, or in a crowded area (at least `crowdedFrom`
 * tracks) the median count of the recent tiled passes when it is higher (one pass on the dev set's
 * mall clip ranges 14–22 around ~18: a pass alone is noisy); plus one rider per ridden two-wheeler
 * that none of them covers.
 */
export function headcount(ctx: RuleContext, polygon: readonly Point[]): Headcount {
  // The whole frame holds every person, even one whose foot the tracker predicts past the edge.
  const inside = (b: Box) => polygon === wholeFrame || pointInPolygon(footPoint(b), polygon);
  const tracked = persons(ctx)
    .map((p) => p.box)
    .filter(inside);
  const passes = tracked.length >= crowdedFrom ? (ctx.crowd ?? []).map((p) => p.filter(inside)) : [];
  const tiled = [...passes].sort((a, b) => a.length - b.length)[Math.floor(passes.length / 2)] ?? [];
  const base: Headcount =
    tiled.length > tracked.length
      ? { persons: tiled.length, method: 'tiled', boxes: tiled }
      : { persons: tracked.length, method: 'tracks', boxes: tracked };
  const riders = (ctx.riders?.(base.boxes) ?? []).filter(inside);
  if (riders.length === 0) return base;
  const boxes = [...base.boxes, ...riders];
  return { persons: boxes.length, method: base.method === 'tiled' ? 'tiled+riders' : 'tracks+riders', boxes };
}

/** One event rule: a small state machine over successive contexts. */
export interface Rule {
  readonly type: AnalyticsEventType;
  /** Events raised by this frame. */
  update(ctx: RuleContext): AnalyticsEvent[];
}

/** Whether a schedule is active at a local time; no schedule means always. */
export function scheduleActive(
  schedule: readonly ScheduleWindow[] | undefined,
  local: { weekday: number; minute: number },
): boolean {
  if (schedule === undefined || schedule.length === 0) return true;
  return schedule.some((w) => {
    if (w.start <= w.end) return w.days.includes(local.weekday) && local.minute >= w.start && local.minute < w.end;
    // Spans midnight: the part after midnight belongs to the previous day's window.
    const previous = (local.weekday + 6) % 7;
    return (
      (w.days.includes(local.weekday) && local.minute >= w.start) || (w.days.includes(previous) && local.minute < w.end)
    );
  });
}

/** Ground position (m) of a box's foot point. */
export function groundOf(ctx: RuleContext, box: Box): Vec2 {
  return ctx.ground.toMetres(footPoint(box));
}

/**
 * Ground displacement (m) and elapsed time (s) of a track over about the last `windowS` seconds,
 * or undefined while its history is shorter than that.
 */
export function displacement(
  ctx: RuleContext,
  query: { track: Track; windowS: number },
): { dx: number; dy: number; dt: number; imageDx: number; imageDy: number } | undefined {
  const { history } = query.track;
  const last = history.at(-1);
  if (last === undefined) return undefined;
  let first: (typeof history)[number] | undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (h !== undefined && last.t - h.t >= query.windowS * 1000 * 0.9) {
      first = h;
      break;
    }
  }
  if (first === undefined) return undefined;
  const a = groundOf(ctx, first.box);
  const b = groundOf(ctx, last.box);
  const fa = footPoint(first.box);
  const fb = footPoint(last.box);
  return { dx: b.x - a.x, dy: b.y - a.y, dt: (last.t - first.t) / 1000, imageDx: fb.x - fa.x, imageDy: fb.y - fa.y };
}

/** Ground speed (m/s) of a track over about the last `windowS` seconds, or undefined. */
export function speedOf(ctx: RuleContext, query: { track: Track; windowS: number }): number | undefined {
  const d = displacement(ctx, query);
  return d === undefined || d.dt <= 0 ? undefined : Math.hypot(d.dx, d.dy) / d.dt;
}

/** Confirmed person tracks. */
export function persons(ctx: RuleContext): Track[] {
  return ctx.tracks.filter((tr) => tr.label === 'person');
}
