import { describe, expect, it } from 'vitest';
import { decodeYolox, letterboxFor } from './yolox.postprocess.js';

describe('YOLOX letterbox and decoding', () => {
  it('keeps the frame aspect in the network input, rounded up to multiples of 32', () => {
    expect(letterboxFor({ width: 1280, height: 720 }, 416)).toEqual({
      inputWidth: 416,
      inputHeight: 256,
      scale: 0.325,
      frameWidth: 1280,
      frameHeight: 720,
    });
    expect(letterboxFor({ width: 720, height: 480 }, 640)).toMatchObject({ inputWidth: 640, inputHeight: 448 });
    expect(letterboxFor({ width: 480, height: 640 }, 320)).toMatchObject({ inputWidth: 256, inputHeight: 320 });
  });

  it('decodes a person on a non-square grid back to normalised frame coordinates', () => {
    const letterbox = letterboxFor({ width: 1280, height: 720 }, 416);
    // Grids of 416×256: 52×32 cells at stride 8, 26×16 at 16, 13×8 at 32.
    const rows = 52 * 32 + 26 * 16 + 13 * 8;
    const output = new Float32Array(rows * 85);
    const row = 52 * 32 + 5 * 26 + 10; // stride 16, cell (10, 5)
    output.set([0.5, 0.5, Math.log(4), Math.log(8), 0.9, 0.9], row * 85);
    const [person, ...rest] = decodeYolox(output, { letterbox, minScore: 0.3, nmsIou: 0.45 });
    expect(rest).toEqual([]);
    expect(person?.label).toBe('person');
    expect(person?.score).toBeCloseTo(0.81, 5);
    // Centre (168, 88) and size 64×128 in input pixels, divided by the scale 0.325, then by 1280×720.
    expect(person?.box.x).toBeCloseTo(136 / 0.325 / 1280, 5);
    expect(person?.box.y).toBeCloseTo(24 / 0.325 / 720, 5);
    expect(person?.box.w).toBeCloseTo(64 / 0.325 / 1280, 5);
    expect(person?.box.h).toBeCloseTo(128 / 0.325 / 720, 5);
  });
});
