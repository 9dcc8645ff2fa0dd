import { describe, expect, it } from 'vitest';
import { LeftObjectTracker, mergePieces } from './left-object.tracker.js';

const piece = (x: number, y: number, w: number, h: number) => ({ box: { x, y, w, h }, area: w * h });

describe('LeftObjectTracker', () => {
  it('merges the pieces of one item into one object whose box covers the bag detected as it was set down', () => {
    const tracker = new LeftObjectTracker({ leadS: 3 });
    const owner = { x: 0.5, y: 0.3, w: 0.08, h: 0.3 };
    const bagSeen = { x: 0.6, y: 0.5, w: 0.06, h: 0.1 };
    // The owner sets the bag down (detected as a bag), then walks away; the bag becomes two still pieces.
    tracker.update({ blobs: [], persons: [owner], people: [owner], items: [bagSeen], t: 0 });
    const { current } = tracker.update({
      blobs: [piece(0.61, 0.55, 0.02, 0.04), piece(0.635, 0.56, 0.02, 0.04)],
      persons: [],
      people: [],
      t: 5_000,
    });
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ evidence: 'item', brought: true, since: 2_000 });
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(current[0]?.box[k]).toBeCloseTo(bagSeen[k]);
  });

  it('marks a still region nobody came near as not brought, and gives no evidence without a bag or an outline', () => {
    const tracker = new LeftObjectTracker({ leadS: 3 });
    const passer = { x: 0.05, y: 0.1, w: 0.05, h: 0.2 };
    const { current } = tracker.update({
      blobs: [piece(0.7, 0.4, 0.03, 0.06)],
      persons: [passer],
      people: [passer],
      outline: () => ({ current: 30, background: 25 }),
      t: 1_000,
    });
    expect(current[0]?.brought).toBe(false);
    expect(current[0]?.evidence).toBeUndefined();
    // A sharp new outline over a plain background is a thing even if the detector does not name it.
    const sharp = new LeftObjectTracker({ leadS: 3 }).update({
      blobs: [piece(0.7, 0.4, 0.03, 0.06)],
      persons: [],
      outline: () => ({ current: 60, background: 20 }),
      t: 1_000,
    });
    expect(sharp.current[0]?.evidence).toBe('outline');
  });

  it('leaves out what a person or a vehicle covers (someone standing still, a car at a red light)', () => {
    const tracker = new LeftObjectTracker({ leadS: 3 });
    const car = { x: 0.2, y: 0.5, w: 0.12, h: 0.08 };
    const { current } = tracker.update({ blobs: [piece(0.22, 0.52, 0.05, 0.04)], persons: [car], t: 0 });
    expect(current).toEqual([]);
  });

  it('merges boxes that touch or nearly touch, and keeps apart those that are far', () => {
    const merged = mergePieces(
      [
        { x: 0.1, y: 0.1, w: 0.02, h: 0.02 },
        { x: 0.125, y: 0.1, w: 0.02, h: 0.02 },
        { x: 0.8, y: 0.8, w: 0.02, h: 0.02 },
      ],
      0.5,
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]?.x).toBeCloseTo(0.1);
    expect(merged[0]?.w).toBeCloseTo(0.045);
  });
});
