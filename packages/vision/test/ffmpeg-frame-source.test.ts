import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { VideoFrame } from '@vigie/core';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FfmpegFrameSource, parseCpuTime, parseDuration, parseOutputSize } from '../src/ffmpeg-frame.source.js';
import { shared } from './shared-data.fixture.js';

const ffmpegPath = locateFfmpeg().path;
const dir = await mkdtemp(join(tmpdir(), 'vigie-vision-'));
const clip = join(dir, 'clip.mp4');
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await runFfmpeg(
    ffmpegPath,
    demoClipArgs({ output: clip, pattern: 'testsrc2', seconds: 2, width: 320, height: 180, fps: 25 }),
  );
});

describe('FfmpegFrameSource', () => {
  it('decodes a clip to gray frames at the requested rate and width, with timestamps', async () => {
    const frames: VideoFrame[] = [];
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 5,
      width: 160,
      format: 'gray',
      whenBehind: 'wait',
    });
    for await (const f of source) frames.push(f);
    expect(frames).toHaveLength(10);
    expect(frames[0]).toMatchObject({ width: 160, height: 90, format: 'gray', t: 0 });
    expect(frames[0]?.data).toHaveLength(160 * 90);
    expect(frames[9]?.t).toBe(1800);
    expect(source.durationMs).toBe(2000);
    expect(source.decodeCpuMs).toBeGreaterThan(0);
    // testsrc2 moves: successive frames differ.
    expect(Buffer.compare(Buffer.from(frames[0]?.data ?? []), Buffer.from(frames[5]?.data ?? []))).not.toBe(0);
    expect(source.dropped).toBe(0);
  });

  it('refills a buffer handed back with recycle() instead of allocating a new one', async () => {
    // Frames larger than a pipe read (640 × 360 gray, 230 kB against 64 kB): at 64 px wide, a busy machine let
    // ffmpeg write all ten frames before Node read any, and one read needed ten buffers before any came back.
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 5,
      width: 640,
      format: 'gray',
      queueSize: 1,
      whenBehind: 'wait',
    });
    const seen: { data: Uint8Array; pixels: Buffer }[] = [];
    for await (const f of source) {
      seen.push({ data: f.data, pixels: Buffer.from(f.data) });
      source.recycle(f.data);
    }
    expect(seen).toHaveLength(10);
    const distinct = new Set(seen.map((s) => s.data));
    expect(distinct.size).toBeLessThan(5);
    // The reused buffer holds each new frame, not the old one.
    expect(Buffer.compare(seen[9]?.pixels ?? Buffer.alloc(0), seen[0]?.pixels ?? Buffer.alloc(0))).not.toBe(0);
  });

  it('drops and counts frames instead of slowing ffmpeg when the consumer falls behind', async () => {
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 25,
      width: 64,
      format: 'rgb24',
      queueSize: 2,
    });
    let seen = 0;
    for await (const f of source) {
      expect(f.data).toHaveLength(64 * 36 * 3);
      seen++;
      await sleep(60);
    }
    expect(seen + source.dropped).toBe(50);
    expect(source.dropped).toBeGreaterThan(0);
  });

  it('attaches to one frame in N the same instant at the source’s resolution (capped), for the tiled count pass', async () => {
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 5,
      width: 160,
      format: 'gray',
      queueSize: 1,
      whenBehind: 'wait',
      detail: { width: 1280, every: 3 },
    });
    const frames: VideoFrame[] = [];
    for await (const f of source) frames.push({ ...f, data: f.data.slice() });
    expect(frames).toHaveLength(10);
    expect(frames.flatMap((f) => (f.detail === undefined ? [] : [f.t]))).toEqual([0, 600, 1200, 1800]);
    // The source's own 320×180, not the cap: a detail is never enlarged.
    expect(frames[3]?.detail).toMatchObject({ width: 320, height: 180, format: 'gray', t: 600 });
    // Each detail, halved, is its own frame's picture rather than a neighbour's (testsrc2 moves).
    const halvedDiff = (detail: VideoFrame, frame: VideoFrame) => {
      let sum = 0;
      for (let y = 0; y < frame.height; y++)
        for (let x = 0; x < frame.width; x++)
          sum += Math.abs((detail.data[2 * y * detail.width + 2 * x] ?? 0) - (frame.data[y * frame.width + x] ?? 0));
      return sum / (frame.width * frame.height);
    };
    for (const i of [3, 6]) {
      const detail = frames[i]?.detail;
      const [before, own, after] = [frames[i - 1], frames[i], frames[i + 1]];
      if (detail === undefined || before === undefined || own === undefined || after === undefined)
        expect.unreachable();
      expect(halvedDiff(detail, own)).toBeLessThan(halvedDiff(detail, before) / 2);
      expect(halvedDiff(detail, own)).toBeLessThan(halvedDiff(detail, after) / 2);
    }
  });

  it('caps the detail at its width, the height following', async () => {
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 5,
      width: 64,
      format: 'rgb24',
      whenBehind: 'wait',
      detail: { width: 200, every: 5 },
    });
    const details: VideoFrame[] = [];
    for await (const f of source) if (f.detail !== undefined) details.push(f.detail);
    expect(details.map((d) => [d.width, d.height, d.data.length])).toEqual([
      [200, 112, 200 * 112 * 3],
      [200, 112, 200 * 112 * 3],
    ]);
  });

  it('stops ffmpeg when aborted', async () => {
    const controller = new AbortController();
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: clip,
      fps: 25,
      width: 64,
      format: 'gray',
      realtime: true,
      signal: controller.signal,
    });
    let seen = 0;
    for await (const _ of source) {
      if (++seen === 3) controller.abort();
    }
    expect(seen).toBeLessThan(10);
  });

  it('fails with ffmpeg’s own words when the input does not exist', async () => {
    const source = new FfmpegFrameSource({
      ffmpegPath,
      input: join(dir, 'missing.mp4'),
      fps: 5,
      width: 64,
      format: 'gray',
    });
    await expect(async () => {
      for await (const _ of source) expect.unreachable();
    }).rejects.toThrow(/No such file/);
  });

  it('reads the output size from the log', () => {
    const log =
      'Input #0 ... Video: h264, 1280x720\nOutput #0, rawvideo, to pipe:1:\n  Stream #0:0: Video: rawvideo (Y800 / 0x30303859), gray, 640x360, q=2-31';
    expect(parseOutputSize(log)).toEqual({ width: 640, height: 360 });
  });

  it('reads the input duration and ffmpeg’s CPU time from the log', () => {
    expect(parseDuration('  Duration: 00:01:13.82, start: 0.000000, bitrate: 1750 kb/s')).toBe(73_820);
    expect(parseDuration('  Duration: N/A, start: 0.000000')).toBeUndefined();
    expect(parseCpuTime('bench: utime=0.792s stime=0.036s rtime=0.842s')).toBeCloseTo(828, 6);
  });

  it.skipIf(!shared.aboda.present)(
    `decodes the shared ABODA clip${shared.aboda.present ? '' : ` (skipped: ${shared.aboda.path} absent)`}`,
    async () => {
      let n = 0;
      for await (const f of new FfmpegFrameSource({
        ffmpegPath,
        input: shared.aboda.path,
        fps: 1,
        width: 360,
        format: 'gray',
        whenBehind: 'wait',
      })) {
        expect(f.height).toBe(240);
        n++;
      }
      expect(n).toBeGreaterThanOrEqual(38);
    },
  );
});
