import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RgbFrame } from '@vigie/core';
import { runFfmpeg } from './ffmpeg-run.js';

/** The size a segment's frame is decoded at to check its masks (normalised polygons do not mind the aspect). */
export const maskCheckFrameSize = { width: 320, height: 240 };

/**
 * The last frame of a stored segment, decoded small: ffmpeg seeks to the keyframe before its last second and
 * decodes from there (a GOP at most, not the whole segment), scaled to `size`; `workDir` holds the raw frames.
 */
export async function lastFrameOf(
  ffmpegPath: string,
  file: string,
  workDir: string,
  size: { width: number; height: number } = maskCheckFrameSize,
): Promise<RgbFrame> {
  const output = join(workDir, 'last-second.rgb');
  await runFfmpeg(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-sseof', '-1', '-i', file],
    ...['-map', '0:v:0', '-vf', `scale=${size.width}:${size.height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', output],
  ]);
  const frames = await readFile(output);
  const bytes = size.width * size.height * 3;
  if (frames.length < bytes) throw new Error(`no frame decoded from ${file}`);
  const last = frames.length - (frames.length % bytes) - bytes;
  return { ...size, data: frames.subarray(last, last + bytes) };
}
