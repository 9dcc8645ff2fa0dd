import { describe, expect, it } from 'vitest';
import { calibrationOf, sidesOf } from './ground-calibration';

const corners = [
  { x: 0.2, y: 0.6 },
  { x: 0.6, y: 0.6 },
  { x: 0.7, y: 0.9 },
  { x: 0.1, y: 0.9 },
];

describe('ground calibration from a drawn rectangle', () => {
  it('places the rectangle on the ground from its two side lengths', () => {
    expect(calibrationOf({ corners, widthM: 2.5, depthM: 5 })).toEqual({
      image: corners,
      ground: [
        { x: 0, y: 0 },
        { x: 2.5, y: 0 },
        { x: 2.5, y: 5 },
        { x: 0, y: 5 },
      ],
    });
  });

  it('needs four corners and two positive lengths', () => {
    expect(calibrationOf({ corners: corners.slice(0, 3), widthM: 2.5, depthM: 5 })).toBeUndefined();
    expect(calibrationOf({ corners, widthM: 0, depthM: 5 })).toBeUndefined();
    expect(calibrationOf({ corners, widthM: 2.5, depthM: Number.NaN })).toBeUndefined();
  });

  it('reads the side lengths back from a stored calibration', () => {
    const stored = calibrationOf({ corners, widthM: 2.5, depthM: 5 });
    expect(stored === undefined ? undefined : sidesOf(stored)).toEqual({ widthM: 2.5, depthM: 5 });
  });
});
