import type { Camera } from '../api/client';

/** A point in normalised image coordinates (0–1). */
export type Point = Camera['masks'][number]['polygon'][number];

/** The fewest vertices a polygon needs. */
export const minPolygonPoints = 3;

/** The most vertices a polygon may have (the API refuses more). */
export const maxPolygonPoints = 64;

/** A point kept inside the image, rounded to 4 decimals (a tenth of a pixel on a 4K image is not worth storing). */
export function clampPoint(point: { x: number; y: number }): Point {
  const round = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 10_000) / 10_000;
  return { x: round(point.x), y: round(point.y) };
}

/** Where a pointer lies over an element, in normalised coordinates. */
export function pointerPoint(
  pointer: { clientX: number; clientY: number },
  box: { left: number; top: number; width: number; height: number },
): Point {
  return clampPoint({ x: (pointer.clientX - box.left) / box.width, y: (pointer.clientY - box.top) / box.height });
}

/** Moves a point by a step (keyboard nudging), kept inside the image. */
export function nudge(point: Point, dx: number, dy: number): Point {
  return clampPoint({ x: point.x + dx, y: point.y + dy });
}

/** A new id not used by any existing shape: `prefix-1`, `prefix-2`… */
export function freshId(prefix: string, taken: Iterable<{ id: string }>): string {
  const used = new Set([...taken].map((item) => item.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** Twice the signed area of a polygon; zero for a degenerate one (all points on a line). */
export function doubleArea(points: readonly Point[]): number {
  return points.reduce((sum, p, i) => {
    const q = points[(i + 1) % points.length] ?? p;
    return sum + p.x * q.y - q.x * p.y;
  }, 0);
}

/** Whether a drawn polygon can be saved: enough vertices, not too many, and an area. */
export function isClosable(points: readonly Point[]): boolean {
  return points.length >= minPolygonPoints && points.length <= maxPolygonPoints && Math.abs(doubleArea(points)) > 1e-6;
}
