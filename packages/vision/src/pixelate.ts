import type { Box } from '@vigie/core';
import type { RgbImage } from './raster.drawing.js';

/**
 * Pixelates the given normalised boxes of an RGB image in place: each `block`×`block` cell takes its
 * mean colour, so no face or detail inside survives (third parties in a citizen's copy, R15).
 * Boxes are grown by `margin` (fraction of their size) and clipped to the image.
 */
export function pixelateBoxes(image: RgbImage, boxes: readonly Box[], block = 16, margin = 0.15): void {
  const { width, height, data } = image;
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor((box.x - box.w * margin) * width));
    const y0 = Math.max(0, Math.floor((box.y - box.h * margin) * height));
    const x1 = Math.min(width, Math.ceil((box.x + box.w * (1 + margin)) * width));
    const y1 = Math.min(height, Math.ceil((box.y + box.h * (1 + margin)) * height));
    for (let by = y0; by < y1; by += block) {
      for (let bx = x0; bx < x1; bx += block) {
        const ex = Math.min(x1, bx + block);
        const ey = Math.min(y1, by + block);
        let r = 0;
        let g = 0;
        let b = 0;
        for (let y = by; y < ey; y++) {
          for (let x = bx; x < ex; x++) {
            const i = (y * width + x) * 3;
            r += data[i] ?? 0;
            g += data[i + 1] ?? 0;
            b += data[i + 2] ?? 0;
          }
        }
        const n = (ex - bx) * (ey - by);
        for (let y = by; y < ey; y++) {
          for (let x = bx; x < ex; x++) {
            const i = (y * width + x) * 3;
            data[i] = r / n;
            data[i + 1] = g / n;
            data[i + 2] = b / n;
          }
        }
      }
    }
  }
}
