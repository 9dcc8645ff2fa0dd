import { describe, expect, it } from 'vitest';
import { iou, lineCrossing, pointInPolygon, polygonArea, unionBox } from './geometry.math.js';

const square = [
  { x: 0.2, y: 0.2 },
  { x: 0.6, y: 0.2 },
  { x: 0.6, y: 0.6 },
  { x: 0.2, y: 0.6 },
];

describe('geometry', () => {
  it('tells points inside a polygon from points outside, including a concave one', () => {
    expect(pointInPolygon({ x: 0.4, y: 0.4 }, square)).toBe(true);
    expect(pointInPolygon({ x: 0.7, y: 0.4 }, square)).toBe(false);
    const l = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.2 },
      { x: 0.2, y: 0.2 },
      { x: 0.2, y: 1 },
      { x: 0, y: 1 },
    ];
    expect(pointInPolygon({ x: 0.1, y: 0.5 }, l)).toBe(true);
    expect(pointInPolygon({ x: 0.5, y: 0.5 }, l)).toBe(false);
  });

  it('reports the direction of a line crossing and ignores steps that pass beside the segment', () => {
    const line = { a: { x: 0.5, y: 0 }, b: { x: 0.5, y: 0.5 } };
    const rightward = lineCrossing({ p: { x: 0.4, y: 0.2 }, q: { x: 0.6, y: 0.2 } }, line);
    const leftward = lineCrossing({ p: { x: 0.6, y: 0.2 }, q: { x: 0.4, y: 0.2 } }, line);
    expect(rightward).not.toBe(0);
    expect(leftward).toBe(-rightward);
    expect(lineCrossing({ p: { x: 0.4, y: 0.8 }, q: { x: 0.6, y: 0.8 } }, line)).toBe(0);
    expect(lineCrossing({ p: { x: 0.4, y: 0.2 }, q: { x: 0.45, y: 0.2 } }, line)).toBe(0);
  });

  it('computes areas, IoU and union boxes', () => {
    expect(polygonArea(square)).toBeCloseTo(0.16);
    expect(iou({ x: 0, y: 0, w: 1, h: 1 }, { x: 0, y: 0, w: 1, h: 1 })).toBe(1);
    expect(iou({ x: 0, y: 0, w: 1, h: 1 }, { x: 0.5, y: 0, w: 1, h: 1 })).toBeCloseTo(1 / 3);
    expect(iou({ x: 0, y: 0, w: 0.1, h: 0.1 }, { x: 0.5, y: 0.5, w: 0.1, h: 0.1 })).toBe(0);
    expect(unionBox([])).toBeUndefined();
    expect(
      unionBox([
        { x: 0.1, y: 0.1, w: 0.1, h: 0.1 },
        { x: 0.5, y: 0.4, w: 0.2, h: 0.1 },
      ]),
    ).toEqual({ x: 0.1, y: 0.1, w: expect.closeTo(0.6) as number, h: expect.closeTo(0.4) as number });
  });
});
