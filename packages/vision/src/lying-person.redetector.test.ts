import type { Detection, Detector, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { LyingPersonRedetector, rotatedRegion, unrotatedBox } from './lying-person.redetector.js';

/** A gray frame, black but for a white rectangle. */
function frameWith(rect: { x: number; y: number; w: number; h: number }, size = { width: 80, height: 60 }): VideoFrame {
  const data = new Uint8Array(size.width * size.height);
  for (let y = rect.y; y < rect.y + rect.h; y++)
    for (let x = rect.x; x < rect.x + rect.w; x++) data[y * size.width + x] = 255;
  return { data, ...size, format: 'gray', t: 0 };
}

/** The bounding box of the white pixels of a frame, normalised. */
function whiteBox(f: VideoFrame) {
  let [x0, y0, x1, y1] = [f.width, f.height, -1, -1];
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++)
      if (f.data[y * f.width + x] === 255)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { x: x0 / f.width, y: y0 / f.height, w: (x1 - x0 + 1) / f.width, h: (y1 - y0 + 1) / f.height };
}

/** A detector that finds the white rectangle of a frame when it is taller than wide (an upright person). */
const uprightOnly: Detector = {
  detect: (f: VideoFrame): Promise<Detection[]> => {
    const box = whiteBox(f);
    const tall = box.h * f.height > box.w * f.width;
    return Promise.resolve(tall ? [{ label: 'person', score: 0.8, box }] : [{ label: 'person', score: 0.2, box }]);
  },
};

