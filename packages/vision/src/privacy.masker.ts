import type { Mask, VideoFrame } from '@vigie/core';
import { polygonSpans } from './raster.drawing.js';

/**
 * Blacks out a camera's privacy masks (dwelling interiors and entrances, LEGAL R6) in each frame, in
 * place, before the analysis, a snapshot or an annotated video sees it. The pixel runs are computed
 * once per frame size; a frame then costs one fill per run.
 */
export class PrivacyMasker {
  private runs = new Int32Array(0);
  private key = '';

  constructor(private readonly masks: readonly Pick<Mask, 'polygon'>[]) {}

  /** Whether there is anything to mask. */
  get active(): boolean {
    return this.masks.length > 0;
  }

  /** Paints the masked pixels black (0). */
  apply(frame: VideoFrame): void {
    if (!this.active) return;
    const bpp = frame.format === 'gray' ? 1 : 3;
    const runs = this.runsFor(frame, bpp);
    for (let i = 0; i + 1 < runs.length; i += 2) frame.data.fill(0, runs[i], runs[i + 1]);
  }

  private runsFor(frame: VideoFrame, bpp: number): Int32Array {
    const key = `${frame.width}x${frame.height}x${bpp}`;
    if (key === this.key) return this.runs;
    const runs: number[] = [];
    for (const mask of this.masks)
      polygonSpans(mask.polygon, frame, (row, x0, x1) => {
        runs.push((row * frame.width + x0) * bpp, (row * frame.width + x1) * bpp);
      });
    this.runs = Int32Array.from(runs);
    this.key = key;
    return this.runs;
  }
}
