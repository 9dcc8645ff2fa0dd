import { join } from 'node:path';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { definedOnly } from '@vigie/core';

/** Renders a short, small synthetic H.264 clip (2 s GOP) for tests; cheap on a shared 2-core machine. */
export async function renderTestClip(options: {
  dir: string;
  seconds: number;
  name?: string;
  /** Seconds between keyframes (default 2). */
  keyframeSeconds?: number;
}): Promise<string> {
  const output = join(options.dir, options.name ?? `clip-${options.seconds}s.mp4`);
  await runFfmpeg(
    locateFfmpeg().path,
    demoClipArgs({
      output,
      pattern: 'testsrc2',
      seconds: options.seconds,
      width: 320,
      height: 240,
      fps: 10,
      ...definedOnly({ keyframeSeconds: options.keyframeSeconds }),
    }),
  );
  return output;
}