describe('lying person re-detection', () => {
  it('rotates a region by ±90° and maps a box found there back onto the frame', () => {
    const frame = frameWith({ x: 20, y: 30, w: 30, h: 10 });
    const region = { x: 10, y: 10, side: 50 };
    for (const turn of [1, -1] as const) {
      const rotated = rotatedRegion(frame, region, turn);
      const inRotated = whiteBox(rotated);
      expect(inRotated.h * 50).toBe(30); // lying in the frame, upright once turned
      const back = unrotatedBox(inRotated, { frame, region, turn });
      expect(back.x * 80).toBeCloseTo(20);
      expect(back.y * 60).toBeCloseTo(30);
      expect(back.w * 80).toBeCloseTo(30);
      expect(back.h * 60).toBeCloseTo(10);
    }
  });

  it('turns a region upside down and maps a box found there back onto the frame', () => {
    const frame = frameWith({ x: 20, y: 15, w: 10, h: 30 });
    const region = { x: 10, y: 10, side: 50 };
    const rotated = rotatedRegion(frame, region, 2);
    const inRotated = whiteBox(rotated);
    expect([inRotated.x * 50, inRotated.y * 50]).toEqual([50 - 20, 50 - 35]);
    const back = unrotatedBox(inRotated, { frame, region, turn: 2 });
    expect(back.x * 80).toBeCloseTo(20);
    expect(back.y * 60).toBeCloseTo(15);
    expect(back.w * 80).toBeCloseTo(10);
    expect(back.h * 60).toBeCloseTo(30);
  });

  it('finds a person lying head towards the camera only upside down, says so, and looks that way first next time', async () => {
    // A tall block with a notch on top; the detector below takes it for a person only notch down, so
    // only the half turn finds it.
    const frame = frameWith({ x: 30, y: 20, w: 10, h: 30 });
    for (let x = 33; x < 37; x++) frame.data[19 * 80 + x] = 255;
    const headUp: Detector = {
      detect: (f: VideoFrame): Promise<Detection[]> => {
        const box = whiteBox(f);
        const tall = box.h * f.height > box.w * f.width;
        const top = Math.round(box.y * f.height);
        const notchOnTop =
          f.data[top * f.width + Math.round((box.x + box.w / 2) * f.width)] === 255 &&
          f.data[top * f.width + Math.round(box.x * f.width)] !== 255;
        return Promise.resolve(tall && !notchOnTop ? [{ label: 'person', score: 0.8, box }] : []);
      },
    };
    const redetector = new LyingPersonRedetector(headUp);
    const tracks = [{ id: 1, box: { x: 30 / 80, y: 20 / 60, w: 10 / 80, h: 30 / 60 } }];
    // Two inferences a call: ±90° on the first, the half turn on the second.
    expect(await redetector.redetect(frame, { tracks, detections: [] })).toEqual([]);
    expect(redetector.inferences).toBe(2);
    const found = await redetector.redetect({ ...frame, t: 400 }, { tracks, detections: [] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ upsideDown: true });
    expect(found[0]?.lying).toBeUndefined();
    expect(redetector.inferences).toBe(3);
    // Found lying: searched again on the next call, upside down first, one inference.
    expect(await redetector.redetect({ ...frame, t: 800 }, { tracks, detections: [] })).toHaveLength(1);
    expect(redetector.inferences).toBe(4);
  });

  it('shares its inferences among many uncovered tracks, least recently searched first', async () => {
    // Four people standing at the top (the detector finds nothing there), one lying at the bottom right
    // whose track is last in the list: searched on the fifth call, never with the first two regions only.
    const frame = frameWith({ x: 140, y: 70, w: 40, h: 10 }, { width: 200, height: 100 });
    const standing = [10, 40, 70, 100].map((x, i) => ({ id: i + 1, box: { x: x / 200, y: 0.05, w: 0.04, h: 0.16 } }));
    const fallen = { id: 5, box: { x: 150 / 200, y: 0.4, w: 0.05, h: 0.38 } };
    const redetector = new LyingPersonRedetector(uprightOnly);
    for (let call = 0; call < 4; call++) {
      const t = call * 400;
      expect(await redetector.redetect({ ...frame, t }, { tracks: [...standing, fallen], detections: [] })).toEqual([]);
      expect(redetector.inferences).toBe(2 * (call + 1));
    }
    const found = await redetector.redetect({ ...frame, t: 1600 }, { tracks: [...standing, fallen], detections: [] });
    expect(found).toHaveLength(1);
    expect(found[0]?.box.x).toBeCloseTo(140 / 200);
    expect(found[0]?.box.w).toBeCloseTo(40 / 200);
  });

  it('skips tracks a sharper pass saw standing moments ago, but not one already found lying', async () => {
    // The same crowd: the four standing people were found upright by the tiled count pass, so the lying
    // one's track is searched at once instead of fifth; then, found lying, its own upright-looking box
    // from that pass does not stop its searches.
    const frame = frameWith({ x: 140, y: 70, w: 40, h: 10 }, { width: 200, height: 100 });
    const standing = [10, 40, 70, 100].map((x, i) => ({ id: i + 1, box: { x: x / 200, y: 0.05, w: 0.04, h: 0.16 } }));
    const fallen = { id: 5, box: { x: 150 / 200, y: 0.4, w: 0.05, h: 0.38 } };
    const redetector = new LyingPersonRedetector(uprightOnly);
    const tracks = [...standing, fallen];
    const upright = standing.map((tr) => tr.box);
    expect(await redetector.redetect(frame, { tracks, detections: [], upright })).toHaveLength(1);
    expect(redetector.inferences).toBe(1);
    const again = await redetector.redetect(
      { ...frame, t: 400 },
      { tracks, detections: [], upright: [...upright, fallen.box] },
    );
    expect(again).toHaveLength(1);
    expect(redetector.inferences).toBe(2);
    // A wide box (someone lying, as a sharper pass may score them) does not count as standing.
    const wide = new LyingPersonRedetector(uprightOnly);
    const lyingBox = { x: 140 / 200, y: 0.7, w: 0.2, h: 0.1 };
    await wide.redetect(frame, { tracks: [{ id: 9, box: lyingBox }], detections: [], upright: [lyingBox] });
    expect(wide.inferences).toBe(1);
  });

  it('finds a lying person near a track the confident detections no longer cover, and only there', async () => {
    const frame = frameWith({ x: 20, y: 40, w: 30, h: 10 });
    const redetector = new LyingPersonRedetector(uprightOnly);
    const standing = { x: 25 / 80, y: 10 / 60, w: 10 / 80, h: 35 / 60 };
    const found = await redetector.redetect(frame, { tracks: [{ id: 1, box: standing }], detections: [] });
    expect(found).toHaveLength(1);
    expect(found[0]?.box.x).toBeCloseTo(20 / 80);
    expect(found[0]?.box.w).toBeCloseTo(30 / 80);
    const covered = [{ label: 'person' as const, score: 0.9, box: standing }];
    expect(await redetector.redetect(frame, { tracks: [{ id: 1, box: standing }], detections: covered })).toEqual([]);
  });
});
