import { spawn } from 'node:child_process';
import type { VideoFrame } from '@vigie/core';

/** FfmpegFrameSource settings. */
export interface FrameSourceOptions {
  /** ffmpeg binary (entry points resolve it with locateFfmpeg() from @vigie/media). */
  ffmpegPath: string;
  /** File path or stream URL. */
  input: string;
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
  signal?: AbortSignal;
}

/** The ffmpeg arguments that decode an input to raw frames on stdout. */
export function frameSourceArgs(options: FrameSourceOptions): string[] {
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'info',
    ...(options.realtime ? ['-re'] : []),
    ...(options.input.startsWith('rtsp') ? ['-rtsp_transport', 'tcp'] : []),
    '-i',
    options.input,
    '-an',
    '-sn',
    '-vf',
    `fps=${options.fps},scale=${options.width}:-2:flags=bilinear`,
    '-pix_fmt',
    options.format,
    '-f',
    'rawvideo',
    'pipe:1',
  ];
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

  constructor(private readonly options: FrameSourceOptions) {}

  /** Iterates the frames; breaking out of the loop or aborting stops ffmpeg. */
  async *[Symbol.asyncIterator](): AsyncIterator<VideoFrame> {
    const o = this.options;
    const bpp = o.format === 'gray' ? 1 : 3;
    const max = o.queueSize ?? 4;
    const child = spawn(o.ffmpegPath, frameSourceArgs(o), { stdio: ['ignore', 'pipe', 'pipe'] });
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
        frame ??= new Uint8Array(frameBytes);
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
      if (code !== 0 && state.failure === undefined && signal === null && !(o.signal?.aborted ?? false)) {
        state.failure = new Error(
          `ffmpeg exited with code ${String(code)}: ${log.trim().split('\n').slice(-3).join(' | ')}`,
        );
      }
      notify();
    });
    const abort = (): void => {
      child.kill('SIGTERM');
    };
    o.signal?.addEventListener('abort', abort, { once: true });
    try {
      for (;;) {
        const next = queue.shift();
        if (next !== undefined) {
          if (child.stdout.isPaused() && queue.length < max) child.stdout.resume();
          this.delivered++;
          yield next;
          continue;
        }
        if (state.failure !== undefined) throw state.failure;
        if (state.ended || (o.signal?.aborted ?? false)) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      o.signal?.removeEventListener('abort', abort);
      if (!state.ended) child.kill('SIGTERM');
    }
  }
}
