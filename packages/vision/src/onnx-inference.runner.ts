import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

/** onnxruntime session settings shared by both runners. */
export interface SessionSettings {
  modelPath: string;
  /** Intra-op threads of one inference (1: a camera costs one core at most; scale with cameras, not threads). */
  threads: number;
  executionProviders: string[];
}

/** What one inference returns: the output rows and the input buffer handed back for the next frame. */
export interface InferenceResult {
  input: Float32Array;
  output: Float32Array;
  /** Milliseconds the inference itself took. */
  ms: number;
}

/** One inference to run: the planar float tensor [1, 3, height, width], and optionally a buffer for the output. */
export interface InferenceRequest {
  input: Float32Array;
  width: number;
  height: number;
  /**
   * Filled with the output when its size fits (saves an allocation per frame; once the output's shape at
   * this input size is known, the model writes into it directly); else a new one is returned.
   */
  output?: Float32Array;
}

/** Runs a single-input, single-output model. */
export interface InferenceRunner {
  run(request: InferenceRequest): Promise<InferenceResult>;
  close(): Promise<void>;
}

/** Session options tuned for a small CPU model run one frame at a time. */
export function sessionOptions(settings: SessionSettings): ort.InferenceSession.SessionOptions {
  return {
    intraOpNumThreads: settings.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    executionProviders: settings.executionProviders,
    // Spinning threads burn a core waiting for work that comes 5 times a second.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}

/** Inference on the calling thread: simplest, but the event loop stops reading frames meanwhile. */
export class SessionRunner implements InferenceRunner {
  /** Output shape per input size (`outputDims` of the worker's code). */
  private readonly outputDims = new Map<string, readonly number[]>();

  private constructor(private readonly session: ort.InferenceSession) {}

  /** Loads the model. */
  static async create(settings: SessionSettings): Promise<SessionRunner> {
    return new SessionRunner(await ort.InferenceSession.create(settings.modelPath, sessionOptions(settings)));
  }

  async run({ input, width, height, output: given }: InferenceRequest): Promise<InferenceResult> {
    const start = performance.now();
    const feeds = { [this.session.inputNames[0] ?? 'images']: new ort.Tensor('float32', input, [1, 3, height, width]) };
    const name = this.session.outputNames[0] ?? 'output';
    const dims = this.outputDims.get(`${width}x${height}`);
    if (dims !== undefined && given?.length === dims.reduce((n, d) => n * d, 1)) {
      await this.session.run(feeds, { [name]: new ort.Tensor('float32', given, dims) });
      return { input, output: given, ms: performance.now() - start };
    }
    const output = (await this.session.run(feeds))[name];
    if (output === undefined) throw new Error('The model produced no output tensor.');
    this.outputDims.set(`${width}x${height}`, output.dims);
    return { input, output: output.data as Float32Array, ms: performance.now() - start };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}

// The worker is plain JavaScript given as a string: it then runs the same way from the TypeScript
// sources (tests) and from dist/, and needs nothing but onnxruntime-node, whose path it is given.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
ort.InferenceSession.create(workerData.modelPath, workerData.options).then(
  (session) => {
    parentPort.postMessage({ ready: true });
    // Output shape per input size, known after its first inference: the next ones have onnxruntime write
    // into the buffer handed in (a pre-allocated output) instead of its own, copied here (the copy that
    // onnxruntime-node returns beside it is left unused).
    const outputDims = new Map();
    parentPort.on('message', async ({ input, width, height, output: given }) => {
      try {
        const start = performance.now();
        const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', input, [1, 3, height, width]) };
        const name = session.outputNames[0];
        const dims = outputDims.get(width + 'x' + height);
        let output = given;
        if (dims !== undefined && given && given.length === dims.reduce((n, d) => n * d, 1))
          await session.run(feeds, { [name]: new ort.Tensor('float32', given, dims) });
        else {
          const result = (await session.run(feeds))[name];
          outputDims.set(width + 'x' + height, result.dims);
          const data = result.data;
          output = given && given.length === data.length ? given : new Float32Array(data.length);
          output.set(data);
        }
        parentPort.postMessage({ input, output, ms: performance.now() - start }, [input.buffer, output.buffer]);
      } catch (error) {
        parentPort.postMessage({ input, error: String(error && error.message) }, [input.buffer]);
      }
    });
  },
  (error) => parentPort.postMessage({ error: String(error && error.message) }),
);
`;

type WorkerReply = { ready: true } | { input?: Float32Array; output?: Float32Array; ms?: number; error?: string };

/**
 * Inference in a worker thread: the input and output buffers are transferred (not copied) there and
 * back, and the event loop stays free to read the next frames from ffmpeg while the model runs —
 * decoding and inference overlap on two cores. One inference at a time; calls are queued.
 */
export class WorkerRunner implements InferenceRunner {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly worker: Worker) {}

  /** Starts the worker and loads the model in it. */
  static async create(settings: SessionSettings): Promise<WorkerRunner> {
    const ortPath = createRequire(import.meta.url).resolve('onnxruntime-node');
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { ortPath, modelPath: settings.modelPath, options: sessionOptions(settings) },
    });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (reply: WorkerReply) => {
        if ('ready' in reply) resolve();
        else reject(new Error(`Cannot load the model ${settings.modelPath}: ${reply.error ?? 'unknown error'}`));
      });
      worker.once('error', reject);
    });
    worker.unref();
    return new WorkerRunner(worker);
  }

  run(request: InferenceRequest): Promise<InferenceResult> {
    const next = this.queue.then(() => this.send(request));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.worker.terminate();
  }

  private send(request: InferenceRequest): Promise<InferenceResult> {
    // Referenced while an inference is in flight, so that the process waits for its answer.
    this.worker.ref();
    return new Promise<InferenceResult>((resolve, reject) => {
      const onError = (error: Error): void => {
        this.worker.unref();
        reject(error);
      };
      this.worker.once('error', onError);
      this.worker.once('message', (reply: WorkerReply) => {
        this.worker.off('error', onError);
        this.worker.unref();
        if ('ready' in reply) return;
        if (reply.input === undefined || reply.output === undefined || reply.ms === undefined)
          reject(new Error(`Inference failed: ${reply.error ?? 'no output'}`));
        else resolve({ input: reply.input, output: reply.output, ms: reply.ms });
      });
      const transfer = [request.input.buffer, ...(request.output === undefined ? [] : [request.output.buffer])];
      this.worker.postMessage(request, transfer as ArrayBuffer[]);
    });
  }
}
