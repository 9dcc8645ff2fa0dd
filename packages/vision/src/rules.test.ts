import type { AnalysisZone } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { context, line, walker } from '../test/rule-context.fixture.js';
import { AlertPolicy } from './alert.policy.js';
import { CrowdDensityRule, CrowdMovementRule } from './crowd.rules.js';
import { AbandonedObjectRule, ObjectRemovedRule } from './object.rules.js';
import { IntrusionRule, PersonOnGroundRule, RapidMovementRule, WrongWayRule } from './people.rules.js';
import { scheduleActive } from './rule.context.js';

const bag = {
  id: 1,
  box: { x: 0.5, y: 0.5, w: 0.02, h: 0.02 },
  since: 0,
  lastSeen: 0,
  evidence: 'item' as const,
  brought: true,
};
const square = (x: number, y: number, s: number) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];

describe('abandoned_object and object_removed', () => {
  it('fires once an object has been still N s with nobody within R m, and only once', () => {
    const rule = new AbandonedObjectRule();
    expect(rule.update(context({ t: 9_000, leftObjects: [bag] }))).toEqual([]);
    const [event] = rule.update(context({ t: 10_000, leftObjects: [bag] }));
    expect(event).toMatchObject({ type: 'abandoned_object', t: 10_000, region: bag.box });
    expect(rule.update(context({ t: 11_000, leftObjects: [bag] }))).toEqual([]);
  });

  it('stays silent while a person stands within R m (1.4 m here), fires N s after they moved 3 m away', () => {
    const rule = new AbandonedObjectRule();
    const near = walker({ id: 7, path: [{ x: 0.55, y: 0.52 }] });
    expect(rule.update(context({ t: 20_000, leftObjects: [bag], tracks: [near] }))).toEqual([]);
    const far = walker({ id: 7, path: [{ x: 0.66, y: 0.52 }] });
    expect(rule.update(context({ t: 21_000, leftObjects: [bag], tracks: [far] }))).toEqual([]);
    expect(rule.update(context({ t: 30_000, leftObjects: [bag], tracks: [far] }))).toHaveLength(1);
  });

  it('stays silent on a still region nobody brought, or that shows no sign of being a thing', () => {
    const rule = new AbandonedObjectRule();
    const { evidence: _, ...unproven } = bag;
    for (const t of [10_000, 20_000, 60_000])
      expect(rule.update(context({ t, leftObjects: [{ ...bag, brought: false }, unproven] }))).toEqual([]);
  });

  it('reports the removal of an object that had been still long enough, not of a short stop', () => {
    const rule = new ObjectRemovedRule();
    expect(rule.update(context({ t: 30_000, removedObjects: [{ ...bag, lastSeen: 25_000 }] }))).toHaveLength(1);
    expect(rule.update(context({ t: 30_000, removedObjects: [{ ...bag, lastSeen: 4_000 }] }))).toEqual([]);
    // A change of the scene that nobody brought (a traffic light turning) is not an object taken away.
    expect(rule.update(context({ t: 30_000, removedObjects: [{ ...bag, brought: false, lastSeen: 25_000 }] }))).toEqual(
      [],
    );
  });
});

