import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliIo } from '@vigie/cli';
import { locateFfmpeg } from '@vigie/media';
import { renderScene, sceneFormat, syntheticScenes } from '@vigie/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const shared = process.env['VIGIE_SHARED_DATA'] ?? join(repoRoot, '..', 'shared', 'data');
const aboda = join(shared, 'aboda-video4', 'video4.avi');
const model = join(shared, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
const crowd = join(shared, 'overhead-crowd-clip', 'crowd_overhead_720p.avi');
const haveShared = existsSync(aboda) && existsSync(model);
const furg = join(shared, 'furg-fire-house6-a', 'house6_part_a.mp4');
const fireModel = process.env['VIGIE_FIRE_MODEL'] ?? join(repoRoot, 'packages', 'vision', 'models', 'fire_patch.onnx');
const haveFire = existsSync(furg) && existsSync(fireModel);
const haveCrowd = existsSync(crowd) && existsSync(model);
const ffmpegPath = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-analyze-'));
const bagScene = syntheticScenes.find((s) => s.name === 'abandoned_bag')!;
const bagClip = join(dir, 'bag.mp4');
beforeAll(() => renderScene(bagScene, { ffmpegPath, output: bagClip }));
afterAll(() => rm(dir, { recursive: true, force: true }));

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    env: process.env,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    readStdin: () => Promise.resolve(''),
  };
}

type Line = { record: string; type?: string; t: number; series?: string; in?: number; out?: number; snapshot?: string };

