// Masked camera benchmark (issue 11 #5), part of `npm run bench:video`: CPU of a masked camera's recorder
// (decode, mask, x264, segments) per 25 fps camera, as a ratio to a bare decode of the same clip in the same
// run, for x264 presets at the default quality; and whether the picture stays usable: SSIM and PSNR against
// the unmasked source on the part of the picture the mask leaves (right of it), and the bit rate.
// Clips: a 720p25 street camera and a 720p crowd from ../shared/data (VIGIE_SHARED_DATA), else a synthetic
// 720p25 clip. BENCH_MASK_PRESETS (ultrafast,superfast,veryfast), BENCH_REPEATS (3).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoClipArgs } from '../demo-clip.js';
import { locateFfmpeg } from '../ffmpeg-locator.js';
import { runFfmpeg } from '../ffmpeg-run.js';
import { defaultMaskRasterSize, encodeMaskPam, rasterizeMasks } from '../mask.raster.js';
import { defaultMaskX264, maskFilter, recordArgs, type MaskedEncoding } from '../record.args.js';
import { sourceInputArgs } from '../source-input.args.js';
import { childCpuSeconds, median } from './child-cpu.js';

const sharedDir =
  process.env['VIGIE_SHARED_DATA'] ?? resolve(fileURLToPath(import.meta.url), '../../../../../../shared/data');
const presets = (process.env['BENCH_MASK_PRESETS'] ?? 'ultrafast,superfast,veryfast').split(',');
const repeats = Number(process.env['BENCH_REPEATS'] ?? 3);
/** The goal per masked 720p25 camera on the 2-core reference machine. */
const goalCores = 0.25;
// The mask covers the left of the picture (x 5–40 %): quality is compared on the right 60 %, never masked.
const polygon = [
  { x: 0.05, y: 0.1 },
  { x: 0.4, y: 0.1 },
  { x: 0.4, y: 0.6 },
  { x: 0.05, y: 0.6 },
];
const unmaskedPart = 'crop=trunc(iw*0.6/2)*2:ih:trunc(iw*0.4/2)*2:0';
const ffmpeg = locateFfmpeg().path;

interface Clip {
  name: string;
  path: string;
  seconds: number;
  fps: number;
}

/** Runs ffmpeg and returns its log (stderr). */
function ffmpegLog(args: readonly string[]): Promise<string> {
  return new Promise((done, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (log += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? done(log) : reject(new Error(`ffmpeg: ${log.slice(-500)}`))));
  });
}

