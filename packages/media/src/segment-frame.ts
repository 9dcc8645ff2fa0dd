import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RgbFrame } from '@vigie/core';
import { runFfmpeg } from './ffmpeg-run.js';

/** The size a segment's frame is decoded at to check its masks (normalised polygons do not mind the aspect). */
export const maskCheckFrameSize = { width: 320, height: 240 };

/**
 * The last keyframe of a stored segment, decoded small: ffmpeg decodes its keyframes only (one or two in a
 * segment of a few seconds, the frames between are skipped), scaled to `size`; `workDir` holds the raw frames.
 * A fifth of the CPU of decoding its last second (0.1 against 0.5 CPU-s for 4 s of 1080p at 25 fps, 2 s GOPs).
 */
export async function lastKeyframeOf(
  ffmpegPath: string,
  file: string,
  workDir: string,
  size: { width: number; height: number } = maskCheckFrameSize,
): Promise<RgbFrame> {
  const output = join(workDir, 'keyframes.rgb');
  await runFfmpeg(ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-skip_frame', 'nokey', '-i', file],
    // Each decoded keyframe once (`-vsync`: the 2018 npm build has no `-fps_mode`), not repeated to a constant rate.
    ...['-map', '0:v:0', '-vsync', 'passthrough', '-vf', `scale=${size.width}:${size.height}`],
    ...['-f', 'rawvideo', '-pix_fmt', 'rgb24', output],
  ]);
  const frames = await readFile(output);
  const bytes = size.width * size.height * 3;
  if (frames.length < bytes) throw new Error(`no frame decoded from ${file}`);
  const last = frames.length - (frames.length % bytes) - bytes;
  return { ...size, data: frames.subarray(last, last + bytes) };
}
