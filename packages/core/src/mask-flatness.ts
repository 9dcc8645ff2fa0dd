import type { Mask } from './camera.js';
import { distanceToSegment, pointInPolygon } from './image-geometry.js';

/** A decoded picture: 3 bytes a pixel (red, green, blue), row after row from the top left. */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The most a colour channel may deviate (standard deviation, 0–255) inside a mask still judged a flat fill: a solid
 * privacy mask encodes to a spread of 0–2; the scenes it hides (a window, a garden) spread well past 10.
 */
export const flatMaskDeviation = 6;

/** Pixels left out along a mask's edges (its polygon shrunk by this much): blocks and chroma straddling the edge. */
export const flatMaskMarginPx = 3;

/** The standard deviations of red, green and blue over the pixels of a frame whose centre is inside `polygon`. */
function spreadInside(
  frame: RgbFrame,
  polygon: readonly { x: number; y: number }[],
  marginPx: number,
): number[] | undefined {
  const { width, height, data } = frame;
  const vertices = polygon.map((p) => ({ x: p.x * width, y: p.y * height }));
  const xs = vertices.map((p) => p.x);
  const ys = vertices.map((p) => p.y);
  const sums = new Float64Array(3);
  const squares = new Float64Array(3);
  let count = 0;
  for (let y = Math.max(0, Math.floor(Math.min(...ys))); y < Math.min(height, Math.ceil(Math.max(...ys))); y++) {
    for (let x = Math.max(0, Math.floor(Math.min(...xs))); x < Math.min(width, Math.ceil(Math.max(...xs))); x++) {
      const centre = { x: x + 0.5, y: y + 0.5 };
      if (!pointInPolygon(centre, vertices)) continue;
      const nearEdge = vertices.some(
        (a, i) => distanceToSegment(centre, a, vertices[(i + 1) % vertices.length] ?? a) < marginPx,
      );
      if (nearEdge) continue;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const v = data[at + c] ?? 0;
        sums[c] = (sums[c] ?? 0) + v;
        squares[c] = (squares[c] ?? 0) + v * v;
      }
      count += 1;
    }
  }
  if (count === 0) return undefined;
  return [...sums].map((sum, c) => Math.sqrt(Math.max(0, (squares[c] ?? 0) / count - (sum / count) ** 2)));
}

/**
 * Vigie's masks under which a frame is not a flat fill of one colour, as a solid privacy mask the camera burnt in
 * would be (pure): inside each polygon shrunk by `marginPx`, any colour channel spreading more than `maxDeviation`.
 * A mask too small to keep a pixel once shrunk cannot be vouched for by the picture and is returned too.
 */
export function masksNotFlat(
  frame: RgbFrame,
  masks: readonly Pick<Mask, 'id' | 'polygon'>[],
  maxDeviation: number = flatMaskDeviation,
  marginPx: number = flatMaskMarginPx,
): string[] {
  return masks
    .filter((mask) => {
      const spread = spreadInside(frame, mask.polygon, marginPx);
      return spread === undefined || spread.some((deviation) => deviation > maxDeviation);
    })
    .map((mask) => mask.id);
}