async function probe(path: string): Promise<{ seconds: number; fps: number }> {
  const log = await ffmpegLog(['-hide_banner', '-i', path, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-']);
  const fps = Number(/, ([\d.]+) fps/.exec(log)?.[1] ?? NaN);
  const [h = 0, m = 0, s = 0] = (/time=(\d+):(\d+):([\d.]+)/.exec(log.slice(log.lastIndexOf('time='))) ?? [])
    .slice(1)
    .map(Number);
  return { seconds: h * 3600 + m * 60 + s, fps };
}

async function clips(dir: string): Promise<Clip[]> {
  const wanted = [
    ['720p25 street camera', 'normal-footage-dev/residential_lane_cctv_empty.mp4'],
    ['720p30 mall crowd', 'normal-footage-dev/mall_entrance_crowd.mp4'],
  ] as const;
  const found = wanted.filter(([, relative]) => existsSync(join(sharedDir, relative)));
  if (found.length > 0)
    return Promise.all(
      found.map(async ([name, relative]) => {
        const path = join(sharedDir, relative);
        return { name, path, ...(await probe(path)) };
      }),
    );
  console.log(`No camera clip under ${sharedDir}: a synthetic 1280x720 25 fps clip instead (testsrc2).`);
  const path = join(dir, 'synthetic.mp4');
  await runFfmpeg(
    ffmpeg,
    demoClipArgs({ output: path, pattern: 'testsrc2', seconds: 30, width: 1280, height: 720, fps: 25 }),
  );
  return [{ name: '720p25 synthetic', path, seconds: 30, fps: 25 }];
}

async function cpu(args: readonly string[]): Promise<{ cpu: number; wall: number }> {
  const cpus: number[] = [];
  const walls: number[] = [];
  for (let round = 0; round < repeats; round++) {
    const start = performance.now();
    cpus.push(await childCpuSeconds(ffmpeg, args));
    walls.push((performance.now() - start) / 1000);
  }
  return { cpu: median(cpus), wall: median(walls) };
}

/** SSIM and PSNR of the recorded segments against the source, on the part of the picture left unmasked. */
async function quality(clip: Clip, segmentsDir: string): Promise<{ ssim: number; psnr: number; mbps: number }> {
  const names = (await readdir(segmentsDir)).filter((name) => name.endsWith('.mp4')).sort();
  const list = join(segmentsDir, 'list.txt');
  await writeFile(list, names.map((name) => `file '${join(segmentsDir, name)}'\n`).join(''));
  const bytes = (await Promise.all(names.map((name) => stat(join(segmentsDir, name))))).reduce((n, s) => n + s.size, 0);
  // Frame against frame (the segments restart their timestamps).
  const graph = `[0:v]setpts=N,${unmaskedPart},split[a][c];[1:v]setpts=N,${unmaskedPart},split[b][d];[a][b]ssim;[c][d]psnr`;
  const measured = await ffmpegLog([
    '-hide_banner',
    '-nostdin',
    ...['-f', 'concat', '-safe', '0', '-i', list, '-i', clip.path],
    ...['-filter_complex', graph, '-f', 'null', '-'],
  ]);
  return {
    ssim: Number(/SSIM .*All:([\d.]+)/.exec(measured)?.[1] ?? NaN),
    psnr: Number(/PSNR .*average:([\d.inf]+)/.exec(measured)?.[1] ?? NaN),
    mbps: (bytes * 8) / clip.seconds / 1e6,
  };
}

const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-mask-'));
try {
  const maskImagePath = join(dir, 'mask.pam');
  await writeFile(maskImagePath, encodeMaskPam(rasterizeMasks([{ polygon }]), defaultMaskRasterSize));
  const rows: Record<string, string>[] = [];
  let defaultWorst = 0;
  for (const clip of await clips(dir)) {
    // Per 25 fps camera, whatever the clip's rate: the cost is per frame.
    const cores = (seconds: number) => (seconds / clip.seconds) * (25 / clip.fps);
    const input = sourceInputArgs({ sourceUrl: `file://${clip.path}` });
    const head = ['-hide_banner', '-nostdin', '-y', ...input];
    const decode = await cpu([...head, '-map', '0:v:0', '-f', 'null', '-']);
    const row = (setting: string, run: { cpu: number; wall: number }, extra: Record<string, string> = {}) =>
      rows.push({
        clip: clip.name,
        setting,
        'cores / 25 fps camera': cores(run.cpu).toFixed(3),
        'vs bare decode': `${(run.cpu / decode.cpu).toFixed(2)}×`,
        'speed alone': `${(clip.seconds / run.wall).toFixed(1)}× real time`,
        ...extra,
      });
    row('bare decode', decode);
    const masking = ['-i', maskImagePath, '-filter_complex', maskFilter('0:v:0', '1:v'), '-map', '[vigieout]'];
    row('decode + mask, no encode', await cpu([...head, ...masking, '-f', 'null', '-']));
    for (const preset of presets) {
      const outputDir = join(dir, `${clip.name}-${preset}`.replace(/\W+/g, '-'));
      const masked: MaskedEncoding = { maskImagePath, preset };
      await mkdir(outputDir, { recursive: true });
      const args = recordArgs({ input, outputDir, masked });
      // Each run rewrites the same segments: the last ones are compared with the source.
      const run = await cpu(args);
      const q = await quality(clip, outputDir);
      const isDefault = preset === defaultMaskX264.preset;
      if (isDefault) defaultWorst = Math.max(defaultWorst, cores(run.cpu));
      row(`recorder, x264 ${preset}${isDefault ? ' (default)' : ''}, CRF ${defaultMaskX264.crf}`, run, {
        'SSIM unmasked part': q.ssim.toFixed(4),
        'PSNR dB': q.psnr.toFixed(1),
        'Mbit/s': q.mbps.toFixed(2),
      });
    }
  }
  console.log(`\nMasked camera (decode + mask + x264 + segments), median of ${repeats} runs, ffmpeg ${ffmpeg}`);
  console.table(rows);
  console.log(
    `Default settings, worst clip: ${defaultWorst.toFixed(3)} core per 25 fps camera ` +
      `(goal ≤ ${goalCores}): ${defaultWorst <= goalCores ? 'met' : 'NOT met'}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
