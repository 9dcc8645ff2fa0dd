import { describe, expect, it } from 'vitest';
import { SituationBook, type Sighting, type SituationChange } from './alert-situation.js';

class FakeClock {
  #ms = Date.parse('2026-11-30T10:00:00Z');
  now(): Date {
    return new Date(this.#ms);
  }
  advance(seconds: number): void {
    this.#ms += seconds * 1000;
  }
}

function setup(overrides: { endAfterS?: number } = {}) {
  const clock = new FakeClock();
  const book = new SituationBook({ clock, endAfterS: overrides.endAfterS ?? 15, updateEveryS: 5, snapshotEveryS: 60 });
  const changes: SituationChange[] = [];
  const sight = (s: Sighting) => {
    const change = book.sight(s);
    if (change !== undefined) changes.push(change);
  };
  const tick = (seconds: number) => {
    clock.advance(seconds);
    changes.push(...book.sweep());
  };
  const kinds = () => changes.map((c) => c.kind);
  return { clock, book, changes, sight, tick, kinds };
}

const bag = { x: 0.4, y: 0.6, w: 0.05, h: 0.06 };

describe('SituationBook: one alert per situation', () => {
  it('ends at once the situation of a subject that was taken away, and only that one', () => {
    const { sight, tick, book, kinds } = setup();
    sight({ type: 'abandoned_object', subject: 'object:1', region: bag, raised: true });
    sight({ type: 'abandoned_object', subject: 'object:2', region: { ...bag, x: 0.1 }, raised: true });
    tick(3);
    const ended = book.endSubject('abandoned_object', 'object:1');
    expect(ended?.kind).toBe('ended');
    expect(ended?.situation.endedAt?.toISOString()).toBe('2026-11-30T10:00:03.000Z');
    expect(book.endSubject('abandoned_object', 'object:1')).toBeUndefined();
    expect(book.endSubject('person_on_ground', 'object:2')).toBeUndefined();
    expect(book.current().map((s) => s.subjects)).toEqual([['object:2']]);
    expect(kinds()).toEqual(['opened', 'opened']);
  });

  it('keeps one alert for a bag left 25 minutes, updated while it lasts and ended once it is gone', () => {
    const { sight, tick, changes, kinds } = setup();
    sight({ type: 'abandoned_object', subject: 'object:1', region: bag, raised: true });
    for (let s = 0; s < 25 * 60; s++) {
      tick(1);
      sight({ type: 'abandoned_object', subject: 'object:1', region: bag, raised: false });
    }
    expect(kinds().filter((k) => k === 'opened')).toHaveLength(1);
    // An update every 5 s, not a new alert: 25 min → 300 updates, a new snapshot once a minute.
    expect(kinds().filter((k) => k === 'updated')).toHaveLength(300);
    expect(changes.filter((c) => c.kind === 'updated' && c.snapshot)).toHaveLength(25);
    tick(14);
    expect(kinds()).not.toContain('ended');
    tick(1);
    const ended = changes.at(-1);
    expect(ended?.kind).toBe('ended');
    expect(ended?.situation.endedAt?.toISOString()).toBe('2026-11-30T10:25:00.000Z');
    expect(ended?.situation.openedAt.toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('takes a bag the tracker lost and found again under a new number, or split in two, for the same one', () => {
    const { sight, tick, kinds, book } = setup();
    sight({ type: 'abandoned_object', subject: 'object:1', region: bag, raised: true });
    tick(8);
    sight({ type: 'abandoned_object', subject: 'object:7', region: { ...bag, x: 0.405 }, raised: true });
    sight({ type: 'abandoned_object', subject: 'object:8', region: { ...bag, w: 0.02 }, raised: true });
    expect(kinds()).toEqual(['opened', 'updated']);
    expect(book.current()[0]?.subjects).toEqual(['object:1', 'object:7', 'object:8']);
    expect(book.current()[0]?.occurrences).toBe(3);
  });

  it('opens a second alert for a second bag elsewhere, and a new one when a bag comes back after a real interruption', () => {
    const { sight, tick, kinds, book } = setup();
    sight({ type: 'abandoned_object', subject: 'object:1', region: bag, raised: true });
    sight({ type: 'abandoned_object', subject: 'object:2', region: { ...bag, x: 0.1 }, raised: true });
    expect(book.current()).toHaveLength(2);
    tick(10);
    // Hidden 10 s by passers-by: still the same situation.
    sight({ type: 'abandoned_object', subject: 'object:3', region: bag, raised: true });
    expect(kinds().filter((k) => k === 'opened')).toHaveLength(2);
    tick(16);
    expect(kinds().filter((k) => k === 'ended')).toHaveLength(2);
    sight({ type: 'abandoned_object', subject: 'object:4', region: bag, raised: true });
    expect(kinds().filter((k) => k === 'opened')).toHaveLength(3);
    const keys = new Set(book.current().map((s) => s.key));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toBe('abandoned_object/-/object:4@2026-11-30T10:00:26.000Z');
  });

  it('never opens an alert from a mere sign of presence', () => {
    const { sight, kinds } = setup();
    sight({ type: 'person_on_ground', subject: 'track:4', region: bag, raised: false });
    expect(kinds()).toEqual([]);
  });

  it('keeps one crowd alert per zone while the rule raises it every frame, with its peak', () => {
    const { sight, tick, book, kinds } = setup();
    for (let i = 0; i < 300; i++) {
      sight({ type: 'crowd_density', zoneId: 'hall', value: 2 + Math.sin(i / 10), raised: true });
      sight({ type: 'crowd_density', zoneId: 'quay', value: 2.5, raised: true });
      tick(0.2);
    }
    expect(kinds().filter((k) => k === 'opened')).toHaveLength(2);
    const hall = book.current().find((s) => s.zoneId === 'hall');
    expect(hall?.occurrences).toBe(300);
    expect(hall?.peak).toBeCloseTo(3, 2);
  });

  it('ends what is still open when the stream stops', () => {
    const { sight, book } = setup();
    sight({ type: 'fire_smoke', raised: true });
    const ended = book.endAll();
    expect(ended.map((c) => c.kind)).toEqual(['ended']);
    expect(book.current()).toEqual([]);
  });
});
