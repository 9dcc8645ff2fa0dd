import { spawn } from 'node:child_process';
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
  signal?: AbortSignal;
}

/**
 * The ffmpeg arguments that decode an input to raw frames on stdout: ffmpeg drops to the analysis rate
 * first, then scales and converts in one cheap step (fast bilinear), so that only the frames analysed
 * are converted. `-benchmark` makes it print its CPU time at the end (read into `decodeCpuMs`).
 */
export function frameSourceArgs(options: FrameSourceOptions): string[] {
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
    '-an',
    '-sn',
    '-dn',
    '-vf',
    `fps=${options.fps},scale=${options.width}:-2:flags=fast_bilinear`,
    '-pix_fmt',
    options.format,
    '-f',
    'rawvideo',
    'pipe:1',
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

/** Reads the output size from ffmpeg's log ("Output #0 … Video: rawvideo … 640x360"). */
export function parseOutputSize(log: string): { width: number; height: number } | undefined {
  const out = log.indexOf('Output #0');
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
    const run = o.launch?.(o.ffmpegPath, frameSourceArgs(o)) ?? { command: o.ffmpegPath, args: frameSourceArgs(o) };
    const child = spawn(run.command, run.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const queue: VideoFrame[] = [];
    let log = '';
    // Mutated by the child's callbacks: an object keeps TypeScript from narrowing them to constants.
    const state: { ended: boolean; failure: Error | undefined } = { ended: false, failure: undefined };
    let wake: (() => void) | undefined;
    const notify = (): void => {
      wake?.();
      wake = undefined;
    };
    let frame: Uint8Array | undefined;
    let filled = 0;
    let index = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      log = (log + chunk).slice(-20_000);
      this.size ??= parseOutputSize(log);
      this.durationMs ??= parseDuration(log);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const size = this.size ?? parseOutputSize(log);
      if (size === undefined) {
        state.failure = new Error('ffmpeg sent frames before announcing their size.');
        child.kill('SIGKILL');
        return;
      }
      this.size = size;
      const frameBytes = size.width * size.height * bpp;
      let offset = 0;
      while (offset < chunk.length) {
        frame ??= this.takeSpare(frameBytes) ?? new Uint8Array(frameBytes);
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled < frameBytes) break;
        if (queue.length >= max && (o.whenBehind ?? 'drop') === 'drop') {
          queue.shift();
          this.dropped++;
        }
        queue.push({
          data: frame,
          width: size.width,
          height: size.height,
          format: o.format,
          t: (index * 1000) / o.fps,
        });
        index++;
        frame = undefined;
        filled = 0;
      }
      if (queue.length >= max && o.whenBehind === 'wait') child.stdout.pause();
      notify();
    });
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
        const next = queue.shift();
        if (next !== undefined) {
          if (child.stdout.isPaused() && queue.length < max) child.stdout.resume();
          this.delivered++;
          yield next;
          continue;
        }
        if (state.failure !== undefined) throw state.failure;
        if (state.ended) return;
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
