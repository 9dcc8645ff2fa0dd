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
