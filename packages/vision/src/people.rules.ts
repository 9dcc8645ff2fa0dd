import type { AnalyticsEvent } from '@vigie/core';
import { footPoint, pointInPolygon } from './geometry.math.js';
import { displacement, persons, scheduleActive, speedOf, type Rule, type RuleContext } from './rule.context.js';

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

/**
 * `person_on_ground`: a person lying and still for more than N s. Lying: the box is wider than tall by
 * `onGroundAspect`; or it is at least as wide as tall and either 2.5 times wider (relative to its
 * height) than when the same track stood upright, or found lying by the turned re-detection in the
 * last 2 s (a person lying partly out of view, or foreshortened along the camera's axis, keeps a box
 * barely wider than tall); or found upside down by it in the last 2 s, whatever the box's shape (lying
 * along the camera's axis, head towards it: a box taller than wide).
 */
export class PersonOnGroundRule implements Rule {
  readonly type = 'person_on_ground' as const;
  private readonly lyingSince = new Map<number, number>();
  private readonly reported = new Set<number>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const events: AnalyticsEvent[] = [];
    const seen = new Set<number>();
    for (const p of persons(ctx)) {
      seen.add(p.id);
      const shape = (b: { w: number; h: number }) => (b.w * ctx.aspect) / b.h;
      const now = shape(p.box);
      const upright = Math.min(...p.history.map((h) => shape(h.box)));
      const turned = p.lyingAt !== undefined && ctx.t - p.lyingAt <= 2000;
      const upsideDown = p.upsideDownAt !== undefined && ctx.t - p.upsideDownAt <= 2000;
      const lying =
        now >= ctx.params.onGroundAspect ||
        upsideDown ||
        (now >= 1 && (turned || (upright <= 0.6 && now >= 2.5 * upright)));
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
