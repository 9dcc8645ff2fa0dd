import { describe, expect, it } from 'vitest';
import { VigieError } from './errors.js';
import {
  assertMasksLargeEnough,
  maskCoverage,
  minMaskArea,
  polygonArea,
  privateSpaceExposure,
} from './privacy-masks.js';

const rect = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];
const mask = (polygon: { x: number; y: number }[]) => ({ polygon });
const zeroArea = [
  { x: 0.5, y: 0.5 },
  { x: 0.5, y: 0.5 },
  { x: 0.5, y: 0.5 },
];

describe('privacy masks', () => {
  it('measures a polygon area in shares of the picture, whatever its winding', () => {
    expect(polygonArea(rect(0, 0, 0.5, 0.5))).toBeCloseTo(0.25, 12);
    expect(polygonArea([...rect(0, 0, 0.5, 0.5)].reverse())).toBeCloseTo(0.25, 12);
    expect(polygonArea(zeroArea)).toBe(0);
    // Three points on a line hide nothing either.
    expect(
      polygonArea([
        { x: 0, y: 0 },
        { x: 0.5, y: 0.5 },
        { x: 1, y: 1 },
      ]),
    ).toBe(0);
  });

  it('refuses masks below the minimum area with MASK_TOO_SMALL, naming each one', () => {
    const side = Math.sqrt(minMaskArea);
    expect(() => assertMasksLargeEnough([mask(rect(0, 0, side * 1.01, side))], '/masks')).not.toThrow();
    let error: unknown;
    try {
      assertMasksLargeEnough([mask(rect(0, 0, 0.5, 0.5)), mask(zeroArea), mask(rect(0, 0, 0.01, 0.01))], '/masks');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VigieError);
    expect(error).toMatchObject({
      code: 'MASK_TOO_SMALL',
      details: [
        { path: '/masks/1/polygon', reason: 'covers 0 % of the picture; at least 0.05 % is needed' },
        { path: '/masks/2/polygon', reason: expect.stringContaining('covers 0.01 %') as string },
      ],
    });
    expect(() => assertMasksLargeEnough([zeroArea], '/privateRegions')).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ path: '/privateRegions/0' })] }),
    );
  });

  it('measures how much of a region the masks hide, across several masks', () => {
    const region = rect(0.6, 0, 1, 0.4);
    expect(maskCoverage([mask(region)], region)).toBe(1);
    expect(maskCoverage([mask(rect(0, 0, 1, 1))], region)).toBe(1);
    expect(maskCoverage([], region)).toBe(0);
    expect(maskCoverage([mask(rect(0.6, 0, 0.8, 0.4))], region)).toBeCloseTo(0.5, 2);
    expect(maskCoverage([mask(rect(0.6, 0, 0.8, 0.4)), mask(rect(0.8, 0, 1, 0.4))], region)).toBe(1);
  });

  it('checks the private-space rule against the declared private regions', () => {
    const windows = rect(0.75, 0, 1, 0.35);
    expect(privateSpaceExposure([], { facing: 'public' })).toBeUndefined();
    expect(privateSpaceExposure([], undefined)).toBeUndefined();
    // Without declared regions, a mask of sufficient area is needed: three equal points are no mask.
    expect(privateSpaceExposure([mask(zeroArea)], { facing: 'private' })).toEqual([
      { path: '/masks', reason: expect.stringContaining('no privacy mask of sufficient area') as string },
    ]);
    expect(privateSpaceExposure([mask(rect(0, 0, 0.1, 0.1))], { facing: 'private' })).toBeUndefined();
    // With a declared region, a mask elsewhere, or one hiding half of it, is not enough.
    const declared = { facing: 'private' as const, privateRegions: [windows] };
    expect(privateSpaceExposure([mask(rect(0, 0, 0.1, 0.1))], declared)).toEqual([
      { path: '/masks', reason: 'hide 0 % of private region 1; all of it must be masked' },
    ]);
    expect(privateSpaceExposure([mask(rect(0.75, 0, 0.875, 0.35))], declared)?.[0]?.reason).toMatch(
      /^hide 5\d\.?\d* % of private region 1/,
    );
    expect(privateSpaceExposure([mask(rect(0.7, 0, 1, 0.4))], declared)).toBeUndefined();
    // Every region counts: the second one left visible is named.
    const two = { facing: 'private' as const, privateRegions: [windows, rect(0, 0.8, 0.2, 1)] };
    expect(privateSpaceExposure([mask(windows)], two)).toEqual([
      { path: '/masks', reason: 'hide 0 % of private region 2; all of it must be masked' },
    ]);
  });
});
