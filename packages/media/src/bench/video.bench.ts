// Video benchmark (issue 3): CPU seconds per minute of recorded video for Vigie's recorder against
// a bare `ffmpeg -c copy` of the same stream, and the cost of a masked camera. Run: npm run bench:video
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoClipArgs } from '../demo-clip.js';
import { locateFfmpeg } from '../ffmpeg-locator.js';
import { runFfmpeg } from '../ffmpeg-run.js';
import { defaultMaskRasterSize, encodeMaskPam, rasterizeMasks } from '../mask.raster.js';
import { recordArgs } from '../record.args.js';
import { sourceInputArgs } from '../source-input.args.js';
import { childCpuSeconds, median } from './child-cpu.js';

const seconds = 30;
// The clip is looped so each run covers 10 minutes: ffmpeg's start-up (paid once per camera, not per
// minute) would otherwise dominate a stream copy, which costs almost nothing per frame.
const loops = 20;
const videoSeconds = seconds * loops;
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

/** CPU time this Node process spends hashing the segments of a run, as the recorder does. */
async function hashCpuSeconds(dir: string): Promise<number> {
  const before = process.cpuUsage();
  for (const name of await readdir(dir))
    if (name.endsWith('.mp4'))
      createHash('sha256')
        .update(await readFile(join(dir, name)))
        .digest('hex');
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

async function measure(
  label: string,
  run: (round: number) => Promise<number>,
  covered = videoSeconds,
): Promise<{ label: string; perMinute: number }> {
  const samples: number[] = [];
  for (let round = 0; round < repeats; round++) samples.push(await run(round));
  return { label, perMinute: (median(samples) * 60) / covered };
}

const ffmpeg = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-bench-'));
try {
  const clip = join(dir, 'camera.mp4');
  console.log(`Rendering a ${seconds} s 1280x720 25 fps H.264 clip (2 s GOP) as the camera stream…`);
  await runFfmpeg(
    ffmpeg,
    demoClipArgs({ output: clip, pattern: 'testsrc2', seconds, width: 1280, height: 720, fps: 25 }),
  );
  const input = ['-stream_loop', String(loops - 1), ...sourceInputArgs({ sourceUrl: `file://${clip}` })];
  const maskImagePath = join(dir, 'mask.pam');
  const polygon = [
    { x: 0.05, y: 0.1 },
    { x: 0.4, y: 0.1 },
    { x: 0.4, y: 0.6 },
    { x: 0.05, y: 0.6 },
  ];
  await writeFile(maskImagePath, encodeMaskPam(rasterizeMasks([{ polygon }]), defaultMaskRasterSize));
  const outDir = async (name: string): Promise<string> => {
    const path = join(dir, name);
    await rm(path, { recursive: true, force: true });
    await mkdir(path, { recursive: true });
    return path;
  };

  const bare = await measure('bare ffmpeg -c copy (one MP4)', async () => {
    const out = join(await outDir('bare'), 'out.mp4');
    return childCpuSeconds(ffmpeg, ['-hide_banner', '-y', ...input, '-map', '0:v:0', '-an', '-c', 'copy', out]);
  });
  const hashing: number[] = [];
  const recorder = await measure('Vigie recorder (segments + SHA-256)', async () => {
    const out = await outDir('record');
    const cpu = await childCpuSeconds(ffmpeg, recordArgs({ input, outputDir: out }));
    const hash = await hashCpuSeconds(out);
    hashing.push(hash);
    return cpu + hash;
  });
  const masked = await measure(
    'Vigie recorder, masked camera',
    async () => {
      const out = await outDir('masked');
      // Re-encoding costs per frame, so the 30 s clip alone measures it well (looping would take minutes).
      const once = sourceInputArgs({ sourceUrl: `file://${clip}` });
      const cpu = await childCpuSeconds(ffmpeg, recordArgs({ input: once, outputDir: out, masked: { maskImagePath } }));
      return cpu + (await hashCpuSeconds(out));
    },
    seconds,
  );

  const rows = [bare, recorder, masked].map((row) => ({
    recorder: row.label,
    'CPU s / min of video': row.perMinute.toFixed(3),
    'vs bare copy': `${(row.perMinute / bare.perMinute).toFixed(2)}×`,
    'cores per camera': (row.perMinute / 60).toFixed(3),
  }));
  console.log(
    `\n1280x720 25 fps H.264, ${videoSeconds / 60} min of video per run, median of ${repeats} runs, ffmpeg ${ffmpeg}`,
  );
  console.table(rows);
  const hashPerMinute = (median(hashing) * 60) / videoSeconds;
  console.log(
    `of which SHA-256 of every segment (evidence integrity, R12): ${hashPerMinute.toFixed(3)} CPU s/min; ` +
      `ffmpeg alone: ${((recorder.perMinute - hashPerMinute) / bare.perMinute).toFixed(2)}× the bare copy`,
  );
  const ratio = recorder.perMinute / bare.perMinute;
  console.log(`Recorder / bare copy = ${ratio.toFixed(2)} (goal ≤ 1.10): ${ratio <= 1.1 ? 'met' : 'NOT met'}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
