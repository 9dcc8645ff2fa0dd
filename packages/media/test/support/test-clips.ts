import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { definedOnly } from '@vigie/core';

/**
 * Renders a short, small synthetic H.264 clip (2 s GOP) for tests; cheap on a shared 2-core machine. Drawn once per
 * machine (in the temp directory, under a hash of the arguments and the ffmpeg binary) and copied: a 120 s clip is
 * 2.4 CPU-s of x264, and a dozen test files draw one.
 */
export async function renderTestClip(options: {
  dir: string;
  seconds: number;
  name?: string;
  /** Seconds between keyframes (default 2). */
  keyframeSeconds?: number;
  /** Picture size (default 320 × 240). */
  width?: number;
  height?: number;
}): Promise<string> {
  const output = join(options.dir, options.name ?? `clip-${options.seconds}s.mp4`);
  const ffmpegPath = locateFfmpeg().path;
  const args = (path: string) =>
    demoClipArgs({
      output: path,
      pattern: 'testsrc2',
      seconds: options.seconds,
      width: options.width ?? 320,
      height: options.height ?? 240,
      fps: 10,
      ...definedOnly({ keyframeSeconds: options.keyframeSeconds }),
    });
  const ffmpeg = statSync(ffmpegPath);
  const key = createHash('sha256')
    .update(JSON.stringify([args(''), ffmpegPath, ffmpeg.size, ffmpeg.mtimeMs]))
    .digest('hex')
    .slice(0, 16);
  const drawn = join(tmpdir(), `vigie-test-clip-${key}.mp4`);
  if (!existsSync(drawn)) {
    // Drawn aside, then renamed: a test running beside never copies half a clip.
    const scratch = join(tmpdir(), `vigie-test-clip-${key}.${randomUUID()}.mp4`);
    await runFfmpeg(ffmpegPath, args(scratch));
    await rename(scratch, drawn);
  }
  await copyFile(drawn, output);
  return output;
}
