import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { VideoFrame } from '@vigie/core';
import type { RgbImage } from './raster.drawing.js';

/** Runs ffmpeg on some input bytes (or a file named in argv); its standard output and log. */
async function runFfmpeg(
  ffmpegPath: string,
  run: { argv: string[]; input?: Uint8Array },
): Promise<{ output: Buffer; log: string }> {
  const child = spawn(ffmpegPath, run.argv, { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let log = '';
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(log.trim().split('\n').slice(-3).join(' | '))),
    );
  });
  child.stdin.on('error', () => undefined); // ffmpeg failing early closes its input; `done` says why.
  child.stdin.end(run.input);
  await done;
  return { output: Buffer.concat(chunks), log };
}

/**
 * Encodes an RGB image to JPEG with ffmpeg's MJPEG encoder (no native module, no download). `quality`
 * is ffmpeg's -q:v, 2 (best) to 31; 4 keeps boxes and labels sharp at ~40 kB for 640×360.
 */
export async function encodeJpeg(
  img: RgbImage,
  options: { ffmpegPath: string; quality?: number },
): Promise<Uint8Array> {
  const argv = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-s',
    `${img.width}x${img.height}`,
    '-i',
    'pipe:0',
    '-frames:v',
    '1',
    '-pix_fmt',
    'yuvj420p',
    '-q:v',
    String(options.quality ?? 4),
    '-f',
    'mjpeg',
    'pipe:1',
  ];
  const { output } = await runFfmpeg(options.ffmpegPath, { argv, input: img.data }).catch((error: unknown) => {
    throw new Error(`ffmpeg could not encode the snapshot: ${error instanceof Error ? error.message : String(error)}`);
  });
  return new Uint8Array(output);
}

/**
 * Decodes a still image (JPEG, PNG…: a file path, or its bytes) to an RGB frame, optionally scaled to a
 * width (height follows, even). For photos and snapshots; videos go through FfmpegFrameSource.
 */
export async function decodeImage(
  image: string | Uint8Array,
  options: { ffmpegPath: string; width?: number },
): Promise<VideoFrame> {
  const fromFile = typeof image === 'string';
  const argv = [
    '-hide_banner',
    '-loglevel',
    'info',
    '-i',
    fromFile ? image : 'pipe:0',
    ...(options.width === undefined ? [] : ['-vf', `scale=${options.width}:-2`]),
    ...rgbFrameOutput('pipe:1'),
  ];
  const { output, log } = await runFfmpeg(options.ffmpegPath, { argv, ...(fromFile ? {} : { input: image }) });
  return rgbFrame(output, log, 0, 'a whole image');
}

/** ffmpeg's output options writing one RGB frame, raw, to `output`. */
function rgbFrameOutput(output: string): string[] {
  return ['-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', output];
}

/** The frame ffmpeg wrote as its output number `index`, its size read from the log; throws naming `what` if cut short. */
function rgbFrame(output: Buffer, log: string, index: number, what: string): VideoFrame {
  const at = log.indexOf(`Output #${index},`);
  const size = at < 0 ? null : /Video: rawvideo[^\n]*?\b(\d{1,5})x(\d{1,5})\b/.exec(log.slice(at));
  const width = Number(size?.[1]);
  const height = Number(size?.[2]);
  if (size === null || output.length !== width * height * 3)
    throw new Error(`ffmpeg did not decode ${what}: ${log.trim().split('\n').slice(-2).join(' | ')}`);
  return { data: new Uint8Array(output), width, height, format: 'rgb24', t: 0 };
}

/**
 * Decodes still image files to RGB frames in one ffmpeg process, each input to an output pipe of its own
 * (file descriptors 3, 4…): the same pixels as `decodeImage` on each, without an ffmpeg start per image
 * (~0.1 CPU-s each, more than decoding a photo).
 */
export async function decodeImages(paths: readonly string[], options: { ffmpegPath: string }): Promise<VideoFrame[]> {
  if (paths.length === 0) return [];
  const argv = [
    ...['-hide_banner', '-loglevel', 'info'],
    ...paths.flatMap((p) => ['-i', p]),
    ...paths.flatMap((_, i) => ['-map', `${i}:v`, ...rgbFrameOutput(`pipe:${3 + i}`)]),
  ];
  const child = spawn(options.ffmpegPath, argv, {
    stdio: ['ignore', 'ignore', 'pipe', ...paths.map(() => 'pipe' as const)],
  });
  const outputs = paths.map((_, i) => {
    const chunks: Buffer[] = [];
    (child.stdio[3 + i] as Readable).on('data', (c: Buffer) => chunks.push(c));
    return chunks;
  });
  let log = '';
  // Piped just above: never null.
  (child.stdio[2] as Readable).on('data', (c: Buffer) => (log += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(log.trim().split('\n').slice(-3).join(' | '))),
    );
  });
  return outputs.map((chunks, i) => rgbFrame(Buffer.concat(chunks), log, i, `the whole image ${paths[i] ?? ''}`));
}
