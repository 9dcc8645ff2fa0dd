import type { AnalyticsEvent } from '@vigie/core';
import { persons, groundOf, type Rule, type RuleContext } from './rule.context.js';

/** `abandoned_object`: an object still for more than N s with no person within R m; once per object. */
export class AbandonedObjectRule implements Rule {
  readonly type = 'abandoned_object' as const;
  private readonly reported = new Set<number>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const { abandonedAfterS, attendedWithinM } = ctx.params;
    const people = persons(ctx).map((p) => groundOf(ctx, p.box));
    const events: AnalyticsEvent[] = [];
    for (const o of ctx.leftObjects) {
      if (this.reported.has(o.id) || ctx.t - o.since < abandonedAfterS * 1000) continue;
      const at = groundOf(ctx, o.box);
      if (people.some((p) => Math.hypot(p.x - at.x, p.y - at.y) < attendedWithinM)) continue;
      this.reported.add(o.id);
      events.push({
        type: this.type,
        t: ctx.t,
        region: o.box,
        value: (ctx.t - o.since) / 1000,
        reason: `object still for ${Math.round((ctx.t - o.since) / 1000)} s with nobody within ${attendedWithinM} m`,
      });
    }
    return events;
  }
}

/** `object_removed`: an object that had been still for long enough disappears. */
export class ObjectRemovedRule implements Rule {
  readonly type = 'object_removed' as const;

  update(ctx: RuleContext): AnalyticsEvent[] {
    return ctx.removedObjects
      .filter((o) => o.lastSeen - o.since >= ctx.params.removedAfterStaticS * 1000)
      .map((o) => ({
        type: this.type,
        t: ctx.t,
        region: o.box,
        value: (o.lastSeen - o.since) / 1000,
        reason: `object still for ${Math.round((o.lastSeen - o.since) / 1000)} s is gone`,
      }));
  }
}
