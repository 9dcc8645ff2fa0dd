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
 * Global set-up of the e2e tier: an empty directory where the demo clips are drawn on first use (`withDemoClips`),
 * removed when the tier ends. A demo server on a fresh data directory draws its five
 * clips with ffmpeg (≈ 9 CPU-s, 10–17 s on two cores); the tier's four demo files then draw them once, not four times.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cache = await mkdtemp(join(tmpdir(), 'vigie-e2e-demo-clips-'));
  project.provide('demoClipsCache', cache);
  return () => rm(cache, { recursive: true, force: true });
}

/**
 * The demo clips in the tier's cache, drawn there by the server's own `renderDemoClips` on first use; a worker that
 * asks while another draws them waits for that set (workers run side by side: both would draw them otherwise).
 */
async function cachedDemoClips(): Promise<{ dir: string; clips: string[] }> {
  const cache = inject('demoClipsCache');
  const dir = join(cache, 'demo');
  const drawing = join(cache, 'drawing');
  for (;;) {
    const clips = await readdir(dir).catch(() => undefined);
    if (clips !== undefined) return { dir, clips };
    // Whoever creates the drawing directory draws; the others poll for the finished set.
    const drawer = await mkdir(drawing).then(
      () => true,
      () => false,
    );
    if (!drawer) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      await renderDemoClips({ dataDir: drawing, ffmpegPath: locateFfmpeg().path, log: { info: () => undefined } });
      await rename(join(drawing, 'demo'), dir);
    } finally {
      await rm(drawing, { recursive: true, force: true });
    }
  }
}

/**
 * Puts the demo clips into `<dataDir>/demo`, where a demo server finds them and draws none (it still checks their
 * keyframes): copies of the tier's cached set (`cachedDemoClips`). Returns `dataDir`.
 */
export async function withDemoClips(dataDir: string): Promise<string> {
  const { dir, clips } = await cachedDemoClips();
  await mkdir(join(dataDir, 'demo'), { recursive: true });
  await Promise.all(clips.map((clip) => copyFile(join(dir, clip), join(dataDir, 'demo', clip))));
  return dataDir;
}
