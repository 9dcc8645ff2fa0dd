import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';
import {
  devClips,
  devFailures,
  runDevClip,
  runDevClipPasses,
  scoreDevRuns,
  type DevPass,
  type DevRun,
} from '../src/eval/dev-set.evaluation.js';
import { countingError, runClip, scoreRuns } from '../src/eval/event.evaluation.js';
import {
  abodaClip,
  evalThresholds,
  realClipFailures,
  runSynthetic,
  thresholdFailures,
} from '../src/eval/eval.suite.js';
import { runFireClip, runOverheadCrowd, runPhotoCounts } from '../src/eval/real-clips.evaluation.js';
import { OnnxDetector } from '../src/onnx.detector.js';
import { OnnxFireClassifier } from '../src/fire.classifier.js';
import { fireModel, shared, sharedDataDir } from './shared-data.fixture.js';

const ffmpegPath = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-eval-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const realReady = shared.model.present && shared.aboda.present && shared.abodaEvents.present;
const fireReady = shared.fire.present && shared.fireTruth.present && fireModel.present;
const crowdReady = shared.model.present && shared.crowd.present;
const photosReady = shared.model.present && shared.streetCounts.present;
const fireDevReady = shared.normal.present && shared.fire.present && fireModel.present;
const fallsReady = shared.model.present && shared.falls.present && shared.normal.present;
const absent = (ready: boolean, what: string) => (ready ? '' : ` (skipped: ${what} absent under ${sharedDataDir})`);

/**
 * The normal footage through the fire rule (fire model) and through the falls' rules (person detector),
 * both from one decode of each clip: the two dev-set tests read these runs, the first to run makes them.
 */
let normalFootage: Promise<{ fire: DevRun[]; falls: DevRun[] }> | undefined;
function normalFootageRuns(): Promise<{ fire: DevRun[]; falls: DevRun[] }> {
  normalFootage ??= (async () => {
    const fireClassifier = fireDevReady ? await OnnxFireClassifier.create({ modelPath: fireModel.path }) : undefined;
    const detector = fallsReady
      ? await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 416 })
      : undefined;
    try {
      const passes: DevPass[] = [
        ...(fireClassifier === undefined ? [] : [{ rules: ['fire_smoke'], fireClassifier } satisfies DevPass]),
        ...(detector === undefined
          ? []
          : [{ rules: ['person_on_ground', 'people_count'], detector } satisfies DevPass]),
      ];
      const runs = { fire: [] as DevRun[], falls: [] as DevRun[] };
      for (const clip of devClips(sharedDataDir).filter((c) => c.set === 'normal')) {
        const [first, second] = await runDevClipPasses(clip, { ffmpegPath, passes });
        if (fireClassifier !== undefined && first !== undefined) runs.fire.push(first);
        const falls = fireClassifier === undefined ? first : second;
        if (detector !== undefined && falls !== undefined) runs.falls.push(falls);
      }
      return runs;
    } finally {
      await fireClassifier?.close();
      await detector?.close();
    }
  })();
  return normalFootage;
}

