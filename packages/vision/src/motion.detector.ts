import type { Detection, Detector, VideoFrame } from '@vigie/core';
import type { BackgroundModel } from './background.model.js';

/**
 * A detector without a neural network: the foreground blobs of the background model, called a person
 * when their larger side reaches `personMinSize` of the frame height, else an object. It cannot tell a
 * person from a car or two people walking together; it serves cameras without a model file and the
 * synthetic scenes, where the walkers are drawn shapes no trained detector would recognise.
 */
export class MotionDetector implements Detector {
  constructor(
    private readonly model: BackgroundModel,
    private readonly options: { personMinSize?: number; minArea?: number } = {},
  ) {}

  /** Reads the blobs of the frame the background model has just absorbed. */
  async detect(frame: VideoFrame): Promise<Detection[]> {
    const aspect = frame.width / frame.height;
    const min = this.options.personMinSize ?? 0.1;
    // A blob over a fifth of the view is a lighting change or a covered lens, not a person.
    const blobs = this.model.foregroundBlobs(this.options.minArea ?? 0.0008).filter((b) => b.area < 0.2);
    return blobs.map((b) => ({
      box: b.box,
      label: Math.max(b.box.h, b.box.w * aspect) >= min ? 'person' : 'object',
      score: 0.9,
    }));
  }
}
