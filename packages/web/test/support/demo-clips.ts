import { copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '@vigie/media';
import type { TestProject } from 'vitest/node';
import { inject } from 'vitest';
import { renderDemoClips } from '../../../server/src/demo.js';

declare module 'vitest' {
  /** What the e2e tier's global set-up hands its files. */
  export interface ProvidedContext {
    /** Where the tier keeps the demo clips it drew once (`withDemoClips`), for all its files and workers. */
    demoClipsCache: string;
  }
}

/**
 * Global set-up of the e2e tier: an empty directory where the first demo server of the run leaves the demo clips
 * it drew (`withDemoClips`), removed when the tier ends. A demo server on a fresh data directory draws its five
 * clips with ffmpeg (≈ 9 CPU-s, 10–17 s on two cores); the tier's four demo files then draw them once, not four times.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cache = await mkdtemp(join(tmpdir(), 'vigie-e2e-demo-clips-'));
  project.provide('demoClipsCache', cache);
  return () => rm(cache, { recursive: true, force: true });
}

/**
 * Puts the demo clips into `<dataDir>/demo`, where a demo server finds them and draws none (it still checks their
 * keyframes): drawn by the server's own `renderDemoClips` into the tier's cache on first use (a second worker that
 * draws them at the same time keeps the first set), then copied. Returns `dataDir`.
 */
export async function withDemoClips(dataDir: string): Promise<string> {
  const cache = join(inject('demoClipsCache'), 'demo');
  let clips = await readdir(cache).catch(() => undefined);
  if (clips === undefined) {
    const drawing = await mkdtemp(join(inject('demoClipsCache'), 'drawing-'));
    await renderDemoClips({ dataDir: drawing, ffmpegPath: locateFfmpeg().path, log: { info: () => undefined } });
    await rename(join(drawing, 'demo'), cache).catch(() => undefined);
    await rm(drawing, { recursive: true, force: true });
    clips = await readdir(cache);
  }
  await mkdir(join(dataDir, 'demo'), { recursive: true });
  await Promise.all(clips.map((clip) => copyFile(join(cache, clip), join(dataDir, 'demo', clip))));
  return dataDir;
}
