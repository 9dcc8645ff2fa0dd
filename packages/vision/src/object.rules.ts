import type { AnalyticsEvent } from '@vigie/core';
import { persons, groundOf, type LeftObject, type Rule, type RuleContext } from './rule.context.js';

/** A thing someone brought, not a change of the scene (a traffic light, a door, a shadow, a cut in the video). */
function isLeftItem(o: LeftObject): boolean {
  return o.brought === true && o.evidence !== undefined;
}

/**
 * `abandoned_object`: an object that someone brought (a person came within reach of it at most 10 s
 * before it became still, or since), still for more than N s, that nobody has come within R m of for
 * the last N s either (its owner standing beside it keeps it attended); once per object. An object no
 * one brought is a change of the scene (a traffic light, a shadow, a parked car's door), not a left item.
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
      if (!isLeftItem(o)) continue;
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

/** `object_removed`: a left item (brought by someone, a thing) that had been still for long enough disappears. */
export class ObjectRemovedRule implements Rule {
  readonly type = 'object_removed' as const;

  update(ctx: RuleContext): AnalyticsEvent[] {
    return ctx.removedObjects
      .filter((o) => isLeftItem(o) && o.lastSeen - o.since >= ctx.params.removedAfterStaticS * 1000)
      .map((o) => ({
        type: this.type,
        t: ctx.t,
        region: o.box,
        value: (o.lastSeen - o.since) / 1000,
        reason: `object still for ${Math.round((o.lastSeen - o.since) / 1000)} s is gone`,
      }));
  }
}
