import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AnalysisPipeline } from '../analysis.pipeline.js';
import { FfmpegFrameSource } from '../ffmpeg-frame.source.js';
import { OnnxDetector } from '../onnx.detector.js';
import { locateFfmpegForScripts } from './ffmpeg-path.js';

// `npm run bench:substream -w @vigie/vision`: what analysing a camera costs on its sub stream (640×360) against its
// main stream (1920×1080), the same scene, same analysis (5 fps, 640 px RGB, YOLOX-nano), in one run with the two
// interleaved. Reported as CPU seconds per camera-minute: decoding (ffmpeg's own -benchmark time) plus everything
// the analysis does in this process.
const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const clip = join(sharedDir, 'overhead-crowd-clip', 'crowd_overhead_720p.avi');
const modelPath = join(sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const repeats = Number(process.env['VIGIE_BENCH_REPEATS'] ?? 3);
if (!existsSync(clip) || !existsSync(modelPath)) {
  console.log(`Sub-stream bench skipped: ${clip} or ${modelPath} is absent.`);
  process.exit(0);
}
const ffmpegPath = locateFfmpegForScripts();
const dir = await mkdtemp(join(tmpdir(), 'vigie-substream-'));
/** Seconds of stream each run analyses: the 13.8 s clip looped to a minute, as a camera sends it. */
const seconds = Number(process.env['VIGIE_BENCH_SECONDS'] ?? 60);

/** Runs ffmpeg to the end. */
function ffmpeg(args: string[]): Promise<void> {
  return new Promise<void>((ok, fail) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    child.on('close', (code) => (code === 0 ? ok() : fail(new Error(text.slice(-500)))));
  });
}

/** The two streams a camera sends, encoded as IP cameras do (H.264, 25 fps, a keyframe every 2 s, no B-frames). */
async function stream(name: string, width: number, height: number): Promise<string> {
  const path = join(dir, `${name}.mp4`);
  await ffmpeg([
    // +genpts: the AVI's B-frames carry no timestamps; without them the loop never reaches its end.
    ...['-loglevel', 'error', '-fflags', '+genpts', '-stream_loop', '-1', '-i', clip, '-an'],
    ...['-frames:v', String(seconds * 25), '-r', '25', '-vf', `scale=${width}:${height}`],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-bf', '0'],
    ...['-g', '50', '-b:v', width >= 1920 ? '4M' : '512k', path],
  ]);
  return path;
}

const streams = [
  { name: 'main stream 1920×1080', path: await stream('main', 1920, 1080) },
  { name: 'sub stream 640×360', path: await stream('sub', 640, 360) },
];

/** CPU milliseconds one analysis of the whole stream costs: ffmpeg's decoding and this process's analysis. */
async function analyse(input: string): Promise<{ decodeMs: number; analysisMs: number }> {
  const detector = await OnnxDetector.create({ modelPath, inputSize: 416, threads: 1, worker: false });
  const pipeline = new AnalysisPipeline({ fps: 5, detector });
  // The arguments the camera analysis runner uses for a live camera (camera-analysis.runner.ts).
  const frames = new FfmpegFrameSource({ ffmpegPath, input, fps: 5, width: 640, format: 'rgb24', whenBehind: 'wait' });
  const before = process.cpuUsage();
  for await (const frame of frames) {
    await pipeline.process(frame);
    frames.recycle(frame.data);
  }
  const used = process.cpuUsage(before);
  await detector.close();
  return { decodeMs: frames.decodeCpuMs ?? NaN, analysisMs: (used.user + used.system) / 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const results = new Map(streams.map((s) => [s.name, [] as { decodeMs: number; analysisMs: number }[]]));
for (const s of streams) await analyse(s.path); // warm-up: JIT, file cache, model load
for (let r = 0; r < repeats; r++) for (const s of streams) results.get(s.name)?.push(await analyse(s.path));

const perMinute = (ms: number) => ms / 1000 / (seconds / 60);
console.log(
  `Sub-stream bench: ${seconds} s of the same scene per run, analysis at 5 fps on 640 px RGB, YOLOX-nano 416, ` +
    `1 thread; median of ${repeats} interleaved runs. CPU seconds per camera-minute:`,
);
console.log('| stream | decode (ffmpeg) | analysis (node) | total | cores per camera |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const s of streams) {
  const runs = results.get(s.name) ?? [];
  const decode = perMinute(median(runs.map((x) => x.decodeMs)));
  const analysis = perMinute(median(runs.map((x) => x.analysisMs)));
  const total = perMinute(median(runs.map((x) => x.decodeMs + x.analysisMs)));
  console.log(
    `| ${s.name} | ${decode.toFixed(2)} | ${analysis.toFixed(2)} | ${total.toFixed(2)} | ${(total / 60).toFixed(3)} |`,
  );
}
await rm(dir, { recursive: true, force: true });
