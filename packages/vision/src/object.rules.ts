import type { AnalyticsEvent } from '@vigie/core';
import { persons, groundOf, type Rule, type RuleContext } from './rule.context.js';

/**
 * `abandoned_object`: an object still for more than N s that nobody has come within R m of for the
 * last N s either (its owner standing beside it keeps it attended); once per object.
 */
export class AbandonedObjectRule implements Rule {
  readonly type = 'abandoned_object' as const;
  private readonly reported = new Set<number>();
  private readonly attendedAt = new Map<number, number>();

  update(ctx: RuleContext): AnalyticsEvent[] {
    const { abandonedAfterS, attendedWithinM } = ctx.params;
    const people = persons(ctx).map((p) => groundOf(ctx, p.box));
    const events: AnalyticsEvent[] = [];
    for (const o of ctx.leftObjects) {
      if (this.reported.has(o.id)) continue;
      const at = groundOf(ctx, o.box);
      if (people.some((p) => Math.hypot(p.x - at.x, p.y - at.y) < attendedWithinM)) this.attendedAt.set(o.id, ctx.t);
      const unattendedSince = Math.max(o.since, this.attendedAt.get(o.id) ?? o.since);
      if (ctx.t - unattendedSince < abandonedAfterS * 1000) continue;
      this.reported.add(o.id);
      events.push({
        type: this.type,
        t: ctx.t,
        region: o.box,
        value: (ctx.t - o.since) / 1000,
        reason: `object still for ${Math.round((ctx.t - o.since) / 1000)} s, unattended for ${Math.round((ctx.t - unattendedSince) / 1000)} s`,
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
