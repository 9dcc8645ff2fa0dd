import type { Box } from '@vigie/core';

/** Whether a point lies inside a polygon (even-odd rule), shared with the privacy-mask rules of core. */
export { pointInPolygon } from '@vigie/core';

/** A 2-D point (normalised image coordinates or metres, depending on context). */
export interface Vec2 {
  x: number;
  y: number;
}

/** The whole image as a polygon (normalised coordinates). */
export const wholeFrame: readonly Vec2[] = [
  { x: 0, y: 0 },
  { x: 1, y: 0 },
  { x: 1, y: 1 },
  { x: 0, y: 1 },
];

/** Signed side of p relative to the directed line a→b: > 0 left, < 0 right (image y points down). */
export function sideOfLine(p: Vec2, line: { a: Vec2; b: Vec2 }): number {
  return (line.b.x - line.a.x) * (p.y - line.a.y) - (line.b.y - line.a.y) * (p.x - line.a.x);
}

/**
 * How the step p→q crosses the segment a→b: +1 from its right side to its left ("in"), −1 the other
 * way ("out"), 0 when it does not cross the segment itself. A point exactly on the line counts as on
 * the left, so a walker who steps onto the line and then over it is counted once.
 */
export function lineCrossing(step: { p: Vec2; q: Vec2 }, line: { a: Vec2; b: Vec2 }): -1 | 0 | 1 {
  const left1 = sideOfLine(step.p, line) >= 0;
  const left2 = sideOfLine(step.q, line) >= 0;
  if (left1 === left2) return 0;
  const seg = { a: step.p, b: step.q };
  const t1 = sideOfLine(line.a, seg);
  const t2 = sideOfLine(line.b, seg);
  if ((t1 > 0 && t2 > 0) || (t1 < 0 && t2 < 0)) return 0;
  return left2 ? 1 : -1;
}

/** Area of a simple polygon (shoelace formula), always positive. */
export function polygonArea(polygon: readonly Vec2[]): number {
  let sum = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (a !== undefined && b !== undefined) sum += (b.x + a.x) * (b.y - a.y);
  }
  return Math.abs(sum) / 2;
}

/** Intersection over union of two boxes, 0 when they do not overlap. */
export function iou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** The point where an object touches the ground: bottom centre of its box. */
export function footPoint(box: Box): Vec2 {
  return { x: box.x + box.w / 2, y: box.y + box.h };
}

/** Centre of a box. */
export function boxCentre(box: Box): Vec2 {
  return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
}

/** Smallest box holding all the given boxes, or undefined for none. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}
