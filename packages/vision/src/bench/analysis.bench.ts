import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisPipeline, countDetailTiling, countDetailWidth } from '../analysis.pipeline.js';
import { FfmpegFrameSource, frameSourceArgs, parseCpuTime, type FrameSourceOptions } from '../ffmpeg-frame.source.js';
import { definedOnly, type VideoFrame } from '@vigie/core';
import { OnnxFireClassifier } from '../fire.classifier.js';
import { OnnxDetector } from '../onnx.detector.js';
import { TiledPersonCounter, tiledCountDefaults } from '../tiled.counter.js';
import { locateFfmpegForScripts } from './ffmpeg-path.js';

// `npm run bench:analysis`: analysis throughput vs bare ffmpeg decode, per-stage cost, 720p cameras per core.
// Each configuration runs REPEATS times, interleaved, and the medians are printed: the machine is shared.
const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const clip = join(sharedDir, 'overhead-crowd-clip', 'crowd_overhead_720p.avi');
const modelPath = join(sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const inputSize = Number(process.env['VIGIE_BENCH_INPUT'] ?? 416);
const repeats = Number(process.env['VIGIE_BENCH_REPEATS'] ?? 3);
if (!existsSync(clip) || !existsSync(modelPath)) {
  console.log(`Analysis bench skipped: ${clip} or ${modelPath} is absent.`);
  process.exit(0);
}
const ffmpegPath = locateFfmpegForScripts();
// The 13.8 s clip played 4 times (stream copy, no re-encoding): steady state, not start-up, is measured.
const loops = 4;
const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-'));
const longClip = join(dir, 'crowd-x4.mkv');
await writeFile(join(dir, 'list.txt'), `file '${clip.replaceAll("'", "'\\''")}'\n`.repeat(loops));
// +genpts: the AVI's B-frames carry no timestamps, which the Matroska muxer needs.
await ffmpeg([
  '-loglevel',
  'error',
  '-fflags',
  '+genpts',
  '-f',
  'concat',
  '-safe',
  '0',
  '-i',
  join(dir, 'list.txt'),
  '-map',
  '0:v',
  '-c',
  'copy',
  longClip,
]);
// Every model in use: the fire model too where it is there (fire_smoke runs only with it).
const fireModelPath =
  process.env['VIGIE_FIRE_MODEL'] ?? resolve(fileURLToPath(import.meta.url), '../../../models/fire_patch.onnx');
const haveFireModel = existsSync(fireModelPath);
const source: FrameSourceOptions = {
  ffmpegPath,
  input: longClip,
  fps: 5,
  width: 640,
  format: 'rgb24',
  whenBehind: 'wait',
};

/** One analysis configuration to compare. */
interface Variant {
  name: string;
  detectEvery: number;
  /** Inference in a worker thread, overlapping the next frame's work (`analyse`), or inline (`process`). */
  overlap: boolean;
}
const variants: Variant[] = [
  { name: 'every frame, inline', detectEvery: 1, overlap: false },
  { name: 'every frame, overlapped', detectEvery: 1, overlap: true },
  { name: 'every 2nd (default), overlapped', detectEvery: 2, overlap: true },
  { name: 'every 3rd frame, overlapped', detectEvery: 3, overlap: true },
];

/** What one run measured, per analysed frame unless said otherwise. */
interface Run {
  frames: number;
  wallMs: number;
  decodeCpu: number;
  background: number;
  preprocess: number;
  inference: number;
  detectWait: number;
  tracker: number;
  rules: number;
  /** Tiled counting passes per second of video (crowded views), and their time on this thread. */
  countRate: number;
  count: number;
  /** Lying-person re-detection inferences per second of video (turned regions), and their wait on this thread. */
  redetectRate: number;
  redetect: number;
  /** Fire model patches per second of video (only where the colour/flicker cue proposes), and their time. */
  fireRate: number;
  fire: number;
  cpu: number;
}

/** Runs ffmpeg to the end; its log. */
function ffmpeg(args: string[]): Promise<string> {
  return new Promise<string>((ok, fail) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('close', (code) => (code === 0 ? ok(text) : fail(new Error(text.slice(-500)))));
  });
}

