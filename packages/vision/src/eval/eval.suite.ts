import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detector } from '@vigie/core';
import { countingError, runClip, scoreRuns, type ClipRun, type EvalClip, type TypeScore } from './event.evaluation.js';
import { renderScene, sceneFormat } from './scene.generator.js';
import { syntheticScenes } from './synthetic.scenes.js';

/** Renders the synthetic scenes into `dir` and runs the pipeline (motion detector) on each. */
export async function runSynthetic(options: { ffmpegPath: string; dir: string }): Promise<ClipRun[]> {
  const runs: ClipRun[] = [];
  for (const scene of syntheticScenes) {
    const path = join(options.dir, `${scene.name}.mp4`);
    await renderScene(scene, { ffmpegPath: options.ffmpegPath, output: path });
    const clip: EvalClip = {
      name: scene.name,
      path,
      fps: sceneFormat.fps,
      width: sceneFormat.width,
      config: scene.config,
      expected: scene.expected,
      ...(scene.crossings === undefined ? {} : { crossings: scene.crossings }),
    };
    runs.push(await runClip(clip, { ffmpegPath: options.ffmpegPath }));
  }
  return runs;
}

interface AbodaTruth {
  fps: number;
  events: { type: 'abandoned_object'; objectPresentUntilFrame: number }[];
}

/**
 * The ABODA video4 clip with YOLOX: the bag is left around frames 390–450 and its owner is gone by
 * frame ~690; a 10 s unattended rule should fire between ~28 s and the end (39 s). Every other event
 * it raises counts as a false positive (nothing else happens in the clip).
 */
export function abodaClip(options: { sharedDir: string; detector: Detector }): EvalClip | undefined {
  const path = join(options.sharedDir, 'aboda-video4', 'video4.avi');
  const truthPath = join(options.sharedDir, 'aboda-video4', 'events.json');
  if (!existsSync(path) || !existsSync(truthPath)) return undefined;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as AbodaTruth;
  const end = (truth.events[0]?.objectPresentUntilFrame ?? 1168) / truth.fps;
  return {
    name: 'aboda-video4',
    path,
    fps: 5,
    width: 640,
    detector: options.detector,
    config: {
      rules: [
        'abandoned_object',
        'object_removed',
        'rapid_movement',
        'person_on_ground',
        'crowd_movement',
        'camera_tamper',
        'fire_smoke',
      ],
    },
    expected: [{ type: 'abandoned_object', from: 28, to: end + 0.5 }],
  };
}

/**
 * Thresholds the evaluation must meet. Synthetic scenes are clean renderings: every expected event
 * must be found (recall 1) and at most one spurious event per true one (precision ≥ 0.5); counting
 * may be off by one crossing in ten. On the real clip the one abandoned bag must be found.
 */
export const evalThresholds = {
  syntheticRecall: 1,
  syntheticPrecision: 0.5,
  countingError: 0.1,
  realRecall: 1,
} as const;

/** Which thresholds the scores miss, as sentences (empty when all pass). */
export function thresholdFailures(scores: {
  synthetic: TypeScore[];
  real: TypeScore[];
  synthRuns: ClipRun[];
}): string[] {
  const failures: string[] = [];
  for (const s of scores.synthetic) {
    if (s.truePositives + s.falseNegatives > 0 && s.recall < evalThresholds.syntheticRecall)
      failures.push(`synthetic ${s.type}: recall ${s.recall.toFixed(2)} < ${evalThresholds.syntheticRecall}`);
    if (s.precision < evalThresholds.syntheticPrecision)
      failures.push(`synthetic ${s.type}: precision ${s.precision.toFixed(2)} < ${evalThresholds.syntheticPrecision}`);
  }
  const err = countingError(scores.synthRuns);
  if (err > evalThresholds.countingError) failures.push(`counting error ${(err * 100).toFixed(0)} % > 10 %`);
  for (const s of scores.real)
    if (s.truePositives + s.falseNegatives > 0 && s.recall < evalThresholds.realRecall)
      failures.push(`real ${s.type}: recall ${s.recall.toFixed(2)} < ${evalThresholds.realRecall}`);
  return failures;
}

export { scoreRuns };
