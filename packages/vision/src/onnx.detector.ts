import type { Detection, Detector, VideoFrame } from '@vigie/core';
import { SessionRunner, WorkerRunner, type InferenceRunner } from './onnx-inference.runner.js';
import { decodeYolox, letterboxFor, type Letterbox } from './yolox.postprocess.js';
import { definedOnly } from '@vigie/core';

/** OnnxDetector settings. */
export interface OnnxDetectorOptions {
  /** YOLOX ONNX file; `yolox_nano_dyn.onnx` accepts any input size multiple of 32. */
  modelPath: string;
  /**
   * Longer side of the network input, multiple of 32; the shorter side follows the frame's aspect
   * (416 on a 16:9 frame → 416×256). 416: the trade-off for 640 px frames at 5 fps.
   */
  inputSize?: number;
  /** CPU threads for one inference (1 per camera: cameras scale better than threads). */
  threads?: number;
  /** Lowest score kept; low scores feed the tracker's second matching stage. */
  minScore?: number;
  nmsIou?: number;
  /** Execution providers in order of preference, e.g. ['cuda', 'cpu']. */
  executionProviders?: string[];
  /** Run inference in a worker thread (default) so that decoding continues meanwhile; false: on this thread. */
  worker?: boolean;
}

/** Time the detector spent, cumulated. */
export interface DetectorStats {
  calls: number;
  /** Letterbox into the input tensor (this thread). */
  preprocessMs: number;
  /** The network itself (worker or this thread). */
  inferenceMs: number;
}

/**
 * YOLOX person and bag detector on onnxruntime-node: letterbox (top-left, pad 114, BGR, raw 0–255,
 * NCHW) into a reused tensor buffer, inference, grid decoding and NMS. Outputs classes and boxes only.
 */
export class OnnxDetector implements Detector {
  /** Input and output buffers not in flight: one each per inference that may be under way. */
  private readonly spare: Float32Array[] = [];
  private readonly spareOutputs: Float32Array[] = [];
  /** Source byte offset of each input column, for the current frame width and scale. */
  private columns = new Int32Array(0);
  private columnsKey = '';

  private constructor(
    private readonly runner: InferenceRunner,
    private readonly options: Required<Omit<OnnxDetectorOptions, 'worker'>>,
    /** Cumulated cost. */
    readonly stats: DetectorStats = { calls: 0, preprocessMs: 0, inferenceMs: 0 },
  ) {}

  /** Loads the model (in a worker thread unless `worker: false`). */
  static async create(options: OnnxDetectorOptions): Promise<OnnxDetector> {
    const { worker = true, ...rest } = options;
    const o: Required<Omit<OnnxDetectorOptions, 'worker'>> = {
      inputSize: 416,
      threads: 1,
      minScore: 0.1,
      nmsIou: 0.45,
      executionProviders: ['cpu'],
      ...rest,
    };
    if (o.inputSize % 32 !== 0) throw new Error(`inputSize must be a multiple of 32, got ${o.inputSize}.`);
    const settings = { modelPath: o.modelPath, threads: o.threads, executionProviders: o.executionProviders };
    const runner = worker ? await WorkerRunner.create(settings) : await SessionRunner.create(settings);
    return new OnnxDetector(runner, o);
  }

  /** Detects persons, backpacks, handbags and suitcases; may be called again before the last call resolved. */
  async detect(frame: VideoFrame): Promise<Detection[]> {
    const start = performance.now();
    const letterbox = letterboxFor(frame, this.options.inputSize);
    const size = 3 * letterbox.inputWidth * letterbox.inputHeight;
    let input = this.spare.pop();
    if (input?.length !== size) input = new Float32Array(size);
    this.fill(frame, { letterbox, input });
    this.stats.preprocessMs += performance.now() - start;
    const output = this.spareOutputs.pop();
    const result = await this.runner.run({
      input,
      width: letterbox.inputWidth,
      height: letterbox.inputHeight,
      ...definedOnly({ output }),
    });
    // A failed inference does not hand its buffers back; new ones are then allocated.
    this.spare.push(result.input);
    this.stats.inferenceMs += result.ms;
    this.stats.calls++;
    const detections = decodeYolox(result.output, {
      letterbox,
      minScore: this.options.minScore,
      nmsIou: this.options.nmsIou,
    });
    this.spareOutputs.push(result.output);
    return detections;
  }

  /**
   * The same model at another input size (the ONNX graph is dynamic), sharing this one's session,
   * worker and cost counters; closing this detector closes it too.
   */
  atInputSize(inputSize: number): OnnxDetector {
    if (inputSize % 32 !== 0) throw new Error(`inputSize must be a multiple of 32, got ${inputSize}.`);
    return new OnnxDetector(this.runner, { ...this.options, inputSize }, this.stats);
  }

  /** Releases the model (and its worker). */
  async close(): Promise<void> {
    await this.runner.close();
  }

  /** Nearest-neighbour letterbox into the planar BGR tensor; padding is 114. */
  private fill(frame: VideoFrame, into: { letterbox: Letterbox; input: Float32Array }): void {
    const { inputWidth, inputHeight, scale } = into.letterbox;
    const plane = inputWidth * inputHeight;
    const w = Math.min(inputWidth, Math.round(frame.width * scale));
    const h = Math.min(inputHeight, Math.round(frame.height * scale));
    const bpp = frame.format === 'rgb24' ? 3 : 1;
    const columns = this.columnsFor(frame, { w, scale, bpp });
    const input = into.input;
    const data = frame.data;
    // RGB bytes: R at +0, G at +1, B at +2; a gray byte feeds all three channels.
    const g = bpp === 3 ? 1 : 0;
    const b = bpp === 3 ? 2 : 0;
    // Padding (114) only where the image does not land: right of each row, and the rows below.
    for (let c = 0; c < 3; c++) {
      const base = c * plane;
      if (w < inputWidth)
        for (let y = 0; y < h; y++) input.fill(114, base + y * inputWidth + w, base + (y + 1) * inputWidth);
      input.fill(114, base + h * inputWidth, base + plane);
    }
    for (let y = 0; y < h; y++) {
      const rowStart = Math.min(frame.height - 1, Math.floor(y / scale)) * frame.width * bpp;
      const out = y * inputWidth;
      for (let x = 0; x < w; x++) {
        const k = rowStart + (columns[x] ?? 0);
        input[out + x] = data[k + b] ?? 0;
        input[plane + out + x] = data[k + g] ?? 0;
        input[2 * plane + out + x] = data[k] ?? 0;
      }
    }
  }

  private columnsFor(frame: VideoFrame, o: { w: number; scale: number; bpp: number }): Int32Array {
    const key = `${frame.width}/${o.w}/${o.scale}/${o.bpp}`;
    if (key !== this.columnsKey) {
      this.columns = new Int32Array(o.w);
      for (let x = 0; x < o.w; x++) this.columns[x] = Math.min(frame.width - 1, Math.floor(x / o.scale)) * o.bpp;
      this.columnsKey = key;
    }
    return this.columns;
  }
}
