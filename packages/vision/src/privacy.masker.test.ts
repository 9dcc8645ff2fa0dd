import type { VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { PrivacyMasker } from './privacy.masker.js';

describe('PrivacyMasker', () => {
  it('blacks out the masked window of every frame and leaves the rest as it was', () => {
    const masker = new PrivacyMasker([
      {
        polygon: [
          { x: 0.5, y: 0 },
          { x: 1, y: 0 },
          { x: 1, y: 0.5 },
          { x: 0.5, y: 0.5 },
        ],
      },
    ]);
    for (let n = 0; n < 2; n++) {
      const frame: VideoFrame = {
        data: new Uint8Array(8 * 4 * 3).fill(200),
        width: 8,
        height: 4,
        format: 'rgb24',
        t: n,
      };
      masker.apply(frame);
      const black = [...frame.data].filter((v) => v === 0).length;
      // The top-right quarter: 4 × 2 pixels of 3 bytes.
      expect(black).toBe(4 * 2 * 3);
      expect(frame.data[(0 * 8 + 4) * 3]).toBe(0);
      expect(frame.data[(2 * 8 + 4) * 3]).toBe(200);
      expect(frame.data[(0 * 8 + 3) * 3]).toBe(200);
    }
    expect(new PrivacyMasker([]).active).toBe(false);
  });
});