describe('people rules', () => {
  it('flags a runner (5 m/s) but not a walker (1.4 m/s)', () => {
    const rule = new RapidMovementRule();
    // 1 normalised unit = 20 m; 0.05 per 200 ms = 5 m/s; 0.014 per 200 ms = 1.4 m/s.
    const runner = walker({ id: 1, path: line({ x: 0.1, y: 0.5 }, { x: 0.35, y: 0.5 }, 5) });
    const stroller = walker({ id: 2, path: line({ x: 0.1, y: 0.8 }, { x: 0.17, y: 0.8 }, 5) });
    const events = rule.update(context({ t: 1000, tracks: [runner, stroller] }));
    expect(events.map((e) => e.tracks)).toEqual([[1]]);
    expect(events[0]?.value).toBeCloseTo(5, 1);
  });

  it('flags a person lying still for N s, not someone standing', () => {
    const rule = new PersonOnGroundRule();
    const lying = walker({ id: 1, path: [{ x: 0.5, y: 0.5 }], size: { w: 0.09, h: 0.03 } });
    const standing = walker({ id: 2, path: [{ x: 0.2, y: 0.5 }] });
    for (let t = 0; t < 4000; t += 200) expect(rule.update(context({ t, tracks: [lying, standing] }))).toEqual([]);
    const events = rule.update(context({ t: 4000, tracks: [lying, standing] }));
    expect(events.map((e) => e.tracks)).toEqual([[1]]);
  });

  it('takes a box barely wider than tall for lying only after the track stood upright or was found lying turned', () => {
    const square = { w: 0.05, h: 0.045 };
    const sitting = walker({ id: 1, path: [{ x: 0.5, y: 0.5 }], size: square });
    const fallen = walker({ id: 2, path: [{ x: 0.2, y: 0.5 }], size: square });
    fallen.history.unshift({ t: -1000, box: { x: 0.19, y: 0.4, w: 0.02, h: 0.1 } });
    const turned = { ...walker({ id: 3, path: [{ x: 0.8, y: 0.5 }], size: square }), lyingAt: 0 };
    const rule = new PersonOnGroundRule();
    const events = [];
    for (let t = 0; t <= 4000; t += 200) {
      turned.lyingAt = t;
      events.push(...rule.update(context({ t, tracks: [sitting, fallen, turned] })));
    }
    expect(events.map((e) => e.tracks)).toEqual([[2], [3]]);
  });

  it('takes a person found upside down for lying, however tall the box (lying head towards the camera)', () => {
    const tall = { w: 0.04, h: 0.1 };
    const upsideDown = { ...walker({ id: 1, path: [{ x: 0.5, y: 0.8 }], size: tall }), upsideDownAt: 0 };
    const standing = { ...walker({ id: 2, path: [{ x: 0.2, y: 0.8 }], size: tall }), upsideDownAt: -5000 };
    const rule = new PersonOnGroundRule();
    const events = [];
    for (let t = 0; t <= 4000; t += 200) {
      upsideDown.upsideDownAt = t;
      events.push(...rule.update(context({ t, tracks: [upsideDown, standing] })));
    }
    expect(events.map((e) => e.tracks)).toEqual([[1]]);
  });

  it('flags entry into a forbidden zone only while its schedule is active', () => {
    const zones: AnalysisZone[] = [
      {
        id: 'depot',
        kind: 'forbidden',
        polygon: square(0.4, 0.4, 0.3),
        schedule: [{ days: [1], start: 1320, end: 360 }],
      },
    ];
    const inside = walker({ id: 1, path: [{ x: 0.5, y: 0.5 }] });
    const outside = walker({ id: 2, path: [{ x: 0.1, y: 0.1 }] });
    const atNoon = new IntrusionRule().update(context({ zones, tracks: [inside, outside] }));
    expect(atNoon).toEqual([]);
    const atNight = new IntrusionRule().update(
      context({ zones, tracks: [inside, outside], local: { weekday: 2, minute: 120 } }),
    );
    expect(atNight).toMatchObject([{ type: 'intrusion', zoneId: 'depot', tracks: [1] }]);
  });

  it('flags a walker going against a one-way zone, not one going with it', () => {
    const zones: AnalysisZone[] = [
      { id: 'exit', kind: 'one_way', polygon: square(0, 0, 1), direction: { x: 1, y: 0 } },
    ];
    const against = walker({ id: 1, path: line({ x: 0.6, y: 0.5 }, { x: 0.5, y: 0.5 }, 5) });
    const along = walker({ id: 2, path: line({ x: 0.3, y: 0.7 }, { x: 0.4, y: 0.7 }, 5) });
    const events = new WrongWayRule().update(context({ zones, tracks: [against, along] }));
    expect(events.map((e) => e.tracks)).toEqual([[1]]);
  });

  it('handles schedules that span midnight', () => {
    const night = [{ days: [5], start: 22 * 60, end: 6 * 60 }];
    expect(scheduleActive(night, { weekday: 5, minute: 23 * 60 })).toBe(true);
    expect(scheduleActive(night, { weekday: 6, minute: 5 * 60 })).toBe(true);
    expect(scheduleActive(night, { weekday: 6, minute: 7 * 60 })).toBe(false);
    expect(scheduleActive(undefined, { weekday: 0, minute: 0 })).toBe(true);
  });
});

describe('crowd rules', () => {
  it('measures density in persons per square metre over the zone', () => {
    const zones: AnalysisZone[] = [{ id: 'square', kind: 'density', polygon: square(0.4, 0.4, 0.1) }]; // 2 m × 2 m
    const packed = Array.from({ length: 9 }, (_, i) =>
      walker({ id: i, path: [{ x: 0.41 + (i % 3) * 0.03, y: 0.41 + Math.floor(i / 3) * 0.03 }] }),
    );
    const [event] = new CrowdDensityRule().update(context({ zones, tracks: packed }));
    expect(event?.value).toBeCloseTo(9 / 4);
    expect(new CrowdDensityRule().update(context({ zones, tracks: packed.slice(0, 7) }))).toEqual([]);
  });

  it('flags a crowd dispersing at once, not people walking in parallel', () => {
    const centre = { x: 0.5, y: 0.5 };
    const spread = (speed: number, parallel: boolean) =>
      Array.from({ length: 8 }, (_, i) => {
        const a = (i / 8) * 2 * Math.PI;
        const start = { x: centre.x + 0.1 * Math.cos(a), y: centre.y + 0.1 * Math.sin(a) };
        const dir = parallel ? { x: 1, y: 0 } : { x: Math.cos(a), y: Math.sin(a) };
        return walker({ id: i, path: line(start, { x: start.x + dir.x * speed, y: start.y + dir.y * speed }, 5) });
      });
    const rule = new CrowdMovementRule();
    expect(rule.update(context({ tracks: spread(0.15, false) }))).toEqual([]);
    const [event] = rule.update(context({ tracks: spread(0.15, false) }));
    expect(event?.reason).toContain('dispersing');
    const calm = new CrowdMovementRule();
    calm.update(context({ tracks: spread(0.07, true) }));
    expect(calm.update(context({ tracks: spread(0.07, true) }))).toEqual([]);
  });
});

