import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisPipeline } from '../analysis.pipeline.js';
import { FfmpegFrameSource, frameSourceArgs, type FrameSourceOptions } from '../ffmpeg-frame.source.js';
import { OnnxDetector } from '../onnx.detector.js';
import { locateFfmpegForScripts } from './ffmpeg-path.js';

// `npm run bench:analysis`: analysis throughput vs bare ffmpeg decode, per-stage cost, 720p cameras per core.
const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const clip = join(sharedDir, 'overhead-crowd-clip', 'crowd_overhead_720p.avi');
const modelPath = join(sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const inputSize = Number(process.env['VIGIE_BENCH_INPUT'] ?? 416);
if (!existsSync(clip) || !existsSync(modelPath)) {
  console.log(`Analysis bench skipped: ${clip} or ${modelPath} is absent.`);
  process.exit(0);
}
const ffmpegPath = locateFfmpegForScripts();
const options: FrameSourceOptions = {
  ffmpegPath,
  input: clip,
  fps: 5,
  width: 640,
  format: 'rgb24',
  whenBehind: 'wait',
};

/** Bare ffmpeg: same input, rate, size and pixel format, frames thrown away; one decoding thread. */
async function bareDecode(): Promise<{ ms: number; cpuMs: number }> {
  const args = frameSourceArgs(options).slice(0, -1).concat(['-threads', '1', '-y', '/dev/null']);
  const start = performance.now();
  await new Promise<void>((ok, fail) => {
    const child = spawn('bash', ['-c', `TIMEFORMAT=%U+%S; time "$0" "$@"`, ffmpegPath, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    child.on('close', (code) => {
      if (code !== 0) {
        fail(new Error(log.slice(-500)));
        return;
      }
      const m = /([\d.]+)\+([\d.]+)\s*$/.exec(log.trim());
      cpu = m === null ? 0 : (Number(m[1]) + Number(m[2])) * 1000;
      ok();
    });
  });
  return { ms: performance.now() - start, cpuMs: cpu };
}
let cpu = 0;

const bare = await bareDecode();
const detector = await OnnxDetector.create({ modelPath, inputSize, threads: 1 });
const pipeline = new AnalysisPipeline({ fps: 5, detector });
const source = new FfmpegFrameSource(options);
const cpuBefore = process.cpuUsage();
const start = performance.now();
let frames = 0;
for await (const frame of source) {
  await pipeline.process(frame);
  frames++;
}
const wall = performance.now() - start;
const nodeCpu = process.cpuUsage(cpuBefore);
await detector.close();

const t = pipeline.timings;
const per = (ms: number) => (ms / frames).toFixed(1).padStart(7);
const decodeCpuPerFrame = bare.cpuMs / frames;
const analysisCpuPerFrame = (nodeCpu.user + nodeCpu.system) / 1000 / frames;
const cpuPerFrame = decodeCpuPerFrame + analysisCpuPerFrame;
console.log(
  `Analysis bench: ${clip.split('/').slice(-1)[0] ?? ''} (1280×720) → 640 px RGB at 5 fps, ${frames} frames, YOLOX-nano ${inputSize}, 1 thread`,
);
console.log('');
console.log('| measure                                   |    value |');
console.log('| ----------------------------------------- | -------: |');
console.log(`| bare ffmpeg decode (frames/s, wall)        | ${(frames / (bare.ms / 1000)).toFixed(1).padStart(8)} |`);
console.log(`| full analysis (frames/s, wall)             | ${(frames / (wall / 1000)).toFixed(1).padStart(8)} |`);
console.log(`| ratio analysis / bare decode               | ${(bare.ms / wall).toFixed(2).padStart(8)} |`);
console.log(`| decode (ffmpeg CPU ms/frame)               | ${per(bare.cpuMs)}  |`);
console.log(`| background model (ms/frame)                | ${per(t.backgroundMs)}  |`);
console.log(`| detector (ms/frame)                        | ${per(t.detectMs)}  |`);
console.log(`| tracker (ms/frame)                         | ${per(t.trackMs)}  |`);
console.log(`| rules (ms/frame)                           | ${per(t.rulesMs)}  |`);
console.log(`| CPU per analysed frame, all stages (ms)    | ${cpuPerFrame.toFixed(1).padStart(8)} |`);
console.log(`| real-time 720p cameras per core at 5 fps   | ${(1000 / (cpuPerFrame * 5)).toFixed(2).padStart(8)} |`);
console.log(`| frames dropped by the source               | ${String(source.dropped).padStart(8)} |`);
