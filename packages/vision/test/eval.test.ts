import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';
import { countingError, runClip, scoreRuns } from '../src/eval/event.evaluation.js';
import { abodaClip, evalThresholds, runSynthetic, thresholdFailures } from '../src/eval/eval.suite.js';
import { OnnxDetector } from '../src/onnx.detector.js';
import { shared, sharedDataDir } from './shared-data.fixture.js';

const ffmpegPath = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-eval-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const realReady = shared.model.present && shared.aboda.present && shared.abodaEvents.present;

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
});
