import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { VideoFrame } from '@vigie/core';

/** FfmpegFrameSource settings. */
export interface FrameSourceOptions {
  /** ffmpeg binary (entry points resolve it with locateFfmpeg() from @vigie/media). */
  ffmpegPath: string;
  /** File path or stream URL. */
  input: string;
  /**
   * How the ffmpeg command is run: `dyingWithParent` from @vigie/media, so that a process killed with
   * SIGKILL leaves no ffmpeg waiting on a silent source (it never hits a broken pipe); default: as is.
   */
  launch?: (command: string, args: readonly string[]) => { command: string; args: string[] };
  /** Analysis rate, frames per second. */
  fps: number;
  /** Output width in pixels (height follows the aspect ratio, even). */
  width: number;
  format: 'gray' | 'rgb24';
  /** Frames held for a slow consumer. */
  queueSize?: number;
  /**
   * 'drop' (live cameras): ffmpeg is never slowed, the oldest queued frame is dropped and counted.
   * 'wait' (clips, evaluation): ffmpeg's output is paused until the consumer catches up.
   */
  whenBehind?: 'drop' | 'wait';
  /** Read a file at its native rate, as a camera would deliver it. */
  realtime?: boolean;
  /** Decoding threads (default 1: a camera then costs at most one core, and many cameras share the cores). */
  decodeThreads?: number;
  /**
   * Skip decoding the frames no other frame refers to (H.264/HEVC B-frames), default true: at an analysis
   * rate well below the camera's, the frame kept for each analysis instant is then at most one source frame
   * interval away from it. Streams without such frames (most IP cameras) decode as before.
   */
  skipNonReference?: boolean;
  /**
   * Also decode one analysis frame in `every` at the source's own width capped at `width` (height
   * following), attached to it as `detail`: the tiled count pass of crowded views looks at it (a second
   * ffmpeg output on file descriptor 3, from the same decoded frames). Absent: no detail.
   */
  detail?: { width: number; every: number };
  signal?: AbortSignal;
}

/**
 * The ffmpeg arguments that decode an input to raw frames on stdout: ffmpeg drops to the analysis rate
 * first, then scales and converts in one cheap step (fast bilinear), so that only the frames analysed
 * are converted. `-benchmark` makes it print its CPU time at the end (read into `decodeCpuMs`).
 */
export function frameSourceArgs(options: FrameSourceOptions): string[] {
  const scale = `scale=${options.width}:-2:flags=fast_bilinear`;
  const detail = options.detail;
  const output = ['-pix_fmt', options.format, '-f', 'rawvideo'];
  // The detail frames are the analysis frames numbered 0, every, 2·every… (`select`, passed through as
  // they are: `-vsync passthrough`, understood by ffmpeg 4 to 7, else the muxer repeats them to 5 fps).
  const outputs =
    detail === undefined
      ? ['-an', '-sn', '-dn', '-vf', `fps=${options.fps},${scale}`, ...output, 'pipe:1']
      : [
          '-filter_complex',
          `[0:v]fps=${options.fps},split=2[a][b];[a]${scale}[frames];` +
            `[b]select='not(mod(n\\,${detail.every}))',scale='min(iw\\,${detail.width})':-2:flags=bilinear[detail]`,
          '-vsync',
          'passthrough',
          ...['-map', '[frames]', ...output, 'pipe:1'],
          ...['-map', '[detail]', ...output, 'pipe:3'],
        ];
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-benchmark',
    '-loglevel',
    'info',
    '-threads',
    String(options.decodeThreads ?? 1),
    ...((options.skipNonReference ?? true) ? ['-skip_frame', 'noref'] : []),
    ...(options.realtime ? ['-re'] : []),
    ...(options.input.startsWith('rtsp') ? ['-rtsp_transport', 'tcp'] : []),
    '-i',
    options.input,
    ...outputs,
  ];
}

