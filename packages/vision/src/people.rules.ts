import type { AnalyticsEvent } from '@vigie/core';
import { footPoint, lineCrossing, pointInPolygon } from './geometry.math.js';
import { displacement, persons, scheduleActive, speedOf, type Rule, type RuleContext } from './rule.context.js';

/** `people_count`: in/out crossings of each counting line and occupancy of each count zone, every period. */
export class PeopleCountRule implements Rule {
  readonly type = 'people_count' as const;
  private readonly last = new Map<number, { x: number; y: number }>();
  private readonly counts = new Map<string, { in: number; out: number }>();
  private nextReport: number | undefined;

  update(ctx: RuleContext): AnalyticsEvent[] {
    for (const p of persons(ctx)) {
      const q = footPoint(p.box);
      const prev = this.last.get(p.id);
      this.last.set(p.id, q);
      if (prev === undefined) continue;
      for (const line of ctx.lines) {
        const c = lineCrossing({ p: prev, q }, line);
        if (c === 0) continue;
        const n = this.counts.get(line.id) ?? { in: 0, out: 0 };
        if (c > 0) n.in++;
        else n.out++;
        this.counts.set(line.id, n);
      }
    }
    for (const id of this.last.keys()) if (!ctx.tracks.some((tr) => tr.id === id)) this.last.delete(id);
    this.nextReport ??= ctx.t + ctx.params.countPeriodS * 1000;
    if (ctx.t < this.nextReport) return [];
    this.nextReport += ctx.params.countPeriodS * 1000;
    return this.report(ctx);
  }

  /** Cumulative counts now (also called at the end of a clip). */
  report(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = ctx.lines.map((line) => {
      const n = this.counts.get(line.id) ?? { in: 0, out: 0 };
      return {
        type: this.type,
        t: ctx.t,
        zoneId: line.id,
        value: n.in + n.out,
        countIn: n.in,
        countOut: n.out,
        reason: `line ${line.id}: ${n.in} in, ${n.out} out`,
      };
    });
    for (const zone of ctx.zones.filter((z) => z.kind === 'count')) {
      const n = persons(ctx).filter((p) => pointInPolygon(footPoint(p.box), zone.polygon)).length;
      events.push({ type: this.type, t: ctx.t, zoneId: zone.id, value: n, reason: `${n} persons in ${zone.id}` });
    }
    return events;
  }
}

/** `rapid_movement`: a person faster than the running speed over a sustained window; once per track. */
export class RapidMovementRule implements Rule {
  readonly type = 'rapid_movement' as const;
  private readonly reported = new Set<number>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = [];
    for (const p of persons(ctx)) {
      if (this.reported.has(p.id)) continue;
      const v = speedOf(ctx, { track: p, windowS: ctx.params.runningMinS });
      if (v === undefined || v < ctx.params.runningSpeedMps) continue;
      this.reported.add(p.id);
      events.push({
        type: this.type,
        t: ctx.t,
        region: p.box,
        value: v,
        tracks: [p.id],
        reason: `person moving at ${v.toFixed(1)} m/s`,
      });
    }
    return events;
  }
}

/** `person_on_ground`: a person whose box is wider than tall and who stays still, for more than N s. */
export class PersonOnGroundRule implements Rule {
  readonly type = 'person_on_ground' as const;
  private readonly lyingSince = new Map<number, number>();
  private readonly reported = new Set<number>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = [];
    const seen = new Set<number>();
    for (const p of persons(ctx)) {
      seen.add(p.id);
      const lying = (p.box.w * ctx.aspect) / p.box.h >= ctx.params.onGroundAspect;
      const v = speedOf(ctx, { track: p, windowS: 1 }) ?? 0;
      if (!lying || v > 0.5) {
        this.lyingSince.delete(p.id);
        continue;
      }
      const since = this.lyingSince.get(p.id) ?? ctx.t;
      this.lyingSince.set(p.id, since);
      if (this.reported.has(p.id) || ctx.t - since < ctx.params.onGroundAfterS * 1000) continue;
      this.reported.add(p.id);
      events.push({
        type: this.type,
        t: ctx.t,
        region: p.box,
        tracks: [p.id],
        value: (ctx.t - since) / 1000,
        reason: `person low and still for ${Math.round((ctx.t - since) / 1000)} s`,
      });
    }
    for (const id of this.lyingSince.keys()) if (!seen.has(id)) this.lyingSince.delete(id);
    return events;
  }
}

/** `intrusion`: a person's feet inside a forbidden zone while its schedule is active; once per track and zone. */
export class IntrusionRule implements Rule {
  readonly type = 'intrusion' as const;
  private readonly reported = new Set<string>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = [];
    for (const zone of ctx.zones) {
      if (zone.kind !== 'forbidden' || !scheduleActive(zone.schedule, ctx.local)) continue;
      for (const p of persons(ctx)) {
        const key = `${zone.id}/${p.id}`;
        if (this.reported.has(key) || !pointInPolygon(footPoint(p.box), zone.polygon)) continue;
        this.reported.add(key);
        events.push({
          type: this.type,
          t: ctx.t,
          zoneId: zone.id,
          region: p.box,
          tracks: [p.id],
          reason: `person entered forbidden zone ${zone.id}`,
        });
      }
    }
    return events;
  }
}

/** `wrong_way`: a person in a one-way zone moving against its direction (more than 120° off); once per track. */
export class WrongWayRule implements Rule {
  readonly type = 'wrong_way' as const;
  private readonly reported = new Set<string>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = [];
    for (const zone of ctx.zones) {
      const dir = zone.direction;
      if (zone.kind !== 'one_way' || dir === undefined) continue;
      const dirLen = Math.hypot(dir.x, dir.y);
      for (const p of persons(ctx)) {
        const key = `${zone.id}/${p.id}`;
        if (this.reported.has(key) || !pointInPolygon(footPoint(p.box), zone.polygon)) continue;
        const d = displacement(ctx, { track: p, windowS: ctx.params.wrongWayMinS });
        if (d === undefined || d.dt <= 0) continue;
        const speed = Math.hypot(d.dx, d.dy) / d.dt;
        const imageLen = Math.hypot(d.imageDx, d.imageDy);
        if (speed < ctx.params.wrongWayMinSpeedMps || imageLen === 0 || dirLen === 0) continue;
        const cos = (d.imageDx * dir.x + d.imageDy * dir.y) / (imageLen * dirLen);
        if (cos > -0.5) continue;
        this.reported.add(key);
        events.push({
          type: this.type,
          t: ctx.t,
          zoneId: zone.id,
          region: p.box,
          tracks: [p.id],
          value: speed,
          reason: `person moving against the direction of ${zone.id}`,
        });
      }
    }
    return events;
  }
}
