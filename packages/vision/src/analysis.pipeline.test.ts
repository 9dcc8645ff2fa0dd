import type { Detector, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { AnalysisPipeline } from './analysis.pipeline.js';
import { overheadCalibration } from './homography.math.js';

/** A detector that sees one person running across the view at 0.05 of its width per frame. */
const runnerDetector: Detector = {
  detect: (frame) =>
    Promise.resolve([
      { label: 'person', score: 0.9, box: { x: 0.05 + (frame.t / 200) * 0.05, y: 0.4, w: 0.05, h: 0.2 } },
    ]),
};

async function rapidEvents(calibrated: boolean): Promise<number> {
  const pipeline = new AnalysisPipeline({
    fps: 5,
    detector: runnerDetector,
    detectEvery: 1,
    config: {
      rules: ['rapid_movement'],
      ...(calibrated
        ? {
            calibration: overheadCalibration(20, 20),
          }
        : {}),
    },
  });
  let events = 0;
  for (let f = 0; f < 15; f++) {
    const frame: VideoFrame = {
      data: new Uint8Array(64 * 36).fill(90),
      width: 64,
      height: 36,
      format: 'gray',
      t: f * 200,
    };
    events += (await pipeline.process(frame)).events.length;
  }
  return events;
}

describe('AnalysisPipeline', () => {
  it('runs rules measured in metres only on a calibrated camera: a 5 m/s runner is flagged there, not on an uncalibrated one', async () => {
    expect(await rapidEvents(true)).toBe(1);
    expect(await rapidEvents(false)).toBe(0);
  });
});

describe('fire_smoke in the pipeline', () => {
  /** 25 frames of flames churning at several hertz in the top right of a 64×48 view. */
  async function fireEvents(pipeline: AnalysisPipeline): Promise<number> {
    let events = 0;
    for (let f = 0; f < 25; f++) {
      const data = new Uint8Array(64 * 48 * 3);
      for (let y = 0; y < 48; y++)
        for (let x = 0; x < 64; x++)
          data.set(
            x >= 40 && x < 56 && y >= 8 && y < 24 && (x + y + f) % 2 === 0 ? [250, 170, 40] : [60, 120, 50],
            (y * 64 + x) * 3,
          );
      const frame: VideoFrame = { data, width: 64, height: 48, format: 'rgb24', t: f * 200 };
      events += (await pipeline.process(frame)).events.filter((e) => e.type === 'fire_smoke').length;
    }
    return events;
  }

  it('does not run without the fire model and says so with its code; runs with it', async () => {
    const without = new AnalysisPipeline({ fps: 5, config: { rules: ['fire_smoke'] } });
    expect(without.unavailable).toEqual([{ type: 'fire_smoke', code: 'FIRE_MODEL_MISSING' }]);
    expect(await fireEvents(without)).toBe(0);
    const fireClassifier = {
      score: (_frame: VideoFrame, regions: readonly unknown[]) => Promise.resolve(regions.map(() => 0.9)),
      close: () => Promise.resolve(),
    };
    const withModel = new AnalysisPipeline({ fps: 5, config: { rules: ['fire_smoke'] }, fireClassifier });
    expect(withModel.unavailable).toEqual([]);
    expect(await fireEvents(withModel)).toBe(1);
  });
});

describe('tiled count pass on the frames’ details', () => {
  /** Ten people standing apart (a crowded view), whatever the picture; records the widths it was given. */
  function crowdDetector(widths: number[]): Detector {
    return {
      detect: (frame) => {
        widths.push(frame.width);
        return Promise.resolve(
          Array.from({ length: 10 }, (_, i) => ({
            label: 'person',
            score: 0.9,
            box: { x: 0.05 + (i % 5) * 0.18, y: i < 5 ? 0.1 : 0.55, w: 0.06, h: 0.3 },
          })),
        );
      },
    };
  }
  const gray = (width: number, height: number, t: number): VideoFrame => ({
    data: new Uint8Array(width * height).fill(90),
    width,
    height,
    format: 'gray',
    t,
  });

  it('asks the source for a 1280 px detail on one detection frame in 6 (5 fps), only when a tiled pass runs', () => {
    const detector = crowdDetector([]);
    expect(new AnalysisPipeline({ fps: 5, detector, config: { rules: ['people_count'] } }).countDetail).toEqual({
      width: 1280,
      every: 6,
    });
    expect(
      new AnalysisPipeline({ fps: 5, detector, detectEvery: 3, config: { rules: ['crowd_density'] } }).countDetail,
    ).toEqual({ width: 1280, every: 6 });
    expect(new AnalysisPipeline({ fps: 5, detector, config: { rules: ['intrusion'] } }).countDetail).toBeUndefined();
    expect(new AnalysisPipeline({ fps: 5, config: { rules: ['people_count'] } }).countDetail).toBeUndefined();
  });

  it('cuts the detail into tiles, on the frames that carry one, and never the 64 px frame', async () => {
    const widths: number[] = [];
    const pipeline = new AnalysisPipeline({
      fps: 5,
      detector: crowdDetector(widths),
      config: { rules: ['people_count'] },
    });
    for (let f = 0; f < 30; f++) {
      const frame = gray(64, 36, f * 200);
      // A dropped frame moved the detail off the detection rhythm: the frame with it is detected all the same.
      const withDetail = f % 6 === 0 || f === 27;
      await pipeline.process(withDetail && f !== 24 ? { ...frame, detail: gray(128, 72, frame.t) } : frame);
    }
    // 2×2 tiles of the 128 px detail overlapping by a fifth: 71 px wide; those of the frame would be 36.
    expect(new Set(widths)).toEqual(new Set([64, 71]));
    expect(widths.filter((w) => w === 71).length % 4).toBe(0);
    // Passes on the crowded frames with a detail (the tracks are confirmed after frame 0): 6, 12, 18, 27.
    expect(pipeline.timings.countPasses).toBe(4);
    expect(widths.filter((w) => w === 71)).toHaveLength(16);
    // Detections on the even frames to 26, then 27 (its detail) and 29: the rhythm restarts there.
    expect(pipeline.timings.detections).toBe(16);
  });
});
