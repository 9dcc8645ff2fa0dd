import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countingError, formatScores, runClip, scoreRuns } from '../eval/event.evaluation.js';
import { abodaClip, runSynthetic, thresholdFailures } from '../eval/eval.suite.js';
import { OnnxDetector } from '../onnx.detector.js';
import { locateFfmpegForScripts } from './ffmpeg-path.js';

// `npm run eval`: the synthetic scenes and the real clips under ../shared/data, scored against ground truth.
const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const ffmpegPath = locateFfmpegForScripts();
const dir = await mkdtemp(join(tmpdir(), 'vigie-eval-'));
try {
  const synthRuns = await runSynthetic({ ffmpegPath, dir });
  const synthetic = scoreRuns(synthRuns);
  console.log(
    'Synthetic scenes (motion detector, 320×180 at 10 fps)\n' + formatScores(synthetic, countingError(synthRuns)),
  );
  const modelPath = join(sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
  const detector = await OnnxDetector.create({ modelPath, inputSize: 416 }).catch(() => undefined);
  const clip = detector === undefined ? undefined : abodaClip({ sharedDir, detector });
  const realRuns = clip === undefined ? [] : [await runClip(clip, { ffmpegPath })];
  const real = scoreRuns(realRuns);
  if (clip === undefined) console.log(`\nReal clip skipped: ${sharedDir} lacks the model or aboda-video4.`);
  else
    console.log(
      '\nReal clip aboda-video4 (YOLOX-nano 416, 640 px at 5 fps)\n' +
        formatScores(real, 0).split('\n').slice(0, -1).join('\n'),
    );
  const failures = thresholdFailures({ synthetic, real, synthRuns });
  if (failures.length > 0) {
    console.error('\nBelow thresholds:\n- ' + failures.join('\n- '));
    process.exitCode = 1;
  } else console.log('\nAll thresholds met.');
} finally {
  await rm(dir, { recursive: true, force: true });
}
