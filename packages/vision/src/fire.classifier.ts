import type { Box, VideoFrame } from '@vigie/core';
import * as ort from 'onnxruntime-node';
import { sessionOptions } from './onnx-inference.runner.js';

/** Side (px) of the square patches the fire classifier takes (packages/vision/training/train_fire.py). */
export const firePatchSize = 64;

/** Tells whether image regions show flames: one probability (0–1) per region. */
export interface FlameClassifier {
  score(frame: VideoFrame, regions: readonly Box[]): Promise<number[]>;
  close(): Promise<void>;
}

/** Time the classifier spent, cumulated. */
export interface FireClassifierStats {
  calls: number;
  patches: number;
  /** Cropping and resizing the patches, then the network. */
  ms: number;
}

/**
 * The square (normalised to the frame) a region is cut out as: its longer side grown by 30 %,
 * at least 24 px, centred on the region and kept inside the frame, as the training crops are
 * (squares 1.0–1.6× a fire box).
 */
export function patchSquare(region: Box, frame: { width: number; height: number }): Box {
  const side = Math.min(
    frame.width,
    frame.height,
    Math.max(24, 1.3 * Math.max(region.w * frame.width, region.h * frame.height)),
  );
  const cx = (region.x + region.w / 2) * frame.width;
  const cy = (region.y + region.h / 2) * frame.height;
  const x = Math.min(Math.max(0, cx - side / 2), frame.width - side);
  const y = Math.min(Math.max(0, cy - side / 2), frame.height - side);
  return { x: x / frame.width, y: y / frame.height, w: side / frame.width, h: side / frame.height };
}

/**
 * Writes the square `square` of an RGB frame into `out` at `offset` as a planar [3, 64, 64] patch of
 * values 0–1: each output pixel averages the source pixels it covers (area sampling when shrinking,
 * nearest when enlarging), close to the bilinear resize of the training crops.
 */
export function writePatch(frame: VideoFrame, square: Box, out: Float32Array, offset: number): void {
  const n = firePatchSize;
  const plane = n * n;
  const sx = square.x * frame.width;
  const sy = square.y * frame.height;
  const step = (square.w * frame.width) / n;
  for (let py = 0; py < n; py++) {
    const y0 = Math.min(frame.height - 1, Math.floor(sy + py * step));
    const y1 = Math.min(frame.height, Math.max(y0 + 1, Math.floor(sy + (py + 1) * step)));
    for (let px = 0; px < n; px++) {
      const x0 = Math.min(frame.width - 1, Math.floor(sx + px * step));
      const x1 = Math.min(frame.width, Math.max(x0 + 1, Math.floor(sx + (px + 1) * step)));
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const k = (y * frame.width + x) * 3;
          r += frame.data[k] ?? 0;
          g += frame.data[k + 1] ?? 0;
          b += frame.data[k + 2] ?? 0;
        }
      }
      const scale = 1 / (255 * (y1 - y0) * (x1 - x0));
      const i = offset + py * n + px;
      out[i] = r * scale;
      out[i + plane] = g * scale;
      out[i + 2 * plane] = b * scale;
    }
  }
}

/**
 * The fire patch classifier (`npm run train:fire`) on onnxruntime-node, on this thread: a few 64 px
 * patches per frame cost well under a millisecond each, and only while the colour/flicker cue proposes.
 */
export class OnnxFireClassifier implements FlameClassifier {
  /** Cumulated cost. */
  readonly stats: FireClassifierStats = { calls: 0, patches: 0, ms: 0 };

  private constructor(private readonly session: ort.InferenceSession) {}

  /** Loads the model file. */
  static async create(o: { modelPath: string; threads?: number }): Promise<OnnxFireClassifier> {
    const settings = { modelPath: o.modelPath, threads: o.threads ?? 1, executionProviders: ['cpu'] };
    return new OnnxFireClassifier(await ort.InferenceSession.create(o.modelPath, sessionOptions(settings)));
  }

  async score(frame: VideoFrame, regions: readonly Box[]): Promise<number[]> {
    if (regions.length === 0 || frame.format !== 'rgb24') return regions.map(() => 0);
    const start = performance.now();
    const size = 3 * firePatchSize * firePatchSize;
    const input = new Float32Array(size * regions.length);
    regions.forEach((r, i) => writePatch(frame, patchSquare(r, frame), input, i * size));
    const tensor = new ort.Tensor('float32', input, [regions.length, 3, firePatchSize, firePatchSize]);
    const result = await this.session.run({ [this.session.inputNames[0] ?? 'patches']: tensor });
    const output = result[this.session.outputNames[0] ?? 'fire'];
    if (output === undefined) throw new Error('The fire model produced no output tensor.');
    this.stats.calls++;
    this.stats.patches += regions.length;
    this.stats.ms += performance.now() - start;
    return Array.from(output.data as Float32Array);
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
