import type { AnalyticsEvent } from '@vigie/core';
import { unionBox, wholeFrame } from './geometry.math.js';
import { displacement, groundOf, headcount, persons, type Rule, type RuleContext } from './rule.context.js';
import { definedOnly } from '@vigie/core';

/** `crowd_density`: persons per m² in a density zone (the whole frame when none is set) above the level. */
export class CrowdDensityRule implements Rule {
  readonly type = 'crowd_density' as const;

  update(ctx: RuleContext): AnalyticsEvent[] {
    const zones = ctx.zones.filter((z) => z.kind === 'density');
    const targets = zones.length > 0 ? zones : [{ id: undefined, polygon: wholeFrame }];
    const events: AnalyticsEvent[] = [];
    for (const zone of targets) {
      const inside = headcount(ctx, zone.polygon);
      const area = ctx.ground.areaM2(zone.polygon);
      const density = area > 0 ? inside.persons / area : 0;
      if (density < ctx.params.crowdDensityPerM2) continue;
      const region = unionBox(inside.boxes);
      events.push({
        type: this.type,
        t: ctx.t,
        ...definedOnly({ zoneId: zone.id, region }),
        value: density,
        reason: `${inside.persons} persons on ${area.toFixed(0)} m² = ${density.toFixed(1)} /m²`,
      });
    }
    return events;
  }
}

/**
 * `crowd_movement`: sudden convergence or dispersal. Over the last second, the mean radial ground
 * velocity of the tracked persons relative to their centroid, divided by their mean distance to it
 * (a discrete divergence, 1/s); it must exceed the level for two successive frames.
 */
export class CrowdMovementRule implements Rule {
  readonly type = 'crowd_movement' as const;
  private streak = 0;

  update(ctx: RuleContext): AnalyticsEvent[] {
    const samples = persons(ctx).flatMap((track) => {
      const d = displacement(ctx, { track, windowS: 1 });
      return d === undefined || d.dt <= 0
        ? []
        : [{ track, p: groundOf(ctx, track.box), vx: d.dx / d.dt, vy: d.dy / d.dt }];
    });
    if (samples.length < ctx.params.crowdMinPersons) {
      this.streak = 0;
      return [];
    }
    const cx = samples.reduce((s, a) => s + a.p.x, 0) / samples.length;
    const cy = samples.reduce((s, a) => s + a.p.y, 0) / samples.length;
    let radial = 0;
    let dist = 0;
    for (const s of samples) {
      const rx = s.p.x - cx;
      const ry = s.p.y - cy;
      const r = Math.hypot(rx, ry);
      dist += r;
      if (r > 0) radial += (s.vx * rx + s.vy * ry) / r;
    }
    const divergence = dist > 0 ? radial / dist : 0;
    this.streak = Math.abs(divergence) >= ctx.params.crowdDivergencePerS ? this.streak + 1 : 0;
    if (this.streak !== 2) return [];
    const region = unionBox(samples.map((s) => s.track.box));
    return [
      {
        type: this.type,
        t: ctx.t,
        ...definedOnly({ region }),
        value: divergence,
        tracks: samples.map((s) => s.track.id),
        reason: `${samples.length} persons ${divergence < 0 ? 'converging' : 'dispersing'} (${divergence.toFixed(2)}/s)`,
      },
    ];
  }
}
