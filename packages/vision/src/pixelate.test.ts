import { describe, expect, it } from 'vitest';
import { pixelateBoxes } from './pixelate.js';

function checkerboard(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data.fill((x + y) % 2 === 0 ? 255 : 0, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return data;
}

describe('pixelateBoxes', () => {
  it('replaces every detail inside a box by its block mean and leaves the rest untouched', () => {
    const image = { width: 64, height: 32, data: checkerboard(64, 32) };
    const before = image.data.slice();
    pixelateBoxes(image, [{ x: 0, y: 0, w: 0.5, h: 1 }], 8, 0);
    // Inside: a checkerboard averages to mid-grey in every 8×8 cell.
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) expect(image.data[(y * 64 + x) * 3]).toBe(127);
    // Outside: unchanged pixels.
    expect(image.data.subarray(32 * 3, 64 * 3)).toEqual(before.subarray(32 * 3, 64 * 3));
  });

  it('clips boxes that reach past the image edge', () => {
    const image = { width: 16, height: 16, data: checkerboard(16, 16) };
    expect(() => pixelateBoxes(image, [{ x: 0.9, y: 0.9, w: 0.5, h: 0.5 }], 4)).not.toThrow();
  });
});
