import type { VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { glyph } from './bitmap.font.js';
import {
  drawText,
  fillPolygon,
  rgbCopy,
  strokeBox,
  strokePolygon,
  textWidth,
  type RgbImage,
} from './raster.drawing.js';

const blank = (width: number, height: number): RgbImage => ({
  data: new Uint8Array(width * height * 3),
  width,
  height,
});
const pixel = (img: RgbImage, x: number, y: number) => [
  ...img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3),
];
const inked = (img: RgbImage) => {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3) if (img.data[i] !== 0 || img.data[i + 1] !== 0) n++;
  return n;
};

describe('raster drawing', () => {
  it('outlines a normalised box with a border of the given thickness, inside the box', () => {
    const img = blank(100, 50);
    strokeBox(img, { x: 0.1, y: 0.2, w: 0.5, h: 0.6 }, { color: [255, 0, 0], thickness: 2 });
    // Box from (10, 10) to (60, 40): a 50 × 30 rectangle with a 2-pixel border.
    expect(inked(img)).toBe(50 * 30 - 46 * 26);
    expect(pixel(img, 10, 10)).toEqual([255, 0, 0]);
    expect(pixel(img, 59, 39)).toEqual([255, 0, 0]);
    expect(pixel(img, 12, 12)).toEqual([0, 0, 0]);
  });

  it('fills the pixels whose centres lie in a polygon and strokes its outline', () => {
    const img = blank(40, 40);
    fillPolygon(
      img,
      [
        { x: 0.25, y: 0.25 },
        { x: 0.75, y: 0.25 },
        { x: 0.75, y: 0.75 },
        { x: 0.25, y: 0.75 },
      ],
      [0, 255, 0],
    );
    expect(inked(img)).toBe(20 * 20);
    const lines = blank(40, 40);
    strokePolygon(
      lines,
      [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      { color: [0, 255, 0], thickness: 1, closed: false },
    );
    expect(inked(lines)).toBe(40);
    expect(pixel(lines, 39, 39)).toEqual([0, 255, 0]);
  });

  it('writes text with the 5×7 font on a background, lower case as upper case', () => {
    const img = blank(60, 20);
    drawText(img, 'Id 7', { x: 2, y: 2, color: [255, 255, 255], background: [0, 0, 200], scale: 1 });
    expect(textWidth('Id 7', 1)).toBe(23);
    expect(glyph('d')).toEqual(glyph('D'));
    // 'I' starts with a bar .###. on its first row.
    expect(pixel(img, 2, 2)).toEqual([0, 0, 200]);
    expect(pixel(img, 3, 2)).toEqual([255, 255, 255]);
    expect(pixel(img, 50, 2)).toEqual([0, 0, 0]);
  });

  it('copies a gray frame into RGB without touching the frame', () => {
    const frame: VideoFrame = { data: Uint8Array.from([10, 200]), width: 2, height: 1, format: 'gray', t: 0 };
    const copy = rgbCopy(frame);
    strokeBox(copy, { x: 0, y: 0, w: 0.5, h: 1 }, { color: [1, 2, 3], thickness: 1 });
    expect([...copy.data]).toEqual([1, 2, 3, 200, 200, 200]);
    expect([...frame.data]).toEqual([10, 200]);
  });
});
