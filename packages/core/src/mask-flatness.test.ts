import { describe, expect, it } from 'vitest';
import { masksNotFlat, type Mask, type RgbFrame } from './index.js';

const rect = (left: number, top: number, right: number, bottom: number): { x: number; y: number }[] => [
  { x: left, y: top },
  { x: right, y: top },
  { x: right, y: bottom },
  { x: left, y: bottom },
];

/** A 100×80 frame painted pixel by pixel. */
function frame(paint: (x: number, y: number) => [number, number, number]): RgbFrame {
  const [width, height] = [100, 80];
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 3);
  }
  return { width, height, data };
}

const window: Mask = { id: 'window', polygon: rect(0.1, 0.2, 0.4, 0.7) };
const door: Mask = { id: 'door', polygon: rect(0.6, 0.2, 0.9, 0.9) };
/** A textured street: every pixel differs from its neighbours. */
const street = (x: number, y: number): [number, number, number] => [(x * 37 + y * 11) % 256, (x * 5) % 256, 90];
/** The street, with the camera's grey fill over the window (x 10–40, y 16–56, a bit larger than the mask). */
const greyWindow = (x: number, y: number): [number, number, number] =>
  x >= 9 && x < 41 && y >= 15 && y < 57 ? [96, 96, 96] : street(x, y);

describe('flatness of the picture under Vigie’s masks', () => {
  it('finds a solid fill flat, with the scene around it and slight noise, but not the scene itself', () => {
    expect(masksNotFlat(frame(greyWindow), [window, door])).toEqual(['door']);
    const noisy = (x: number, y: number): [number, number, number] => {
      const [r, g, b] = greyWindow(x, y);
      const n = (x + y) % 3;
      return [r + n, g + n, b + n];
    };
    expect(masksNotFlat(frame(noisy), [window])).toEqual([]);
    expect(masksNotFlat(frame(street), [window])).toEqual(['window']);
  });

  it('ignores the few pixels along the edges, but not a fill that stops short of the mask', () => {
    // The fill falls one pixel short on the left: within the margin.
    const short = (x: number, y: number): [number, number, number] =>
      x >= 11 && x < 41 && y >= 15 && y < 57 ? [96, 96, 96] : street(x, y);
    expect(masksNotFlat(frame(short), [window])).toEqual([]);
    // Half the window shows the street.
    const half = (x: number, y: number): [number, number, number] => (x < 25 ? street(x, y) : greyWindow(x, y));
    expect(masksNotFlat(frame(half), [window])).toEqual(['window']);
  });

  it('wants one colour: two flat fills, or a coloured one beside a grey one of the same brightness, are not a mask', () => {
    const split = (x: number): [number, number, number] => (x < 25 ? [0, 0, 0] : [200, 200, 200]);
    expect(masksNotFlat(frame(split), [window])).toEqual(['window']);
    const hues = (x: number, y: number): [number, number, number] => (y < 36 ? [150, 60, 78] : [96, 96, 96]);
    expect(masksNotFlat(frame(hues), [window])).toEqual(['window']);
    expect(
      masksNotFlat(
        frame(() => [30, 160, 40]),
        [window, door],
      ),
    ).toEqual([]);
  });

  it('cannot vouch for a mask too small to keep a pixel once its edges are left out', () => {
    const sliver: Mask = { id: 'sliver', polygon: rect(0.5, 0.5, 0.55, 0.55) };
    expect(
      masksNotFlat(
        frame(() => [0, 0, 0]),
        [sliver],
      ),
    ).toEqual(['sliver']);
  });
});
