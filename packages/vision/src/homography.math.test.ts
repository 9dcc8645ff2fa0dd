import { describe, expect, it } from 'vitest';
import { applyHomography, groundPlane, homographyFrom4 } from './homography.math.js';

// A 10 m × 20 m rectangle of pavement seen in perspective: the far edge looks narrower.
const calibration = {
  image: [
    { x: 0.1, y: 0.9 },
    { x: 0.9, y: 0.9 },
    { x: 0.7, y: 0.3 },
    { x: 0.3, y: 0.3 },
  ],
  ground: [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 20 },
    { x: 0, y: 20 },
  ],
};

describe('ground-plane calibration', () => {
  it('maps the four calibration points exactly and keeps straight lines straight', () => {
    const h = homographyFrom4({ from: calibration.image, to: calibration.ground });
    calibration.image.forEach((p, i) => {
      const m = applyHomography(h, p);
      expect(m.x).toBeCloseTo(calibration.ground[i]?.x ?? NaN, 6);
      expect(m.y).toBeCloseTo(calibration.ground[i]?.y ?? NaN, 6);
    });
    // The image midpoint of the near edge is 5 m along it.
    expect(applyHomography(h, { x: 0.5, y: 0.9 }).x).toBeCloseTo(5, 6);
    // Perspective: far metres look shorter, so the image midpoint lies less than half-way (< 10 m) along.
    expect(applyHomography(h, { x: 0.5, y: 0.6 }).y).toBeCloseTo(20 / 3, 6);
  });

  it('measures ground areas in square metres', () => {
    const plane = groundPlane(calibration);
    expect(plane.areaM2(calibration.image)).toBeCloseTo(200, 4);
  });

  it('refuses degenerate calibrations with three collinear points', () => {
    expect(() =>
      homographyFrom4({
        from: [
          { x: 0, y: 0 },
          { x: 0.5, y: 0.5 },
          { x: 1, y: 1 },
          { x: 0, y: 1 },
        ],
        to: calibration.ground,
      }),
    ).toThrow(/collinear/);
  });

  it('falls back to a flat scale when the camera is not calibrated', () => {
    const plane = groundPlane(undefined, 20);
    expect(plane.toMetres({ x: 0.5, y: 0 }).x).toBeCloseTo(10);
  });
});
