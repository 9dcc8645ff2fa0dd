import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detector } from '@vigie/core';
import { countingError, runClip, scoreRuns, type ClipRun, type EvalClip, type TypeScore } from './event.evaluation.js';
import { overheadHallCount, type CrowdRun, type FireRun, type PhotoCounts } from './real-clips.evaluation.js';
import { renderScene, sceneFormat } from './scene.generator.js';
import { syntheticScenes } from './synthetic.scenes.js';
import { definedOnly } from '@vigie/core';

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
      ...definedOnly({ crossings: scene.crossings }),
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
 * may be off by one crossing in ten. On ABODA the one abandoned bag must be found.
 * Fire (FURG house6, flames from the first frame): the heuristic needs four red-level jumps in 8 frames
 * (flames churn at several hertz; balloons, jackets and zooms do not) and then 3 s above its level in
 * 80 % of the frames, so 3.6 s at the least at 5 fps (measured: 3.4 s, the first jumps coming from the
 * frames before the clip's first analysed one); an alarm more than 4 s after flames are in view would be
 * late (it was 1.2 s, at the price of 74 false alerts per camera-hour on the normal footage). Its region
 * must be on a true fire box.
 * Overhead hall (ordinary walkers, ~0.1 person/m²): any event is a false alarm; none is allowed.
 * Street photos (ground level, occluded groups of up to 53): YOLOX-nano undercounts dense groups;
 * measured relative error 0.27 at 640 px and 0.39 at 416 px (score ≥ 0.3): the limits leave ~25 %
 * headroom against noise and catch a regression in the detector's pre- or post-processing.
 */
export const evalThresholds = {
  syntheticRecall: 1,
  syntheticPrecision: 0.5,
  countingError: 0.1,
  realRecall: 1,
  fireDelayS: 4,
  crowdFalseAlarms: 0,
  photoMinScore: 0.3,
  photoRelativeError: { 416: 0.5, 640: 0.35 } as Record<number, number>,
  /** The tiled pass (crowded views): measured 0.22 on the photos, the limit leaves the same headroom. */
  photoTiledRelativeError: 0.3,
  /**
   * Headcount of the overhead hall at its counted instant (37 by eye, ±2), relative error: measured 0.08
   * (40, tiled) at 416 px, where the confirmed tracks alone give 20 (0.46); 0.2 lets one pass in five
   * miss or double a few walkers and catches the loss of the tiled path.
   */
  overheadCountError: 0.2,
} as const;

/** Which thresholds the real clips and photos miss, as sentences (absent data is not a failure). */
export function realClipFailures(runs: {
  fire: FireRun | undefined;
  crowd: CrowdRun | undefined;
  photos: PhotoCounts[] | undefined;
}): string[] {
  const failures: string[] = [];
  const { fire, crowd, photos } = runs;
  if (fire !== undefined) {
    if (fire.delayS === undefined || fire.delayS > evalThresholds.fireDelayS)
      failures.push(
        `fire_smoke on FURG: delay ${fire.delayS?.toFixed(1) ?? 'none'} s > ${evalThresholds.fireDelayS} s`,
      );
    else if (!fire.onFire) failures.push('fire_smoke on FURG: the region is not on a true fire box');
  }
  if (crowd !== undefined) {
    const alarms = Object.values(crowd.events).reduce((n, c) => n + c, 0);
    if (alarms > evalThresholds.crowdFalseAlarms)
      failures.push(`overhead hall: ${alarms} false alarms (${JSON.stringify(crowd.events)})`);
    const error =
      crowd.counted === undefined
        ? 1
        : Math.abs(crowd.counted.persons - overheadHallCount.persons) / overheadHallCount.persons;
    if (error > evalThresholds.overheadCountError)
      failures.push(
        `overhead hall at ${overheadHallCount.tS} s: ${crowd.counted?.persons ?? 'no'} persons counted of ${overheadHallCount.persons} (error ${error.toFixed(2)} > ${evalThresholds.overheadCountError})`,
      );
  }
  for (const p of photos ?? []) {
    const limit = p.tiled ? evalThresholds.photoTiledRelativeError : evalThresholds.photoRelativeError[p.inputSize];
    if (limit !== undefined && p.relativeError > limit)
      failures.push(
        `street photos ${p.tiled ? 'tiled' : `at ${p.inputSize} px`}: relative error ${p.relativeError.toFixed(2)} > ${limit}`,
      );
  }
  return failures;
}

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
