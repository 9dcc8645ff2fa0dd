import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Root of the shared test data: VIGIE_SHARED_DATA, else ../shared/data beside the repository. */
export const sharedDataDir = process.env['VIGIE_SHARED_DATA'] ?? join(repoRoot, '..', 'shared', 'data');

/** Path of a shared file and whether it is there (tests that need it skip, saying so, when absent). */
export function sharedFile(relative: string): { path: string; present: boolean } {
  const path = join(sharedDataDir, relative);
  return { path, present: existsSync(path) };
}

/** The fire patch classifier: VIGIE_FIRE_MODEL, else the one `npm run train:fire` writes in packages/vision/models. */
export const fireModel = (() => {
  const path = process.env['VIGIE_FIRE_MODEL'] ?? join(repoRoot, 'packages', 'vision', 'models', 'fire_patch.onnx');
  return { path, present: existsSync(path) };
})();

/** The YOLOX-nano model and the clips the tests use. */
export const shared = {
  model: sharedFile('yolox-nano-onnx/yolox_nano_dyn.onnx'),
  aboda: sharedFile('aboda-video4/video4.avi'),
  abodaEvents: sharedFile('aboda-video4/events.json'),
  crowd: sharedFile('overhead-crowd-clip/crowd_overhead_720p.avi'),
  fire: sharedFile('furg-fire-house6-a/house6_part_a.mp4'),
  fireTruth: sharedFile('furg-fire-house6-a/house6_part_a_gt.json'),
  streetCounts: sharedFile('street-crowd-photos-pointgt/counts.json'),
  falls: sharedFile('fall-clips-dev/annotations.json'),
  normal: sharedFile('normal-footage-dev/annotations.json'),
};
