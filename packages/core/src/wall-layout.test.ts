import { describe, expect, it } from 'vitest';
import { tileCameraAt } from './wall-layout.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('tileCameraAt', () => {
  it('shows nothing on an empty tile and its one camera on a fixed tile', () => {
    expect(tileCameraAt({ cameraIds: [] }, 0)).toBeUndefined();
    expect(tileCameraAt({ cameraIds: [a] }, 123_456)).toBe(a);
  });

  it('moves a tour to the next camera every dwell and comes back round', () => {
    const tour = { cameraIds: [a, b], dwellS: 5 };
    expect(tileCameraAt(tour, 0)).toBe(a);
    expect(tileCameraAt(tour, 4_999)).toBe(a);
    expect(tileCameraAt(tour, 5_000)).toBe(b);
    expect(tileCameraAt(tour, 10_000)).toBe(a);
  });
});
