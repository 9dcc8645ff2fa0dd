import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Detector } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisAlert, AnalysisAlertUpdate } from '../src/alert.evidence.js';
import { startCameraAnalysis, type AnalysisStatus } from '../src/camera-analysis.runner.js';
import type { CountSample } from '../src/count.sampler.js';
import { renderScene, sceneFormat } from '../src/eval/scene.generator.js';
import { syntheticScenes } from '../src/eval/synthetic.scenes.js';

const ffmpegPath = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-camera-analysis-'));
const scene = syntheticScenes.find((s) => s.name === 'abandoned_bag')!;
const clip = join(dir, 'bag.mp4');
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeAll(() => renderScene(scene, { ffmpegPath, output: clip }));

/** Decodes a JPEG back to RGB pixels with ffmpeg. */
async function decodeJpeg(jpeg: Uint8Array): Promise<Buffer> {
  const child = spawn(ffmpegPath, [
    '-loglevel',
    'error',
    '-i',
    'pipe:0',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    'pipe:1',
  ]);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stdin.end(jpeg);
  await new Promise((resolve) => child.on('close', resolve));
  return Buffer.concat(chunks);
}

describe('startCameraAnalysis', () => {
  it('reports the left bag as an alert with an annotated, masked snapshot and a ±10 s clip, and counts every 10 s', async () => {
    const alerts: AnalysisAlert[] = [];
    const updates: AnalysisAlertUpdate[] = [];
    const counts: CountSample[] = [];
    const statuses: AnalysisStatus[] = [];
    const start = new Date('2026-05-01T08:00:00Z');
    // A privacy mask over the top-right corner, where nothing happens.
    const mask = [
      { x: 0.8, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.3 },
      { x: 0.8, y: 0.3 },
    ];
    const analysis = startCameraAnalysis({
      cameraId: 'cam-7',
      sourceUrl: clip,
      ffmpegPath,
      config: scene.config,
      masks: [{ polygon: mask }],
      fps: sceneFormat.fps,
      width: sceneFormat.width,
      signal: new AbortController().signal,
      clock: () => start,
      onAlert: (a) => void alerts.push(a),
      onAlertUpdate: (u) => void updates.push(u),
      onCounts: (c) => void counts.push(...c),
      onStatus: (s) => void statuses.push(s),
      onError: (e) => expect.unreachable(e.message),
    });
    expect(await analysis.done).toMatchObject({ frames: scene.seconds * sceneFormat.fps, dropped: 0 });
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'running', 'ended']);
    expect(statuses[1]).toMatchObject({ width: 320, height: 180, durationMs: scene.seconds * 1000 });

    const bag = alerts.find((a) => a.type === 'abandoned_object');
    expect(bag).toMatchObject({ cameraId: 'cam-7', severity: 'high' });
    const seconds = (bag!.openedAt.getTime() - start.getTime()) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(16);
    expect(seconds).toBeLessThanOrEqual(24);
    expect(bag!.clip).toEqual({
      cameraId: 'cam-7',
      from: new Date(bag!.openedAt.getTime() - 10_000),
      to: new Date(bag!.openedAt.getTime() + 10_000),
    });
    expect(JSON.stringify(bag!.details)).not.toMatch(/face|plate|identity|embedding/i);
    // One alert for the one bag, whatever the frames in between; it ends with the clip, still one situation.
    expect(alerts.filter((a) => a.type === 'abandoned_object')).toHaveLength(1);
    expect(bag!.facts).toMatchObject({ subject: 'object', region: bag!.details.region });
    const ofBag = updates.filter((u) => u.situationKey === bag!.situationKey);
    expect(ofBag.at(-1)).toMatchObject({ phase: 'ended', cameraId: 'cam-7' });
    expect(ofBag.at(-1)!.endedAt!.getTime()).toBeGreaterThan(bag!.openedAt.getTime());

    // The snapshot is a JPEG of the frame: the bag's region outlined in red, the masked corner black.
    expect([...bag!.snapshot.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const rgb = await decodeJpeg(bag!.snapshot);
    expect(rgb.length).toBe(320 * 180 * 3);
    const at = (x: number, y: number) => [...rgb.subarray((y * 320 + x) * 3, (y * 320 + x) * 3 + 3)];
    const region = bag!.details.region!;
    const [r, g, b] = at(Math.round((region.x + region.w / 2) * 320), Math.round(region.y * 180));
    expect(r).toBeGreaterThan(180);
    expect(g! + b!).toBeLessThan(160);
    for (const [x, y] of [
      [300, 10],
      [270, 45],
    ])
      expect(Math.max(...at(x!, y!))).toBeLessThan(20);
    expect(Math.max(...at(200, 20))).toBeGreaterThan(60);

    // One sample per series every 10 s, then the last partial period; the two walkers cross the line.
    expect(counts.filter((c) => c.series === 'line:line').map((c) => c.t)).toEqual([10_000, 20_000, 30_000, 35_900]);
    expect(counts.reduce((n, c) => n + (c.in ?? 0) + (c.out ?? 0), 0)).toBe(2);
    expect(counts.find((c) => c.series === 'view' && c.t === 10_000)?.at).toEqual(new Date(start.getTime() + 10_000));
  });

  it('counts a crowded view on the source’s full resolution, privacy-masked as the analysis frames are', async () => {
    // Ten people standing apart on the 160 px analysis frames (a crowded view); the tiles record their pixels.
    const tiles: { width: number; at: (x: number, y: number) => number }[] = [];
    const detector: Detector = {
      detect: (frame) => {
        if (frame.width === 160)
          return Promise.resolve(
            Array.from({ length: 10 }, (_, i) => ({
              label: 'person',
              score: 0.9,
              box: { x: 0.05 + (i % 5) * 0.18, y: i < 5 ? 0.1 : 0.55, w: 0.06, h: 0.3 },
            })),
          );
        const data = frame.data.slice();
        tiles.push({
          width: frame.width,
          at: (x, y) => Math.max(...data.subarray((y * frame.width + x) * 3, (y * frame.width + x) * 3 + 3)),
        });
        return Promise.resolve([]);
      },
    };
    const analysis = startCameraAnalysis({
      cameraId: 'cam-10',
      sourceUrl: clip,
      ffmpegPath,
      detector,
      config: { rules: ['people_count'] },
      // The top-right corner masked, as in the first test.
      masks: [
        {
          polygon: [
            { x: 0.8, y: 0 },
            { x: 1, y: 0 },
            { x: 1, y: 0.3 },
            { x: 0.8, y: 0.3 },
          ],
        },
      ],
      fps: sceneFormat.fps,
      width: 160,
      signal: new AbortController().signal,
      onError: (e) => expect.unreachable(e.message),
    });
    await analysis.done;
    // 2×2 tiles of the 320×180 source, not of the 160 px frames (89 px wide), a pass every 6th frame.
    expect(new Set(tiles.map((t) => t.width))).toEqual(new Set([178]));
    expect(tiles.length).toBeGreaterThan(4 * 10);
    // The top-right tile starts at x = 142: its pixel (170, 10) is the source's (312, 10), masked; (60, 20) is not.
    const topRight = tiles.filter((_, i) => i % 4 === 1);
    for (const tile of topRight) {
      expect(tile.at(170, 10)).toBeLessThan(20);
      expect(tile.at(60, 20)).toBeGreaterThan(60);
    }
  });

  it('retries a camera that cannot be reached, with backoff, until stopped', async () => {
    const statuses: AnalysisStatus[] = [];
    const controller = new AbortController();
    const analysis = startCameraAnalysis({
      cameraId: 'cam-8',
      sourceUrl: 'rtsp://127.0.0.1:9/nothing-listens-here',
      ffmpegPath,
      signal: controller.signal,
      onStatus: (s) => {
        statuses.push(s);
        if (s.state === 'retrying') controller.abort();
      },
    });
    expect(await analysis.done).toEqual({ frames: 0, dropped: 0, alerts: 0 });
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'retrying', 'stopped']);
    const retrying = statuses[1];
    expect(retrying?.state === 'retrying' && retrying.inS).toBe(1);
    expect(retrying?.state === 'retrying' && retrying.reason).toMatch(/ffmpeg exited/);
  });

  it('fails on a file that does not exist, saying so', async () => {
    const analysis = startCameraAnalysis({
      cameraId: 'cam-9',
      sourceUrl: join(dir, 'missing.mp4'),
      ffmpegPath,
      signal: new AbortController().signal,
    });
    await expect(analysis.done).rejects.toThrow(/No such file/);
  });
});
