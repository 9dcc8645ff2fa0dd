import type { Box, VideoFrame } from '@vigie/core';
import { fontMetrics, glyph } from './bitmap.font.js';
import type { Vec2 } from './geometry.math.js';

/** A packed RGB image (3 bytes per pixel, row-major) that drawing functions write into. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/** A copy of a frame as RGB (gray frames are expanded), to draw on without touching the frame analysed. */
export function rgbCopy(frame: VideoFrame): RgbImage {
  const { width, height } = frame;
  if (frame.format === 'rgb24') return { data: frame.data.slice(0, width * height * 3), width, height };
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, k = 0; i < width * height; i++, k += 3) {
    const g = frame.data[i] ?? 0;
    data[k] = g;
    data[k + 1] = g;
    data[k + 2] = g;
  }
  return { data, width, height };
}

/** Fills the pixel rectangle [x0, x1) × [y0, y1), clipped to the image. */
export function fillRect(img: RgbImage, rect: { x0: number; y0: number; x1: number; y1: number }, color: Rgb): void {
  const x0 = Math.max(0, Math.round(rect.x0));
  const x1 = Math.min(img.width, Math.round(rect.x1));
  const y0 = Math.max(0, Math.round(rect.y0));
  const y1 = Math.min(img.height, Math.round(rect.y1));
  const [r, g, b] = color;
  for (let y = y0; y < y1; y++) {
    for (let k = (y * img.width + x0) * 3, end = (y * img.width + x1) * 3; k < end; k += 3) {
      img.data[k] = r;
      img.data[k + 1] = g;
      img.data[k + 2] = b;
    }
  }
}

/** Outlines a box given in normalised image coordinates, `thickness` pixels inwards. */
export function strokeBox(img: RgbImage, box: Box, style: { color: Rgb; thickness: number }): void {
  const x0 = box.x * img.width;
  const y0 = box.y * img.height;
  const x1 = (box.x + box.w) * img.width;
  const y1 = (box.y + box.h) * img.height;
  const t = style.thickness;
  fillRect(img, { x0, y0, x1, y1: y0 + t }, style.color);
  fillRect(img, { x0, y0: y1 - t, x1, y1 }, style.color);
  fillRect(img, { x0, y0, x1: x0 + t, y1 }, style.color);
  fillRect(img, { x0: x1 - t, y0, x1, y1 }, style.color);
}

/** A straight segment between two pixel positions (Bresenham), drawn with a square brush. */
export function drawSegment(
  img: RgbImage,
  segment: { a: Vec2; b: Vec2 },
  style: { color: Rgb; thickness: number },
): void {
  let x = Math.round(segment.a.x);
  let y = Math.round(segment.a.y);
  const x1 = Math.round(segment.b.x);
  const y1 = Math.round(segment.b.y);
  const dx = Math.abs(x1 - x);
  const dy = -Math.abs(y1 - y);
  const sx = x < x1 ? 1 : -1;
  const sy = y < y1 ? 1 : -1;
  const half = Math.floor(style.thickness / 2);
  let err = dx + dy;
  for (;;) {
    fillRect(
      img,
      { x0: x - half, y0: y - half, x1: x - half + style.thickness, y1: y - half + style.thickness },
      style.color,
    );
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** A polygon or polyline given in normalised image coordinates. */
export function strokePolygon(
  img: RgbImage,
  points: readonly Vec2[],
  style: { color: Rgb; thickness: number; closed: boolean },
): void {
  const px = points.map((p) => ({ x: p.x * (img.width - 1), y: p.y * (img.height - 1) }));
  const n = style.closed ? px.length : px.length - 1;
  for (let i = 0; i < n; i++) {
    const a = px[i];
    const b = px[(i + 1) % px.length];
    if (a !== undefined && b !== undefined) drawSegment(img, { a, b }, style);
  }
}

/**
 * The pixel runs [x0, x1) of each row whose pixel centres lie inside a polygon (normalised coordinates,
 * even-odd rule), from the edge crossings of each row.
 */
export function polygonSpans(
  polygon: readonly Vec2[],
  size: { width: number; height: number },
  visit: (row: number, x0: number, x1: number) => void,
): void {
  const xs: number[] = [];
  for (let row = 0; row < size.height; row++) {
    const y = (row + 0.5) / size.height;
    xs.length = 0;
    polygon.forEach((a, i) => {
      const b = polygon[(i + 1) % polygon.length] ?? a;
      // Half-open on y so that a vertex shared by two edges counts once.
      if (a.y <= y === b.y <= y) return;
      xs.push((a.x + ((y - a.y) / (b.y - a.y)) * (b.x - a.x)) * size.width);
    });
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil((xs[k] ?? 0) - 0.5));
      const x1 = Math.min(size.width, Math.ceil((xs[k + 1] ?? 0) - 0.5));
      if (x1 > x0) visit(row, x0, x1);
    }
  }
}

/** Paints every pixel whose centre lies inside the polygon (normalised coordinates). */
export function fillPolygon(img: RgbImage, polygon: readonly Vec2[], color: Rgb): void {
  polygonSpans(polygon, img, (row, x0, x1) => fillRect(img, { x0, y0: row, x1, y1: row + 1 }, color));
}

/** The characters of a text as drawn, one per cell: code points of its composed form (é, not e + ◌́). */
export function textCells(text: string): string[] {
  return Array.from(text.normalize('NFC'));
}

/** Width in pixels of a text drawn at a scale. */
export function textWidth(text: string, scale: number): number {
  const n = textCells(text).length;
  return n === 0 ? 0 : (n * fontMetrics.advance - 1) * scale;
}

/** The text cut to at most `maxWidth` pixels at a scale, ending with '…' when cut. */
export function fitText(text: string, o: { maxWidth: number; scale: number }): string {
  const cells = textCells(text);
  const fits = Math.max(0, Math.floor((o.maxWidth / o.scale + 1) / fontMetrics.advance));
  return cells.length <= fits
    ? cells.join('')
    : `${cells
        .slice(0, Math.max(0, fits - 1))
        .join('')
        .trimEnd()}…`;
}

/**
 * Writes a one-line label with the 5×7 font at an integer scale, top-left at (x, y) in pixels, on a
 * filled background one font pixel wider on each side so that it reads over any scene.
 */
export function drawText(
  img: RgbImage,
  text: string,
  style: { x: number; y: number; color: Rgb; background: Rgb; scale: number },
): void {
  const { scale: s } = style;
  const x = Math.round(style.x);
  const y = Math.round(style.y);
  fillRect(
    img,
    { x0: x - s, y0: y - s, x1: x + textWidth(text, s) + s, y1: y + (fontMetrics.height + 1) * s },
    style.background,
  );
  textCells(text).forEach((ch, i) => {
    const bits = glyph(ch);
    const left = x + i * fontMetrics.advance * s;
    for (let gy = 0; gy < fontMetrics.height; gy++)
      for (let gx = 0; gx < fontMetrics.width; gx++)
        if (bits[gy * fontMetrics.width + gx] === 1)
          fillRect(
            img,
            { x0: left + gx * s, y0: y + gy * s, x1: left + (gx + 1) * s, y1: y + (gy + 1) * s },
            style.color,
          );
  });
}
