import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { madeOncePerMachine } from '@vigie/media/testing';
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
  const ffmpegPath = locateFfmpeg().path;
  const drawn = await madeOncePerMachine(
    'vigie-test-clip',
    [JSON.stringify(args(''))],
    (path) => runFfmpeg(ffmpegPath, args(path)),
    '.mp4',
  );
  await copyFile(drawn, output);
  return output;
}