/** Bare ffmpeg: the given arguments, frames thrown away; its CPU from its own -benchmark line. */
async function bareDecode(args: string[]): Promise<{ wallMs: number; cpuMs: number }> {
  const start = performance.now();
  const log = await ffmpeg(args.slice(0, -1).concat(['-y', '/dev/null']));
  return { wallMs: performance.now() - start, cpuMs: parseCpuTime(log) ?? NaN };
}

async function analyse(variant: Variant): Promise<Run> {
  const detector = await OnnxDetector.create({ modelPath, inputSize, threads: 1, worker: variant.overlap });
  const fireClassifier = haveFireModel ? await OnnxFireClassifier.create({ modelPath: fireModelPath }) : undefined;
  const pipeline = new AnalysisPipeline({
    fps: 5,
    detector,
    detectEvery: variant.detectEvery,
    ...definedOnly({ fireClassifier }),
  });
  // The tiled count pass's full-resolution frames, as the camera runner asks for them.
  const frames = new FfmpegFrameSource({ ...source, ...definedOnly({ detail: pipeline.countDetail }) });
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  if (variant.overlap) for await (const { frame } of pipeline.analyse(frames)) frames.recycle(frame.data);
  else
    for await (const frame of frames) {
      await pipeline.process(frame);
      frames.recycle(frame.data);
    }
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  await detector.close();
  await fireClassifier?.close();
  const t = pipeline.timings;
  const n = t.frames;
  const decodeCpu = (frames.decodeCpuMs ?? NaN) / n;
  return {
    frames: n,
    wallMs,
    decodeCpu,
    background: t.backgroundMs / n,
    preprocess: detector.stats.preprocessMs / n,
    inference: detector.stats.inferenceMs / n,
    detectWait: t.detectMs / n,
    tracker: t.trackMs / n,
    rules: t.rulesMs / n,
    countRate: (t.countPasses / n) * 5,
    count: t.countMs / n,
    redetectRate: (t.redetections / n) * 5,
    redetect: t.redetectMs / n,
    fireRate: ((fireClassifier?.stats.patches ?? 0) / n) * 5,
    fire: (fireClassifier?.stats.ms ?? 0) / n,
    cpu: decodeCpu + (cpu.user + cpu.system) / 1000 / n,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const tunedArgs = frameSourceArgs(source);
const plainArgs = frameSourceArgs({ ...source, skipNonReference: false }).map((a) =>
  a.replace('fast_bilinear', 'bilinear'),
);
// The default's source: the count pass's detail, one 1280 px frame in 6, as a second output.
const detailArgs = frameSourceArgs({ ...source, detail: { width: countDetailWidth, every: 6 } }).map((a) =>
  a === 'pipe:1' ? '/dev/null' : a,
);
const bare: { wallMs: number; cpuMs: number }[] = [];
const bareDetail: { wallMs: number; cpuMs: number }[] = [];
const plain: { wallMs: number; cpuMs: number }[] = [];
const runs = new Map<Variant, Run[]>(variants.map((v) => [v, []]));
for (const v of variants) await analyse(v); // warm-up: JIT, file cache, model load
for (let r = 0; r < repeats; r++) {
  bare.push(await bareDecode(tunedArgs));
  bareDetail.push(await bareDecode(detailArgs));
  plain.push(await bareDecode(plainArgs));
  for (const v of variants) runs.get(v)?.push(await analyse(v));
}

const frames = [...runs.values()][0]?.[0]?.frames ?? 1;
const bareWall = median(bare.map((b) => b.wallMs));
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

console.log(
  `Analysis bench: ${clip.split('/').slice(-1)[0] ?? ''} ×${loops} (1280×720, 25 fps) → 640 px RGB at 5 fps, ${frames} frames; ` +
    `YOLOX-nano ${inputSize} (16:9 input), 1 inference thread; every rule on; median of ${repeats} interleaved runs.`,
);
console.log(
  'Rates (5 analysed frames/s): YOLOX-nano on one analysed frame in N (columns; default N = 2, 2.5 detections/s); ' +
    'tiled counting only on crowded views, one pass a second at most (row below); lying-person re-detection only ' +
    'with person_on_ground, 2 inferences per detection frame for the uncovered person tracks + 1 per person found lying (row below); ' +
    (haveFireModel
      ? 'fire model only on frames the colour/flicker cue proposes, at most 4 patches each (row below).'
      : `fire model absent (${fireModelPath}): fire_smoke does not run.`),
);
console.log(
  `Bare ffmpeg decode, same arguments (1 thread, -skip_frame noref, fast_bilinear): ${f1(bareWall)} ms wall, ` +
    `${f2(median(bare.map((b) => b.cpuMs)) / frames)} ms CPU per frame. ` +
    `Every frame decoded, bilinear: ${f1(median(plain.map((b) => b.wallMs)))} ms wall, ` +
    `${f2(median(plain.map((b) => b.cpuMs)) / frames)} ms CPU per frame. ` +
    `With the count pass's detail (1280 px, one frame in 6, second output): ` +
    `${f2(median(bareDetail.map((b) => b.cpuMs)) / frames)} ms CPU per frame.`,
);
console.log('');
const rows: [string, (r: Run) => number, number][] = [
  ['analysed frames per second (wall)', (r) => (r.frames / r.wallMs) * 1000, 1],
  ['ratio vs bare decode, same arguments', (r) => bareWall / r.wallMs, 2],
  ['decode: ffmpeg CPU ms/frame', (r) => r.decodeCpu, 2],
  ['background model ms/frame', (r) => r.background, 2],
  ['detector: letterbox ms/frame', (r) => r.preprocess, 2],
  ['detector: inference ms/frame', (r) => r.inference, 2],
  ['detector: wait on this thread ms/frame', (r) => r.detectWait, 2],
  ['tracker ms/frame', (r) => r.tracker, 2],
  ['rules ms/frame', (r) => r.rules, 2],
  ['tiled counting passes per second (crowded)', (r) => r.countRate, 2],
  ['tiled counting wait ms/frame (in inference)', (r) => r.count, 2],
  ['lying-person re-detections per second', (r) => r.redetectRate, 2],
  ['re-detection wait ms/frame (in inference)', (r) => r.redetect, 2],
  ['fire model patches/s (cue proposed)', (r) => r.fireRate, 2],
  ['fire model ms/frame (crop + inference)', (r) => r.fire, 2],
  ['CPU ms per analysed frame, all stages', (r) => r.cpu, 1],
  ['real-time 720p cameras per core at 5 fps', (r) => 1000 / (r.cpu * 5), 2],
];
const header = ['measure (detector …)'.padEnd(42), ...variants.map((v) => v.name.padStart(28))];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${'-'.repeat(42)} | ${variants.map(() => '-'.repeat(27) + ':').join(' | ')} |`);
for (const [label, value, digits] of rows) {
  const cells = variants.map((v) =>
    median((runs.get(v) ?? []).map(value))
      .toFixed(digits)
      .padStart(28),
  );
  console.log(`| ${label.padEnd(42)} | ${cells.join(' | ')} |`);
}
await benchFireModel();
await benchCountPass();
await rm(dir, { recursive: true, force: true });

/**
 * The fire model's cost: it runs only on frames where the colour/flicker cue proposes (up to 4 patches
 * each), so it is timed apart, on patches of a real frame, against the detector on the same frame.
 */
async function benchFireModel(): Promise<void> {
  if (!haveFireModel) {
    console.log(`\nFire model bench skipped: ${fireModelPath} is absent (npm run train:fire).`);
    return;
  }
  const frameSource = new FfmpegFrameSource(source);
  let frame: VideoFrame | undefined;
  for await (const f of frameSource) {
    frame = f;
    break;
  }
  if (frame === undefined) return;
  const fire = await OnnxFireClassifier.create({ modelPath: fireModelPath });
  const detector = await OnnxDetector.create({ modelPath, inputSize, threads: 1, worker: false });
  const regions = [0.1, 0.3, 0.5, 0.7].map((x) => ({ x, y: 0.4, w: 0.05, h: 0.08 }));
  // CPU time of this process (the fire model and the inline detector run on it): steady under load.
  const time = async (run: () => Promise<unknown>, n: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await run();
    const cpu = process.cpuUsage(start);
    return (cpu.user + cpu.system) / 1000 / n;
  };
  await time(() => fire.score(frame, regions), 20);
  await time(() => detector.detect(frame), 3);
  const one = await time(() => fire.score(frame, regions.slice(0, 1)), 200);
  const four = await time(() => fire.score(frame, regions), 100);
  const detect = await time(() => detector.detect(frame), 20);
  // Worst case per camera: the cue proposing 4 clusters on every analysed frame (5 a second).
  const worst = (four * 5) / 1000;
  const defaultRun = runs.get(variants[2] as Variant) ?? [];
  const cameraCore = (median(defaultRun.map((r) => r.cpu)) * 5) / 1000;
  console.log(
    `\nFire model (${fireModelPath.split('/').slice(-1)[0] ?? ''}, 64 px patches, crop included, CPU time): ` +
      `${f2(one)} ms for 1 patch, ${f2(four)} ms for 4 (${f2(four / 4)} ms per patch; ${f2(four / detect)}× one YOLOX-nano ${inputSize} ` +
      `detection, ${f2(detect)} ms, same frame). Per camera it runs only on frames the cue proposes (row above); ` +
      `worst case, 4 patches on every analysed frame: ${(worst * 1000).toFixed(1)} ms CPU per second = ${worst.toFixed(3)} core ` +
      `(${((100 * worst) / cameraCore).toFixed(0)} % of the default's ${cameraCore.toFixed(3)} core per camera).`,
  );
  await fire.close();
  await detector.close();
}

/**
 * One tiled count pass's CPU time (this thread, inline detector: crop, letterbox, 4 inferences, merge)
 * on a crowded frame: on the 640 px analysis frame (tiles at 512 px, without a detail) and on the
 * frame's 1280 px detail (tiles at 416 px, the default, and at 512 px); per camera it runs once per
 * detail frame (1.2 s at 5 fps) while the view is crowded.
 */
async function benchCountPass(): Promise<void> {
  const frameSource = new FfmpegFrameSource({ ...source, detail: { width: countDetailWidth, every: 6 } });
  let frame: VideoFrame | undefined;
  // The clip's 7th second: a crowded instant (~37 people).
  for await (const f of frameSource)
    if (f.t >= 7000 && f.detail !== undefined) {
      frame = f;
      break;
    }
  const detail = frame?.detail;
  if (frame === undefined || detail === undefined) return;
  const detector = await OnnxDetector.create({ modelPath, inputSize, threads: 1, worker: false });
  const whole = await detector.detect(frame);
  const time = async (run: () => Promise<unknown>, n: number) => {
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) await run();
    const cpu = process.cpuUsage(start);
    return (cpu.user + cpu.system) / 1000 / n;
  };
  const passes = [
    {
      name: `640 px frame, tiles at ${tiledCountDefaults.tileInputSize} px`,
      counter: new TiledPersonCounter(detector),
      on: frame,
    },
    {
      name: `${detail.width} px detail, tiles at ${countDetailTiling.tileInputSize} px (default)`,
      counter: new TiledPersonCounter(detector, countDetailTiling),
      on: detail,
    },
    {
      name: `${detail.width} px detail, tiles at 512 px`,
      counter: new TiledPersonCounter(detector, { ...countDetailTiling, tileInputSize: 512 }),
      on: detail,
    },
  ];
  for (const p of passes) await time(() => p.counter.persons(p.on, whole), 2);
  const lines = [];
  for (const p of passes) {
    const ms = await time(() => p.counter.persons(p.on, whole), 10);
    const found = (await p.counter.persons(p.on, whole)).length;
    lines.push(
      `  ${p.name}: ${f1(ms)} ms CPU per pass, ${f1(ms / 1.2)} ms per second of a crowded view; ${found} persons`,
    );
  }
  console.log(
    `\nTiled count pass at ${(frame.t / 1000).toFixed(1)} s (crowded), CPU time per pass, inline detector:\n${lines.join('\n')}`,
  );
  await detector.close();
}