/** Reads the input duration from ffmpeg's log ("Duration: 00:00:13.82"), undefined for live streams. */
export function parseDuration(log: string): number | undefined {
  const m = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(log);
  if (m === null) return undefined;
  return (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000;
}

/** Reads ffmpeg's own CPU time from its `-benchmark` line ("bench: utime=0.792s stime=0.036s"), in ms. */
export function parseCpuTime(log: string): number | undefined {
  const m = /bench: utime=([\d.]+)s stime=([\d.]+)s/.exec(log);
  return m === null ? undefined : (Number(m[1]) + Number(m[2])) * 1000;
}

/** Reads an output's size from ffmpeg's log ("Output #0 … Video: rawvideo … 640x360"; `output` 1: the detail's). */
export function parseOutputSize(log: string, output = 0): { width: number; height: number } | undefined {
  const out = log.indexOf(`Output #${output}`);
  if (out < 0) return undefined;
  const m = /Video: rawvideo[^\n]*?\b(\d{2,5})x(\d{2,5})\b/.exec(log.slice(out));
  return m === null ? undefined : { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Decodes a file or camera with ffmpeg into raw frames, as an async iterable with timestamps. A slow
 * consumer loses frames (counted in `dropped`) rather than slowing ffmpeg, unless `whenBehind: 'wait'`.
 */
export class FfmpegFrameSource implements AsyncIterable<VideoFrame> {
  /** Frames dropped because the consumer was behind. */
  dropped = 0;
  /** Frames handed to the consumer. */
  delivered = 0;
  /** Output frame size, known once ffmpeg has started. */
  size: { width: number; height: number } | undefined;
  /** Input duration (ms) once ffmpeg has opened it; undefined for live streams. */
  durationMs: number | undefined;
  /** CPU time ffmpeg spent (ms), known once it has finished on its own. */
  decodeCpuMs: number | undefined;
  /** Buffers handed back by the consumer, reused for the next frames (no allocation, less GC). */
  private readonly spare: Uint8Array[] = [];

  constructor(private readonly options: FrameSourceOptions) {}

  /**
   * Hands a delivered frame's buffer back to be filled with a later frame: call it only once nothing
   * reads that frame any more (a pipeline's `analyse` loop, after the frame's result was used).
   */
  recycle(data: Uint8Array): void {
    if (this.spare.length < 8) this.spare.push(data);
  }

  private takeSpare(bytes: number): Uint8Array | undefined {
    let data = this.spare.pop();
    while (data !== undefined && data.length !== bytes) data = this.spare.pop();
    return data;
  }

  /** Iterates the frames; breaking out of the loop or aborting stops ffmpeg. */
  async *[Symbol.asyncIterator](): AsyncIterator<VideoFrame> {
    const o = this.options;
    const bpp = o.format === 'gray' ? 1 : 3;
    const max = o.queueSize ?? 4;
    const every = o.detail?.every;
    const run = o.launch?.(o.ffmpegPath, frameSourceArgs(o)) ?? { command: o.ffmpegPath, args: frameSourceArgs(o) };
    // File descriptor 3: the detail frames' pipe.
    const child = spawn(run.command, run.args, {
      stdio: ['ignore', 'pipe', 'pipe', every === undefined ? 'ignore' : 'pipe'],
    });
    // Piped just above: never null.
    const stdout = child.stdio[1] as Readable;
    const stderr = child.stdio[2] as Readable;
    const detailPipe = child.stdio[3] as Readable | null;
    /** Frames in order, with their number; one whose detail is still on its way is not handed out yet. */
    const queue: { frame: VideoFrame; index: number }[] = [];
    /** Queued frames waiting for their detail, and details that came before their frame, by frame number. */
    const waiting = new Map<number, VideoFrame>();
    const early = new Map<number, VideoFrame>();
    let log = '';
    // Mutated by the child's callbacks: an object keeps TypeScript from narrowing them to constants.
    const state: { ended: boolean; failure: Error | undefined } = { ended: false, failure: undefined };
    let wake: (() => void) | undefined;
    const notify = (): void => {
      wake?.();
      wake = undefined;
    };
    let index = 0;
    /** The analysis frame numbered `n` (or its detail), from its pixels. */
    const frameAt = (data: Uint8Array, size: { width: number; height: number }, n: number): VideoFrame => ({
      data,
      width: size.width,
      height: size.height,
      format: o.format,
      t: (n * 1000) / o.fps,
    });
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      log = (log + chunk).slice(-20_000);
      this.size ??= parseOutputSize(log);
      this.durationMs ??= parseDuration(log);
    });
    const frames = reader({
      size: () => (this.size ??= parseOutputSize(log)),
      bpp,
      buffer: (bytes) => this.takeSpare(bytes) ?? new Uint8Array(bytes),
      fail: () => {
        state.failure = new Error('ffmpeg sent frames before announcing their size.');
        child.kill('SIGKILL');
      },
    });
    stdout.on('data', (chunk: Buffer) => {
      for (const { data, size } of frames(chunk)) {
        if (queue.length >= max && (o.whenBehind ?? 'drop') === 'drop') {
          const oldest = queue.shift();
          if (oldest !== undefined) waiting.delete(oldest.index);
          this.dropped++;
        }
        const frame = frameAt(data, size, index);
        const detail = early.get(index);
        if (detail !== undefined) {
          frame.detail = detail;
          early.delete(index);
        } else if (every !== undefined && index % every === 0) waiting.set(index, frame);
        queue.push({ frame, index });
        index++;
      }
      // Not while the first frame waits for its detail: ffmpeg, blocked on this pipe, might not write it.
      const head = queue[0];
      if (queue.length >= max && o.whenBehind === 'wait' && head !== undefined && !waiting.has(head.index))
        stdout.pause();
      notify();
    });
    if (every !== undefined && detailPipe !== null) {
      let number = 0;
      const details = reader({
        size: () => parseOutputSize(log, 1),
        bpp,
        buffer: (bytes) => new Uint8Array(bytes),
        fail: () => {
          state.failure = new Error('ffmpeg sent detail frames before announcing their size.');
          child.kill('SIGKILL');
        },
      });
      detailPipe.on('data', (chunk: Buffer) => {
        for (const { data, size } of details(chunk)) {
          const of = number++ * every;
          const detail = frameAt(data, size, of);
          const frame = waiting.get(of);
          if (frame !== undefined) {
            frame.detail = detail;
            waiting.delete(of);
          }
          // Kept for a frame still to come; dropped with a frame dropped meanwhile.
          else if (of >= index) early.set(of, detail);
        }
        notify();
      });
    }
    child.on('error', (error) => {
      state.failure = error;
      notify();
    });
    child.on('close', (code, signal) => {
      state.ended = true;
      this.decodeCpuMs = parseCpuTime(log);
      if (code !== 0 && state.failure === undefined && signal === null && !(o.signal?.aborted ?? false)) {
        state.failure = new Error(
          `ffmpeg exited with code ${String(code)}: ${log.trim().split('\n').slice(-3).join(' | ')}`,
        );
      }
      notify();
    });
    const abort = (): void => {
      child.kill('SIGTERM');
      // The loop returns at once: waiting for ffmpeg to close (or send a frame) delayed the stop button by seconds.
      notify();
    };
    o.signal?.addEventListener('abort', abort, { once: true });
    try {
      for (;;) {
        // Aborted: no further frame, even one already queued.
        if (o.signal?.aborted ?? false) return;
        const head = queue[0];
        if (head !== undefined && (!waiting.has(head.index) || state.ended)) {
          queue.shift();
          waiting.delete(head.index);
          if (stdout.isPaused() && queue.length < max) stdout.resume();
          this.delivered++;
          yield head.frame;
          continue;
        }
        if (state.failure !== undefined) throw state.failure;
        if (state.ended) return;
        // The first frame waits for its detail: ffmpeg must not be held on the frames' pipe meanwhile.
        if (head !== undefined && stdout.isPaused()) stdout.resume();
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      o.signal?.removeEventListener('abort', abort);
      if (!state.ended) {
        child.kill('SIGTERM');
        // An ffmpeg that does not end on SIGTERM (blocked writing to the pipe no one reads now) is killed.
        setTimeout(() => {
          if (!state.ended) child.kill('SIGKILL');
        }, 3000).unref();
      }
    }
  }
}

/**
 * Cuts a raw video pipe's chunks into frames of the size ffmpeg announced: a function of each chunk to
 * the frames it completes (the bytes of a frame cut between chunks are kept for the next).
 */
function reader(o: {
  size: () => { width: number; height: number } | undefined;
  bpp: number;
  buffer: (bytes: number) => Uint8Array;
  fail: () => void;
}): (chunk: Buffer) => { data: Uint8Array; size: { width: number; height: number } }[] {
  let frame: Uint8Array | undefined;
  let filled = 0;
  return (chunk) => {
    const size = o.size();
    if (size === undefined) {
      o.fail();
      return [];
    }
    const frameBytes = size.width * size.height * o.bpp;
    const done: { data: Uint8Array; size: { width: number; height: number } }[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      frame ??= o.buffer(frameBytes);
      const n = Math.min(frameBytes - filled, chunk.length - offset);
      frame.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled < frameBytes) break;
      done.push({ data: frame, size });
      frame = undefined;
      filled = 0;
    }
    return done;
  };
}