describe('AlertPolicy: one alert per situation', () => {
  const start = new Date('2026-11-30T08:00:00Z');
  const policy = () => new AlertPolicy({ cameraId: 'cam1', startedAt: start, situationEndS: 15 });

  it('keeps one alert for a bag the left-object tracker loses and re-finds under a new number every 37 s', () => {
    const rule = new AbandonedObjectRule();
    const alerts = policy();
    const changes = [];
    // 25 minutes at 5 fps; every 37 s the object vanishes for 2 s and comes back as a new one.
    for (let t = 0; t <= 25 * 60_000; t += 200) {
      const cycle = Math.floor(t / 37_000);
      const hidden = t % 37_000 >= 35_000;
      const leftObjects = hidden ? [] : [{ ...bag, id: cycle + 1, since: cycle * 37_000, lastSeen: t }];
      const ctx = context({ t, leftObjects });
      changes.push(...alerts.update(ctx, rule.update(ctx)));
    }
    expect(changes.filter((c) => c.kind === 'opened')).toHaveLength(1);
    const opened = changes.find((c) => c.kind === 'opened')!.alert;
    expect(opened).toMatchObject({ type: 'abandoned_object', severity: 'high', firstT: 10_000 });
    expect(opened.facts).toMatchObject({ subject: 'object', durationS: 10, region: bag.box });
    const last = changes.at(-1)!;
    expect(last.kind).toBe('updated');
    expect(last.alert.key).toBe(opened.key);
    expect(last.alert.occurrences).toBeGreaterThanOrEqual(40);
    expect(last.alert.facts.durationS).toBeGreaterThan(24 * 60);
    // Taken away for good: the alert ends 15 s after it was last seen, and is never re-opened.
    const gone = [];
    for (let t = 25 * 60_000 + 200; t <= 26 * 60_000; t += 200) gone.push(...alerts.update(context({ t }), []));
    expect(gone.map((c) => c.kind)).toEqual(['ended']);
    expect(gone[0]!.alert.endT).toBe(25 * 60_000);
  });

  it('ends the alert of a left bag as soon as it is taken away', () => {
    const rule = new AbandonedObjectRule();
    const alerts = policy();
    const kinds: string[] = [];
    for (let t = 0; t <= 12_000; t += 200) {
      const ctx = context({ t, leftObjects: [{ ...bag, lastSeen: t }] });
      kinds.push(...alerts.update(ctx, rule.update(ctx)).map((c) => c.kind));
    }
    const ctx = context({ t: 12_200, removedObjects: [{ ...bag, lastSeen: 12_000 }] });
    const ended = alerts.update(ctx, rule.update(ctx));
    expect(kinds).toEqual(['opened']);
    expect(ended.map((c) => [c.kind, c.alert.endT])).toEqual([['ended', 12_200]]);
  });

  it('ends a fall alert once the person is up, and opens a new one when they fall again after that', () => {
    const rule = new PersonOnGroundRule();
    const alerts = policy();
    const lying = { w: 0.09, h: 0.03 };
    const standing = { w: 0.03, h: 0.09 };
    const kinds: string[] = [];
    for (let t = 0; t <= 80_000; t += 200) {
      const size = t < 30_000 || t >= 50_000 ? lying : standing;
      const path = Array.from({ length: 6 }, () => ({ x: 0.5, y: 0.5 }));
      const person = { ...walker({ id: t < 50_000 ? 3 : 9, path, size }), lastT: t };
      person.history = person.history.map((h, i) => ({ ...h, t: t - (5 - i) * 200 }));
      const ctx = context({ t, tracks: [person] });
      kinds.push(...alerts.update(ctx, rule.update(ctx)).map((c) => c.kind));
    }
    expect(kinds.filter((k) => k !== 'updated')).toEqual(['opened', 'ended', 'opened']);
  });

  it('never turns a count into an alert, and keeps no identity, face, embedding or plate field (LEGAL R17)', () => {
    const alerts = policy();
    expect(alerts.update(context(), [{ type: 'people_count', t: 0, reason: 'count' }])).toEqual([]);
    const [change] = alerts.update(context(), [{ type: 'rapid_movement', t: 0, value: 4, reason: 'r' }]);
    expect(change?.alert.facts).toEqual({
      subject: 'person',
      durationS: 0,
      measure: { value: 4, peak: 4, unit: 'm_per_s' },
    });
    for (const key of Object.keys({ ...change?.alert, ...change?.alert.facts }))
      expect(key).not.toMatch(/face|ident|embed|plate|name/i);
  });
});
