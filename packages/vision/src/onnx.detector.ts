import type { Detection, Detector, VideoFrame } from '@vigie/core';
import * as ort from 'onnxruntime-node';
import { decodeYolox, letterboxFor } from './yolox.postprocess.js';

/** OnnxDetector settings. */
export interface OnnxDetectorOptions {
  /** YOLOX ONNX file; `yolox_nano_dyn.onnx` accepts any input size multiple of 32. */
  modelPath: string;
  /** Square network input, multiple of 32 (416: a good trade-off for 720p at 5 fps). */
  inputSize?: number;
  /** CPU threads for one inference. */
  threads?: number;
  /** Lowest score kept; low scores feed the tracker's second matching stage. */
  minScore?: number;
  nmsIou?: number;
  /** Execution providers in order of preference, e.g. ['cuda', 'cpu']. */
  executionProviders?: string[];
}

/**
 * YOLOX person and bag detector on onnxruntime-node: letterbox (top-left, pad 114, BGR, raw 0–255,
 * NCHW) into a preallocated tensor, inference, grid decoding and NMS. Outputs classes and boxes only.
 */
export class OnnxDetector implements Detector {
  private readonly input: Float32Array;

  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly options: Required<OnnxDetectorOptions>,
  ) {
    const s = options.inputSize;
    this.input = new Float32Array(3 * s * s);
  }

  /** Loads the model. */
  static async create(options: OnnxDetectorOptions): Promise<OnnxDetector> {
    const o: Required<OnnxDetectorOptions> = {
      inputSize: 416,
      threads: 1,
      minScore: 0.1,
      nmsIou: 0.45,
      executionProviders: ['cpu'],
      ...options,
    };
    if (o.inputSize % 32 !== 0) throw new Error(`inputSize must be a multiple of 32, got ${o.inputSize}.`);
    const session = await ort.InferenceSession.create(o.modelPath, {
      intraOpNumThreads: o.threads,
      interOpNumThreads: 1,
      executionProviders: o.executionProviders,
    });
    return new OnnxDetector(session, o);
  }

  /** Detects persons, backpacks, handbags and suitcases. */
  async detect(frame: VideoFrame): Promise<Detection[]> {
    const size = this.options.inputSize;
    const letterbox = letterboxFor(frame, size);
    this.fill(frame, letterbox.scale);
    const tensor = new ort.Tensor('float32', this.input, [1, 3, size, size]);
    const result = await this.session.run({ [this.session.inputNames[0] ?? 'images']: tensor });
    const output = result[this.session.outputNames[0] ?? 'output'];
    if (output === undefined) throw new Error('The model produced no output tensor.');
    return decodeYolox(output.data as Float32Array, {
      letterbox,
      minScore: this.options.minScore,
      nmsIou: this.options.nmsIou,
    });
  }

  /** Releases the model. */
  async close(): Promise<void> {
    await this.session.release();
  }

  /** Nearest-neighbour letterbox into the planar BGR tensor; padding is 114. */
  private fill(frame: VideoFrame, scale: number): void {
    const size = this.options.inputSize;
    const plane = size * size;
    const w = Math.min(size, Math.round(frame.width * scale));
    const h = Math.min(size, Math.round(frame.height * scale));
    const rgb = frame.format === 'rgb24';
    this.input.fill(114);
    for (let y = 0; y < h; y++) {
      const sy = Math.min(frame.height - 1, Math.floor(y / scale));
      for (let x = 0; x < w; x++) {
        const sx = Math.min(frame.width - 1, Math.floor(x / scale));
        const i = y * size + x;
        if (rgb) {
          const k = (sy * frame.width + sx) * 3;
          this.input[i] = frame.data[k + 2] ?? 0;
          this.input[plane + i] = frame.data[k + 1] ?? 0;
          this.input[2 * plane + i] = frame.data[k] ?? 0;
        } else {
          const g = frame.data[sy * frame.width + sx] ?? 0;
          this.input[i] = g;
          this.input[plane + i] = g;
          this.input[2 * plane + i] = g;
        }
      }
    }
  }
}
