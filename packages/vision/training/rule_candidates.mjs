// The fire model as the product sees it: the fire_smoke rule (colour/flicker cue + model) over the
// evaluation's fire clip and its normal footage, at the evaluation's settings (5 fps, min(640, native) px).
// Per clip: frames whose candidates the model scored, the mean and median of each frame's best candidate,
// the events raised. Measurement only (these clips are never trained on). Needs the build (npm run build).
// node packages/vision/training/rule_candidates.mjs MODEL.onnx [MODEL.onnx …]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisPipeline, FfmpegFrameSource, OnnxFireClassifier } from '../dist/index.js';

const shared =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../shared/data');
const normal = join(shared, 'normal-footage-dev');
const clips = [
  { name: 'FURG house6 (fire)', path: join(shared, 'furg-fire-house6-a', 'house6_part_a.mp4'), width: 426 },
  ...(existsSync(join(normal, 'annotations.json'))
    ? JSON.parse(readFileSync(join(normal, 'annotations.json'), 'utf8')).map((a) => ({
        name: a.file,
        path: join(normal, a.file),
        width: Math.min(640, Number(a.size.split('x')[0])),
      }))
    : []),
].filter((c) => existsSync(c.path));

/** Runs the fire rule over one clip; each scored frame's best candidate score, and the events. */
async function run(modelPath, clip) {
  const model = await OnnxFireClassifier.create({ modelPath });
  const best = [];
  const classifier = {
    score: async (frame, regions) => {
      const scores = await model.score(frame, regions);
      if (scores.length > 0) best.push(Math.max(...scores));
      return scores;
    },
    close: () => model.close(),
  };
  const pipeline = new AnalysisPipeline({ fps: 5, config: { rules: ['fire_smoke'] }, fireClassifier: classifier });
  const source = new FfmpegFrameSource({
    ffmpegPath: process.env['VIGIE_FFMPEG'] ?? 'ffmpeg',
    input: clip.path,
    fps: 5,
    width: clip.width,
    format: 'rgb24',
    whenBehind: 'wait',
  });
  let events = 0;
  for await (const { result } of pipeline.analyse(source)) events += result.events.length;
  await model.close();
  return { best, events };
}

const f2 = (x) => (Number.isNaN(x) ? '—' : x.toFixed(2));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mean = (xs) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
for (const modelPath of process.argv.slice(2)) {
  console.log(
    `\n${modelPath}\n| clip | frames scored | mean best | median best | events |\n| --- | ---: | ---: | ---: | ---: |`,
  );
  for (const clip of clips) {
    const { best, events } = await run(modelPath, clip);
    console.log(`| ${clip.name} | ${best.length} | ${f2(mean(best))} | ${f2(median(best))} | ${events} |`);
  }
}
