import { countMethods, type CountMethod, type Point } from '@vigie/core';
import { footPoint, lineCrossing, wholeFrame } from './geometry.math.js';
import { headcount, persons, type RuleContext } from './rule.context.js';

/**
 * One point of the anonymous counts time series: a number per line or zone and period, never an image
 * or a track. Same shape as the count samples the database stores (`@vigie/db` CountSample), plus `t`.
 * Series: `line:<id>` (crossings in/out during the period), `zone:<id>` (count and density zones:
 * mean occupancy, density per m² when calibrated) and `view` (the whole frame).
 */
export interface CountSample {
  cameraId: string;
  series: string;
  /** End of the period, wall clock. */
  at: Date;
  /** End of the period, milliseconds since the start of the stream. */
  t: number;
  in?: number;
  out?: number;
  /** Mean number of persons over the period's frames. */
  occupancy?: number;
  /** Mean persons per m² over the period's frames (needs a ground calibration to mean anything). */
  density?: number;
  /** How occupancy and density were counted in most of the period's frames. */
  method?: CountMethod;
}

interface Area {
  series: string;
  polygon: readonly Point[];
}

interface Tally {
  frames: number;
  persons: number;
  density: number;
  /** Frames counted by each method. */
  methods: Map<CountMethod, number>;
}

/**
 * Counts for the time series: line crossings (a person's foot point stepping over the segment, its
 * direction giving in or out), and occupancy and density of the view and of each count or density
 * zone, averaged over each period of `countPeriodS`.
 */
export class CountSampler {
  private readonly lastFoot = new Map<number, { x: number; y: number }>();
  private readonly period = new Map<string, { in: number; out: number }>();
  private readonly total = new Map<string, { in: number; out: number }>();
  private readonly tallies = new Map<string, Tally>();
  private periodStart: number | undefined;

  constructor(private readonly options: { cameraId: string; startedAt: Date }) {}

  /** Accounts one frame; returns the samples of the period that ended before it, if one did. */
  update(ctx: RuleContext): CountSample[] {
    const periodMs = ctx.params.countPeriodS * 1000;
    this.periodStart ??= ctx.t;
    let samples: CountSample[] = [];
    if (ctx.t >= this.periodStart + periodMs) {
      samples = this.samples(ctx, this.periodStart + periodMs);
      this.periodStart += periodMs * Math.floor((ctx.t - this.periodStart) / periodMs);
    }
    this.account(ctx);
    return samples;
  }

  /** Samples of the period in progress (at the end of a clip). */
  flush(ctx: RuleContext): CountSample[] {
    return this.periodStart === undefined ? [] : this.samples(ctx, ctx.t);
  }

  /** Crossings of each line since the start. */
  totals(): ReadonlyMap<string, { in: number; out: number }> {
    return this.total;
  }

  private account(ctx: RuleContext): void {
    const people = persons(ctx);
    const seen = new Set<number>();
    for (const p of people) {
      seen.add(p.id);
      const q = footPoint(p.box);
      const prev = this.lastFoot.get(p.id);
      this.lastFoot.set(p.id, q);
      if (prev === undefined) continue;
      for (const line of ctx.lines) {
        const c = lineCrossing({ p: prev, q }, line);
        if (c === 0) continue;
        for (const map of [this.period, this.total]) {
          const n = map.get(line.id) ?? { in: 0, out: 0 };
          if (c > 0) n.in++;
          else n.out++;
          map.set(line.id, n);
        }
      }
    }
    for (const id of this.lastFoot.keys()) if (!seen.has(id)) this.lastFoot.delete(id);
    for (const area of this.areas(ctx)) {
      const count = headcount(ctx, area.polygon);
      const m2 = ctx.ground.areaM2(area.polygon);
      const tally = this.tallies.get(area.series) ?? {
        frames: 0,
        persons: 0,
        density: 0,
        methods: new Map<CountMethod, number>(),
      };
      tally.frames++;
      tally.persons += count.persons;
      tally.density += m2 > 0 ? count.persons / m2 : 0;
      tally.methods.set(count.method, (tally.methods.get(count.method) ?? 0) + 1);
      this.tallies.set(area.series, tally);
    }
  }

  private areas(ctx: RuleContext): Area[] {
    return [
      { series: 'view', polygon: wholeFrame },
      ...ctx.zones
        .filter((z) => z.kind === 'count' || z.kind === 'density')
        .map((z) => ({ series: `zone:${z.id}`, polygon: z.polygon })),
    ];
  }

  private samples(ctx: RuleContext, t: number): CountSample[] {
    const at = new Date(this.options.startedAt.getTime() + t);
    const base = { cameraId: this.options.cameraId, at, t };
    const round = (n: number) => Math.round(n * 1000) / 1000;
    const out: CountSample[] = ctx.lines.map((line) => {
      const n = this.period.get(line.id) ?? { in: 0, out: 0 };
      return { ...base, series: `line:${line.id}`, in: n.in, out: n.out };
    });
    for (const area of this.areas(ctx)) {
      const tally = this.tallies.get(area.series);
      if (tally === undefined || tally.frames === 0) continue;
      out.push({
        ...base,
        series: area.series,
        occupancy: round(tally.persons / tally.frames),
        density: round(tally.density / tally.frames),
        method: mostFrequent(tally.methods),
      });
    }
    this.period.clear();
    this.tallies.clear();
    return out;
  }
}

/** The method that counted most frames (the first of `countMethods` on a tie). */
function mostFrequent(methods: ReadonlyMap<CountMethod, number>): CountMethod {
  let best: CountMethod = 'tracks';
  for (const m of countMethods) if ((methods.get(m) ?? 0) > (methods.get(best) ?? 0)) best = m;
  return best;
}
