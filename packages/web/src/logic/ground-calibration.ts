import type { Camera } from '../api/client';
import type { Point } from './image-geometry';

/** A camera's ground calibration as the API stores it. */
export type Calibration = NonNullable<Camera['calibration']>;

/**
 * A rectangle lying on the ground, as drawn on the camera image: its four corners in order (1→2 along
 * one side, 2→3 along the next) and the true length of those two sides in metres (a marked parking
 * bay, paving slabs, a pedestrian crossing).
 */
export interface GroundRectangle {
  corners: Point[];
  widthM: number;
  depthM: number;
}

/** Corners a ground rectangle has. */
export const groundCorners = 4;

/** The calibration of a drawn rectangle: its corners on the image, and on the ground from (0, 0). */
export function calibrationOf(rectangle: GroundRectangle): Calibration | undefined {
  const { corners, widthM: w, depthM: d } = rectangle;
  if (corners.length !== groundCorners || !(w > 0) || !(d > 0)) return undefined;
  return {
    image: corners,
    ground: [
      { x: 0, y: 0 },
      { x: w, y: 0 },
      { x: w, y: d },
      { x: 0, y: d },
    ],
  };
}

/** The side lengths (metres) of a stored calibration: corner 1→2 and 2→3 on the ground. */
export function sidesOf(calibration: Calibration): { widthM: number; depthM: number } {
  const [a, b, c] = calibration.ground;
  const length = (p: Point | undefined, q: Point | undefined) =>
    p === undefined || q === undefined ? 0 : Math.round(Math.hypot(q.x - p.x, q.y - p.y) * 100) / 100;
  return { widthM: length(a, b), depthM: length(b, c) };
}
