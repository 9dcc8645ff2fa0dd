import { describe, expect, it } from 'vitest';
import { encodeMaskPam, rasterizeMasks } from './mask.raster.js';

const size = { width: 10, height: 10 };
const at = (raster: Uint8Array, x: number, y: number): number => raster[y * size.width + x]!;

describe('privacy mask raster', () => {
  it('covers exactly the pixels whose centre lies inside a rectangle', () => {
    const square = [
      { x: 0.2, y: 0.2 },
      { x: 0.6, y: 0.2 },
      { x: 0.6, y: 0.6 },
      { x: 0.2, y: 0.6 },
    ];
    const raster = rasterizeMasks([{ polygon: square }], size);
    const covered = [...raster].filter((v) => v === 255).length;
    expect(covered).toBe(16);
    expect(at(raster, 2, 2)).toBe(255);
    expect(at(raster, 5, 5)).toBe(255);
    expect(at(raster, 6, 5)).toBe(0);
    expect(at(raster, 1, 2)).toBe(0);
  });

  it('follows a triangle rather than its bounding box', () => {
    const triangle = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ];
    const raster = rasterizeMasks([{ polygon: triangle }], size);
    expect(at(raster, 0, 0)).toBe(255);
    expect(at(raster, 8, 0)).toBe(255);
    expect(at(raster, 0, 8)).toBe(255);
    expect(at(raster, 9, 9)).toBe(0);
    expect(at(raster, 6, 6)).toBe(0);
  });

  it('combines several masks and leaves an image with none untouched', () => {
    const left = [
      { x: 0, y: 0 },
      { x: 0.3, y: 0 },
      { x: 0.3, y: 1 },
      { x: 0, y: 1 },
    ];
    const right = left.map((p) => ({ x: 1 - p.x, y: p.y }));
    const raster = rasterizeMasks([{ polygon: left }, { polygon: right }], size);
    expect(at(raster, 0, 5)).toBe(255);
    expect(at(raster, 9, 5)).toBe(255);
    expect(at(raster, 5, 5)).toBe(0);
    expect(rasterizeMasks([], size).every((v) => v === 0)).toBe(true);
  });

  it('encodes a black PAM image that is opaque only where masked', () => {
    const coverage = new Uint8Array([0, 255, 255, 0]);
    const image = encodeMaskPam(coverage, { width: 2, height: 2 });
    const text = new TextDecoder().decode(image);
    expect(text.startsWith('P7\nWIDTH 2\nHEIGHT 2\nDEPTH 2\nMAXVAL 255\nTUPLTYPE GRAYSCALE_ALPHA\nENDHDR\n')).toBe(
      true,
    );
    expect([...image.slice(-8)]).toEqual([0, 0, 0, 255, 0, 255, 0, 0]);
  });
});