/** ffmpeg's description of a video and one of its frames as raw RGB. */
async function probe(path: string, second: number): Promise<{ log: string; rgb: Buffer }> {
  const child = spawn(ffmpegPath, [
    '-hide_banner',
    '-ss',
    String(second),
    '-i',
    path,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  const chunks: Buffer[] = [];
  let log = '';
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  return { log, rgb: Buffer.concat(chunks) };
}

describe('vigie analyze', () => {
  it('refuses an invalid rules file, naming the field', async () => {
    const rules = join(dir, 'invalid.json');
    await writeFile(rules, JSON.stringify({ rules: ['face_recognition'] }));
    const run = io();
    expect(await runCli(['analyze', 'whatever.mp4', '--config', rules], run)).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/invalid\.json is invalid:\n\s+\/rules\/0/);
  });

  it('says which file it cannot analyse', async () => {
    const run = io();
    expect(await runCli(['analyze', join(dir, 'missing.mp4')], run)).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/Cannot analyse .*missing\.mp4: .*No such file/);
  });

  it.skipIf(!haveFire)(
    `raises fire_smoke on the FURG fire only with --fire-model, and says why not without it${haveFire ? '' : ` (skipped: ${furg} or ${fireModel} absent)`}`,
    async () => {
      const rules = join(dir, 'fire-rules.json');
      await writeFile(rules, JSON.stringify({ rules: ['fire_smoke'] }));
      const fires = (run: ReturnType<typeof io>) =>
        run.stdout.map((l) => JSON.parse(l) as Line).filter((l) => l.record === 'event' && l.type === 'fire_smoke');
      const withModel = io();
      const args = ['analyze', furg, '--config', rules, '--width', '426'];
      expect(await runCli([...args, '--fire-model', fireModel], withModel)).toBe(0);
      expect(fires(withModel)).toHaveLength(1);
      const without = io();
      expect(await runCli(args, without)).toBe(0);
      expect(fires(without)).toEqual([]);
      expect(without.stderr.join('\n')).toContain('fire_smoke does not run (FIRE_MODEL_MISSING)');
    },
    60_000,
  );

  it('prints the bag left in the synthetic scene within its dwell time, counts, progress, and writes an annotated MP4 and the alert snapshot', async () => {
    const rules = join(dir, 'bag-rules.json');
    await writeFile(rules, JSON.stringify(bagScene.config));
    const out = join(dir, 'annotated.mp4');
    const snapshots = join(dir, 'snapshots');
    const run = io();
    const args = [
      'analyze',
      bagClip,
      '--config',
      rules,
      '--fps',
      '10',
      '--width',
      '320',
      '--out',
      out,
      '--snapshots',
      snapshots,
    ];
    expect(await runCli(args, run)).toBe(0);
    const lines = run.stdout.map((l) => JSON.parse(l) as Line);
    // The bag is set down at 8 s; with a 10 s dwell the event is due at 18 s (window 16–24 s).
    const bag = lines.find((l) => l.record === 'event' && l.type === 'abandoned_object');
    expect(bag?.t).toBeGreaterThanOrEqual(16_000);
    expect(bag?.t).toBeLessThanOrEqual(24_000);
    const crossings = lines.filter((l) => l.record === 'counts' && l.series === 'line:line');
    expect(crossings.map((l) => l.t)).toEqual([10_000, 20_000, 30_000, 35_900]);
    expect(crossings.reduce((n, l) => n + (l.in ?? 0) + (l.out ?? 0), 0)).toBe(2);
    const alert = lines.find((l) => l.record === 'alert' && l.type === 'abandoned_object');
    expect([...(await readFile(alert!.snapshot!)).subarray(0, 2)]).toEqual([0xff, 0xd8]);

    const stderr = run.stderr.join('\n');
    expect(stderr.match(/^\[#*-*\] +\d+% +[\d.]+\/36\.0 s/gm)?.length).toBeGreaterThanOrEqual(9);
    expect(stderr).toMatch(/Done: 360 frames \(36\.0 s of video\), \d+ events, \d+ alerts; annotated video in/);

    const { log, rgb } = await probe(out, bag!.t / 1000 + 0.5);
    expect(log).toMatch(/Video: h264.*yuv420p.*320x180/);
    expect(log).toMatch(/Duration: 00:00:36\.00/);
    expect(rgb.length).toBe(sceneFormat.width * sceneFormat.height * 3);
    // The event's red box and label are drawn over the gray scene.
    let red = 0;
    for (let i = 0; i < rgb.length; i += 3) if (rgb[i]! > 180 && rgb[i + 1]! < 90 && rgb[i + 2]! < 90) red++;
    expect(red).toBeGreaterThan(100);
  }, 60_000);

  it.skipIf(!haveShared)(
    `prints the abandoned bag of the ABODA pavement clip as a JSON event (needs ${aboda} and the YOLOX model)`,
    async () => {
      const run = io();
      const rules = join(dir, 'aboda-rules.json');
      await writeFile(rules, JSON.stringify({ rules: ['abandoned_object'] }));
      expect(await runCli(['analyze', aboda, '--model', model, '--config', rules], run)).toBe(0);
      const events = run.stdout.map((line) => JSON.parse(line) as Line);
      const bag = events.find((e) => e.type === 'abandoned_object');
      expect(bag, run.stdout.join('\n')).toBeDefined();
      expect(run.stderr.join('\n')).toMatch(/Done: 19\d frames/);
      expect(JSON.stringify(events)).not.toMatch(/face|plate|embedding|identity/i);
    },
    120_000,
  );

  it.skipIf(!haveCrowd)(
    `prints plausible counts for the overhead hall: people in view every 10 s and walkers crossing the middle (needs ${crowd})`,
    async () => {
      const rules = join(dir, 'hall-rules.json');
      await writeFile(rules, JSON.stringify({ lines: [{ id: 'middle', a: { x: 0, y: 0.5 }, b: { x: 1, y: 0.5 } }] }));
      const run = io();
      expect(await runCli(['analyze', crowd, '--model', model, '--config', rules], run)).toBe(0);
      const counts = run.stdout
        .map((l) => JSON.parse(l) as Line & { occupancy?: number })
        .filter((l) => l.record === 'counts');
      const view = counts.filter((c) => c.series === 'view');
      // 13.8 s: one full 10 s period, then the rest; ~35–40 people in view, the 416 px default tracks about half.
      expect(view.map((c) => c.t)).toEqual([10_000, 13_400]);
      for (const c of view) expect(c.occupancy).toBeGreaterThan(10);
      const crossings = counts
        .filter((c) => c.series === 'line:middle')
        .reduce((n, c) => n + (c.in ?? 0) + (c.out ?? 0), 0);
      expect(crossings).toBeGreaterThanOrEqual(10);
      expect(crossings).toBeLessThanOrEqual(30);
    },
    60_000,
  );
});
