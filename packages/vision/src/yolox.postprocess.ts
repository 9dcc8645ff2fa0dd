import type { Box, DetectedClass, Detection } from '@vigie/core';
import { iou } from './geometry.math.js';

/** COCO class indices Vigie keeps, and their names. */
export const cocoClasses: ReadonlyMap<number, DetectedClass> = new Map([
  [0, 'person'],
  [1, 'two_wheeler'],
  [2, 'vehicle'],
  [3, 'two_wheeler'],
  [5, 'vehicle'],
  [7, 'vehicle'],
  [24, 'backpack'],
  [26, 'handbag'],
  [28, 'suitcase'],
]);

/**
 * How a frame was letterboxed into the network input (YOLOX: top-left, padded right/bottom). The input
 * keeps the frame's aspect ratio, rounded up to multiples of 32: a 16:9 frame at size 416 becomes
 * 416×256 rather than a 416×416 square that is 40 % padding, for the same detail at 60 % of the cost.
 */
export interface Letterbox {
  inputWidth: number;
  inputHeight: number;
  scale: number;
  frameWidth: number;
  frameHeight: number;
}

/** The letterbox of a frame whose longer side is scaled to `inputSize` (a multiple of 32). */
export function letterboxFor(frame: { width: number; height: number }, inputSize: number): Letterbox {
  const scale = inputSize / Math.max(frame.width, frame.height);
  const round32 = (n: number) => Math.max(32, Math.ceil(n / 32 - 1e-9) * 32);
  return {
    inputWidth: round32(frame.width * scale),
    inputHeight: round32(frame.height * scale),
    scale,
    frameWidth: frame.width,
    frameHeight: frame.height,
  };
}

/** Greedy non-maximum suppression per class. */
export function nms(detections: readonly Detection[], maxIou: number): Detection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) if (!kept.some((k) => k.label === d.label && iou(k.box, d.box) > maxIou)) kept.push(d);
  return kept;
}

/**
 * Decodes YOLOX raw output rows [cx, cy, w, h, obj, 80 class scores] over the stride 8/16/32 grids
 * (cx = (x + gx)·s, w = exp(w)·s), keeps the classes Vigie uses above `minScore` (score = obj · cls),
 * maps boxes back to normalised frame coordinates and applies NMS.
 */
export function decodeYolox(
  output: Float32Array,
  options: { letterbox: Letterbox; minScore: number; nmsIou: number },
): Detection[] {
  const { inputWidth, inputHeight, scale, frameWidth, frameHeight } = options.letterbox;
  const found: Detection[] = [];
  let row = 0;
  for (const stride of [8, 16, 32]) {
    const cols = Math.floor(inputWidth / stride);
    const rows = Math.floor(inputHeight / stride);
    for (let gy = 0; gy < rows; gy++) {
      for (let gx = 0; gx < cols; gx++, row++) {
        const o = row * 85;
        const obj = output[o + 4] ?? 0;
        if (obj < options.minScore) continue;
        for (const [cls, label] of cocoClasses) {
          const score = obj * (output[o + 5 + cls] ?? 0);
          if (score < options.minScore) continue;
          const cx = ((output[o] ?? 0) + gx) * stride;
          const cy = ((output[o + 1] ?? 0) + gy) * stride;
          const w = Math.exp(output[o + 2] ?? 0) * stride;
          const h = Math.exp(output[o + 3] ?? 0) * stride;
          const x0 = Math.max(0, (cx - w / 2) / scale);
          const y0 = Math.max(0, (cy - h / 2) / scale);
          const x1 = Math.min(frameWidth, (cx + w / 2) / scale);
          const y1 = Math.min(frameHeight, (cy + h / 2) / scale);
          if (x1 <= x0 || y1 <= y0) continue;
          const box: Box = {
            x: x0 / frameWidth,
            y: y0 / frameHeight,
            w: (x1 - x0) / frameWidth,
            h: (y1 - y0) / frameHeight,
          };
          found.push({ box, label, score });
        }
      }
    }
  }
  return nms(found, options.nmsIou);
}
