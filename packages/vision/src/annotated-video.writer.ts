import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { RgbImage } from './raster.drawing.js';

/** AnnotatedVideoWriter settings. */
export interface AnnotatedVideoOptions {
  ffmpegPath: string;
  /** Output .mp4 path (overwritten). */
  output: string;
  /** Frame rate of the images written (the analysis rate). */
  fps: number;
}

/**
 * Writes annotated RGB images into an H.264 MP4 (yuv420p, faststart: plays in browsers) by piping
 * them to ffmpeg; `write` waits when ffmpeg is behind, so memory stays bounded.
 */
export class AnnotatedVideoWriter {
  private child: ChildProcessByStdio<Writable, null, Readable> | undefined;
  private done: Promise<void> | undefined;
  private log = '';
  private size = '';

  constructor(private readonly options: AnnotatedVideoOptions) {}

  /** Appends one image; all images must have the size of the first. */
  async write(img: RgbImage): Promise<void> {
    const size = `${img.width}x${img.height}`;
    const child = this.child ?? this.start(size);
    if (size !== this.size) throw new Error(`Annotated frames changed size from ${this.size} to ${size}.`);
    if (!child.stdin.write(img.data)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          child.stdin.off('drain', go);
          child.off('close', go);
          resolve();
        };
        child.stdin.once('drain', go);
        child.once('close', go);
      });
    }
  }

  /** Finishes the file; fails with ffmpeg's words if it could not write it. */
  async close(): Promise<void> {
    if (this.child === undefined) throw new Error('No frame was written: the annotated video would be empty.');
    this.child.stdin.end();
    await this.done;
  }

  private start(size: string): ChildProcessByStdio<Writable, null, Readable> {
    this.size = size;
    const o = this.options;
    const child = spawn(
      o.ffmpegPath,
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-y',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'rgb24',
        '-s',
        size,
        '-r',
        String(o.fps),
        '-i',
        'pipe:0',
        '-c:v',
        'libx264',
        '-preset',
        'veryfast',
        '-crf',
        '23',
        '-pix_fmt',
        'yuv420p',
        '-movflags',
        '+faststart',
        o.output,
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    child.stderr.on('data', (c: Buffer) => (this.log = (this.log + c.toString()).slice(-4000)));
    child.stdin.on('error', () => undefined); // reported by `done` with ffmpeg's own message
    this.done = new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`ffmpeg could not write ${o.output}: ${this.log.trim()}`)),
      );
    });
    // Reported by close(); until then a failure must not count as unhandled.
    this.done.catch(() => undefined);
    this.child = child;
    return child;
  }
}