describe('evaluation against ground truth', () => {
  it('finds every event of the synthetic scenes (bag left and taken, crowd, runner, wrong way, fall, intrusion, covered lens) and counts crossings', async () => {
    const runs = await runSynthetic({ ffmpegPath, dir });
    const scores = scoreRuns(runs);
    expect(scores.map((s) => s.type).sort()).toEqual(
      [
        'abandoned_object',
        'camera_tamper',
        'crowd_density',
        'crowd_movement',
        'intrusion',
        'object_removed',
        'person_on_ground',
        'rapid_movement',
        'wrong_way',
      ].sort(),
    );
    expect(thresholdFailures({ synthetic: scores, real: [], synthRuns: runs })).toEqual([]);
    expect(countingError(runs)).toBeLessThanOrEqual(evalThresholds.countingError);
  }, 120_000);

  it.skipIf(!realReady)(
    `flags the bag left on the ABODA video4 pavement within its window${realReady ? '' : ` (skipped: clip or model absent under ${sharedDataDir})`}`,
    async () => {
      const detector = await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 416 });
      try {
        const clip = abodaClip({ sharedDir: sharedDataDir, detector });
        const run = await runClip(clip!, { ffmpegPath });
        const bag = scoreRuns([run]).find((s) => s.type === 'abandoned_object');
        expect(bag?.recall).toBe(1);
        expect(bag?.falsePositives).toBe(0);
      } finally {
        await detector.close();
      }
    },
    120_000,
  );

  it.skipIf(!fireReady)(
    `raises fire_smoke on the FURG burning house within 4 s, on the flames (cue + fire model)${fireReady ? '' : ` (skipped: the FURG clip under ${sharedDataDir} or the fire model ${fireModel.path} absent: npm run train:fire)`}`,
    async () => {
      const fireClassifier = await OnnxFireClassifier.create({ modelPath: fireModel.path });
      const fire = await runFireClip({ sharedDir: sharedDataDir, ffmpegPath, fireClassifier });
      await fireClassifier.close();
      expect(fire?.delayS).toBeLessThanOrEqual(evalThresholds.fireDelayS);
      expect(fire?.onFire).toBe(true);
      expect(realClipFailures({ fire, crowd: undefined, photos: undefined })).toEqual([]);
    },
  );

  it.skipIf(!fireDevReady)(
    `raises no fire_smoke on the normal footage (orange balloons, jackets, motorbikes, hard sun) and finds the FURG fire${fireDevReady ? '' : ` (skipped: the normal footage or the FURG clip under ${sharedDataDir}, or the fire model ${fireModel.path}, absent: npm run train:fire)`}`,
    async () => {
      const fireClassifier = await OnnxFireClassifier.create({ modelPath: fireModel.path });
      try {
        const runs = [...(await normalFootageRuns()).fire];
        for (const clip of devClips(sharedDataDir).filter((c) => c.set === 'fire'))
          runs.push(await runDevClip(clip, { ffmpegPath, rules: ['fire_smoke'], fireClassifier }));
        const fire = scoreDevRuns(runs).types.find((s) => s.type === 'fire_smoke');
        expect(fire?.truePositives).toBe(1);
        expect(fire?.falsePositives).toBe(0);
      } finally {
        await fireClassifier.close();
      }
    },
    // Also the falls' rules on the normal footage (normalFootageRuns), when this test comes first.
    600_000,
  );

  it.skipIf(!crowdReady)(
    `tracks the overhead hall's walkers, counts them at a dense instant, counts line crossings, reports ~0.1 person/m² and raises no alarm${absent(crowdReady, 'the crowd clip or the model')}`,
    async () => {
      const detector = await OnnxDetector.create({ modelPath: shared.model.path });
      try {
        const crowd = await runOverheadCrowd({ sharedDir: sharedDataDir, ffmpegPath, detector });
        // ~35–40 people are in view; the 416 px default tracks about half of them (the far ones are small).
        expect(crowd?.occupancy).toBeGreaterThan(12);
        expect(crowd?.occupancy).toBeLessThan(45);
        expect(crowd?.density).toBeGreaterThan(0.03);
        expect(crowd?.density).toBeLessThan(0.3);
        expect(crowd?.crossings).toBeGreaterThanOrEqual(10);
        expect(crowd?.events).toEqual({});
        // The dense view is counted tile by tile, within the stated error of our count by eye.
        expect(crowd?.counted?.method).toBe('tiled');
        expect(realClipFailures({ fire: undefined, crowd, photos: undefined })).toEqual([]);
      } finally {
        await detector.close();
      }
    },
    60_000,
  );

  it.skipIf(!photosReady)(
    `counts the people of the street photos within the limits of the head annotations${absent(photosReady, 'the street photos or the model')}`,
    async () => {
      const photos = await runPhotoCounts({
        sharedDir: sharedDataDir,
        ffmpegPath,
        inputSizes: [416, 640],
        minScore: evalThresholds.photoMinScore,
        tiled: true,
      });
      expect(photos?.map((p) => p.heads)).toEqual([487, 487, 487]);
      expect(realClipFailures({ fire: undefined, crowd: undefined, photos })).toEqual([]);
    },
    60_000,
  );

  it.skipIf(!fallsReady)(
    `finds the 8 real falls (person_on_ground), raises none on the normal footage and counts its people${absent(fallsReady, 'the fall clips, the normal footage or the model')}`,
    async () => {
      const detector = await OnnxDetector.create({ modelPath: shared.model.path, inputSize: 416 });
      try {
        const runs = [...(await normalFootageRuns()).falls];
        for (const clip of devClips(sharedDataDir).filter((c) => c.set === 'falls'))
          runs.push(await runDevClip(clip, { ffmpegPath, detector, rules: ['person_on_ground', 'people_count'] }));
        const score = scoreDevRuns(runs);
        const fall = score.types.find((s) => s.type === 'person_on_ground');
        expect(fall?.truePositives).toBe(8);
        expect(fall?.falsePositives).toBe(0);
        expect(devFailures(score)).toEqual([]);
      } finally {
        await detector.close();
      }
    },
    600_000,
  );
});
