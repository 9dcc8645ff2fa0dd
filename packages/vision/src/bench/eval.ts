import { existsSync } from 'node:fs';
import { definedOnly } from '@vigie/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  devClips,
  devFailures,
  formatDevScore,
  runDevClip,
  scoreDevRuns,
  type DevRun,
} from '../eval/dev-set.evaluation.js';
import { countingError, formatScores, runClip, scoreRuns } from '../eval/event.evaluation.js';
import { abodaClip, evalThresholds, realClipFailures, runSynthetic, thresholdFailures } from '../eval/eval.suite.js';
import {
  overheadHallCount,
  runFireClip,
  runOverheadCrowd,
  runPhotoCounts,
  type CrowdRun,
} from '../eval/real-clips.evaluation.js';
import { OnnxFireClassifier } from '../fire.classifier.js';
import { OnnxDetector } from '../onnx.detector.js';
import { locateFfmpegForScripts } from './ffmpeg-path.js';

// `npm run eval`: the synthetic scenes and the real clips under ../shared/data, scored against ground truth.
const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const ffmpegPath = locateFfmpegForScripts();
const modelPath = join(sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const haveModel = existsSync(modelPath);
// The fire patch classifier: VIGIE_FIRE_MODEL, else the one `npm run train:fire` writes in packages/vision/models.
const fireModelPath =
  process.env['VIGIE_FIRE_MODEL'] ?? resolve(fileURLToPath(import.meta.url), '../../../models/fire_patch.onnx');
const fireClassifier = existsSync(fireModelPath)
  ? await OnnxFireClassifier.create({ modelPath: fireModelPath })
  : undefined;
const dir = await mkdtemp(join(tmpdir(), 'vigie-eval-'));
const skipped = (what: string) => console.log(`\n${what} skipped: absent under ${sharedDir}.`);
try {
  const synthRuns = await runSynthetic({ ffmpegPath, dir });
  const synthetic = scoreRuns(synthRuns);
  console.log(
    'Synthetic scenes (motion detector, 320×180 at 10 fps)\n' + formatScores(synthetic, countingError(synthRuns)),
  );

  const detector = haveModel ? await OnnxDetector.create({ modelPath, inputSize: 416 }) : undefined;
  const clip = detector === undefined ? undefined : abodaClip({ sharedDir, detector });
  const realRuns = clip === undefined ? [] : [await runClip(clip, { ffmpegPath })];
  const real = scoreRuns(realRuns);
  if (clip === undefined) skipped('Real clip aboda-video4 (or the model)');
  else
    console.log(
      '\nReal clip aboda-video4 (YOLOX-nano 416, 640 px at 5 fps)\n' +
        formatScores(real, 0).split('\n').slice(0, -1).join('\n'),
    );

  const fire = fireClassifier === undefined ? undefined : await runFireClip({ sharedDir, ffmpegPath, fireClassifier });
  if (fireClassifier === undefined)
    console.log(
      `\nfire_smoke skipped: no fire model at ${fireModelPath} (npm run train:fire, or set VIGIE_FIRE_MODEL).`,
    );
  else if (fire === undefined) skipped('FURG fire clip');
  else
    console.log(
      `\nfire_smoke on FURG house6 (flames from the first frame; 426 px at 5 fps): first alarm after ` +
        `${fire.delayS?.toFixed(1) ?? 'never'} s (limit ${evalThresholds.fireDelayS} s), on a true fire box: ` +
        `${fire.onFire ? 'yes' : 'no'}, ${fire.events} events in 15 s.`,
    );

  const crowd = detector === undefined ? undefined : await runOverheadCrowd({ sharedDir, ffmpegPath, detector });
  const wide = haveModel ? await OnnxDetector.create({ modelPath, inputSize: 640 }) : undefined;
  const crowdWide = wide === undefined ? undefined : await runOverheadCrowd({ sharedDir, ffmpegPath, detector: wide });
  await wide?.close();
  await detector?.close();
  const crowdRow = (size: number, r: CrowdRun) =>
    `| ${String(size).padStart(10)} | ${r.occupancy.toFixed(1).padStart(9)} | ${r.density.toFixed(3).padStart(11)} | ` +
    `${String(r.crossings).padStart(9)} | ${JSON.stringify(r.events).padEnd(14)} |`;
  if (crowd === undefined || crowdWide === undefined) skipped('Overhead crowd clip (or the model)');
  else
    console.log(
      [
        '\nOverhead hall, ~35–40 walkers in view, no ground truth (all rules on, estimated calibration ~230 m², line across the middle):',
        '| input (px) | persons   | persons/m²  | crossings | events (false) |',
        '| ---------: | --------: | ----------: | --------: | -------------- |',
        crowdRow(416, crowd),
        crowdRow(640, crowdWide),
        ...[crowd, crowdWide].map(
          (r, i) =>
            `headcount at ${overheadHallCount.tS} s (${[416, 640][i]} px): ${r.counted?.persons ?? '—'} of ` +
            `${overheadHallCount.persons} counted by eye (${r.counted?.method ?? '—'})`,
        ),
      ].join('\n'),
    );

  const photos = await runPhotoCounts({
    sharedDir,
    ffmpegPath,
    inputSizes: [416, 640, 1024],
    minScore: evalThresholds.photoMinScore,
    tiled: true,
  });
  if (photos === undefined) skipped('Street photos (or the model)');
  else
    console.log(
      [
        `\nStreet photos, persons (score ≥ ${evalThresholds.photoMinScore}; tiled: ≥ 0.25) vs annotated heads, ${photos[0]?.images ?? 0} images, ${photos[0]?.heads ?? 0} heads:`,
        '| input (px)     | MAE / image | relative error | bias / image | limit |',
        '| -------------: | ----------: | -------------: | -----------: | ----: |',
        ...photos.map(
          (p) =>
            `| ${(p.tiled ? '416 + tiles 512' : String(p.inputSize)).padStart(14)} | ${p.mae.toFixed(2).padStart(11)} | ` +
            `${p.relativeError.toFixed(3).padStart(14)} | ${p.bias.toFixed(2).padStart(12)} | ` +
            `${String((p.tiled ? evalThresholds.photoTiledRelativeError : evalThresholds.photoRelativeError[p.inputSize]) ?? '—').padStart(5)} |`,
        ),
      ].join('\n'),
    );

  const clips = haveModel ? devClips(sharedDir) : [];
  const devRuns: DevRun[] = [];
  if (clips.length > 0) {
    const dev = await OnnxDetector.create({ modelPath, inputSize: 416 });
    try {
      for (const c of clips)
        devRuns.push(await runDevClip(c, { ffmpegPath, detector: dev, ...definedOnly({ fireClassifier }) }));
    } finally {
      await dev.close();
    }
  }
  const devScore = devRuns.length === 0 ? undefined : scoreDevRuns(devRuns);
  if (devScore === undefined) skipped('Real dev clips (normal footage, falls, fire) (or the model)');
  else
    console.log(
      `\nReal dev clips, every rule on (YOLOX-nano 416, min(640, native) px at 5 fps), ${devScore.clips} clips:\n` +
        formatDevScore(devScore, devRuns),
    );

  const failures = [
    ...(devScore === undefined ? [] : devFailures(devScore)),
    ...thresholdFailures({ synthetic, real, synthRuns }),
    ...realClipFailures({ fire, crowd, photos }),
    ...realClipFailures({ fire: undefined, crowd: crowdWide, photos: undefined }),
  ];
  if (failures.length > 0) {
    console.error('\nBelow thresholds:\n- ' + failures.join('\n- '));
    process.exitCode = 1;
  } else console.log('\nAll thresholds met.');
  if (fireClassifier !== undefined) {
    const { calls, patches, ms } = fireClassifier.stats;
    console.log(
      `Fire model cost: ${patches} patches in ${calls} calls, ${(ms / Math.max(1, patches)).toFixed(2)} ms per patch ` +
        `(crop + inference), ${(ms / Math.max(1, calls)).toFixed(2)} ms per call.`,
    );
  }
} finally {
  await fireClassifier?.close();
  await rm(dir, { recursive: true, force: true });
}
