import type { Detection, Detector, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import {
  boxFromTile,
  cropFrame,
  mergePersons,
  stitchFragments,
  tileRects,
  TiledPersonCounter,
} from './tiled.counter.js';

const person = (x: number, y: number, w: number, h: number, score = 0.8): Detection => ({
  label: 'person',
  score,
  box: { x, y, w, h },
});

describe('tiled counting', () => {
  it('covers the frame with overlapping tiles', () => {
    const tiles = tileRects({ width: 640, height: 360 }, { columns: 2, rows: 2, overlap: 0.2 });
    expect(tiles).toEqual([
      { x: 0, y: 0, w: 356, h: 200 },
      { x: 284, y: 0, w: 356, h: 200 },
      { x: 0, y: 160, w: 356, h: 200 },
      { x: 284, y: 160, w: 356, h: 200 },
    ]);
  });

  it('copies a tile out of an RGB frame', () => {
    const data = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => i);
    const frame: VideoFrame = { data, width: 4, height: 3, format: 'rgb24', t: 7 };
    const tile = cropFrame(frame, { x: 1, y: 1, w: 2, h: 2 });
    expect(tile).toMatchObject({ width: 2, height: 2, format: 'rgb24', t: 7 });
    expect([...tile.data]).toEqual([15, 16, 17, 18, 19, 20, 27, 28, 29, 30, 31, 32]);
  });

  it('maps tile boxes to the frame and drops those cut by an inner tile edge', () => {
    const frame = { width: 640, height: 360 };
    const tile = { x: 284, y: 0, w: 356, h: 200 };
    const inside = boxFromTile({ x: 0.5, y: 0.25, w: 0.1, h: 0.5 }, { tile, frame });
    expect(inside?.x).toBeCloseTo((284 + 178) / 640, 6);
    expect(inside?.h).toBeCloseTo(100 / 360, 6);
    // Touching the tile's left side (inside the frame) or its bottom side (inside the frame): cut.
    expect(boxFromTile({ x: 0, y: 0.2, w: 0.1, h: 0.3 }, { tile, frame })).toBeUndefined();
    expect(boxFromTile({ x: 0.4, y: 0.6, w: 0.1, h: 0.4 }, { tile, frame })).toBeUndefined();
    // Touching its right and top sides, which are the frame's: kept.
    expect(boxFromTile({ x: 0.9, y: 0, w: 0.1, h: 0.3 }, { tile, frame })).toBeDefined();
  });

  it('keeps one box per person across passes', () => {
    const whole = person(0.1, 0.1, 0.1, 0.3, 0.9);
    const sameFromTile = person(0.102, 0.1, 0.1, 0.29, 0.7);
    const partOfIt = person(0.11, 0.12, 0.05, 0.1, 0.6);
    const neighbour = person(0.18, 0.1, 0.1, 0.3, 0.5);
    expect(mergePersons([partOfIt, sameFromTile, neighbour, whole])).toEqual([whole, neighbour]);
  });

  it('adds the persons found in the tiles, at the tile input size, to the whole-frame ones', async () => {
    const sizes: number[] = [];
    const tileDetector: Detector = {
      // One small person in the middle of every tile.
      detect: (tile) => {
        sizes.push(tile.width);
        return Promise.resolve([person(0.45, 0.4, 0.1, 0.2, 0.3), person(0.4, 0.4, 0.1, 0.2, 0.2)]);
      },
    };
    const detector: Detector = {
      detect: () => Promise.resolve([]),
      atInputSize: (size) => (size === 512 ? tileDetector : detector),
    };
    const frame: VideoFrame = { data: new Uint8Array(640 * 360), width: 640, height: 360, format: 'gray', t: 0 };
    const found = await new TiledPersonCounter(detector).persons(frame, [person(0.9, 0.7, 0.05, 0.25, 0.9)]);
    // Four tile persons (the 0.2 ones are under the 0.25 score) and the whole-frame one.
    expect(found).toHaveLength(5);
    expect(sizes).toEqual([356, 356, 356, 356]);
  });

  it('joins the two parts of someone standing across the seam of two tiles, not two people side by side', () => {
    // A 640×360 frame in 2×2 tiles: the top row ends at y = 200, the bottom row starts at y = 160.
    const top = { x: 0, y: 0, w: 356 / 640, h: 200 / 360 };
    const bottom = { x: 0, y: 160 / 360, w: 356 / 640, h: 200 / 360 };
    const px = (x: number, y: number, w: number, h: number, score: number) =>
      person(x / 640, y / 360, w / 640, h / 360, score);
    // Someone 110 px tall from y = 120 to 230: cut at the top tile's bottom (200) and the bottom tile's top (160).
    const upper = { detection: px(100, 120, 30, 80, 0.6), tile: top };
    const lower = { detection: px(101, 160, 29, 70, 0.4), tile: bottom };
    // Another person 40 px to the right, also across the seam.
    const otherUpper = { detection: px(140, 130, 30, 70, 0.5), tile: top };
    const otherLower = { detection: px(141, 160, 30, 75, 0.5), tile: bottom };
    const joined = stitchFragments([lower, otherUpper, upper, otherLower]);
    expect(joined).toHaveLength(2);
    const first = joined.find((d) => d.box.x < 120 / 640);
    expect(first?.score).toBe(0.6);
    expect(first?.box.y).toBeCloseTo(120 / 360, 6);
    expect((first?.box.y ?? 0) + (first?.box.h ?? 0)).toBeCloseTo(230 / 360, 6);
    // A part alone (its other part unseen), or two parts from the same tile, are left out.
    expect(stitchFragments([upper])).toEqual([]);
    expect(stitchFragments([upper, { ...lower, tile: top }])).toEqual([]);
  });
});
