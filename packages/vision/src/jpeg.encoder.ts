import { spawn } from 'node:child_process';
import type { RgbImage } from './raster.drawing.js';

/**
 * Encodes an RGB image to JPEG with ffmpeg's MJPEG encoder (no native module, no download). `quality`
 * is ffmpeg's -q:v, 2 (best) to 31; 4 keeps boxes and labels sharp at ~50 kB for 640×360.
 */
export async function encodeJpeg(
  img: RgbImage,
  options: { ffmpegPath: string; quality?: number },
): Promise<Uint8Array> {
  const child = spawn(
    options.ffmpegPath,
    [
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
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const chunks: Buffer[] = [];
  let log = '';
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg could not encode the snapshot: ${log.trim()}`)),
    );
  });
  child.stdin.on('error', () => undefined); // ffmpeg failing early closes its input; `done` says why.
  child.stdin.end(img.data);
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
