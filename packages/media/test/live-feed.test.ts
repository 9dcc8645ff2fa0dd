import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Segment } from '@vigie/core';
import { LocalDiskStorage, RecordedLiveFeed, type LiveMessage, type RecordingCamera } from '@vigie/media';
import { describe, expect, it } from 'vitest';
import { grayFrame, halvesOf, leftHalf, probe } from './support/probe.js';
import { recordingRig } from './support/recording-rig.js';

// A ':' in the spool path: ffmpeg's segment options and the live feed's file reads must both take it.
const rig = await recordingRig('vigie-live:feed-', 30);
const { dir } = rig;

/** Records a camera with a live feed until a viewer has `frames` fragments and `stored` segments are stored. */
async function watch(
  cam: RecordingCamera,
  frames: number,
  stored = 2,
): Promise<{ got: LiveMessage[]; segments: Segment[]; storage: LocalDiskStorage }> {
  const feed = new RecordedLiveFeed();
  const got: LiveMessage[] = [];
  const segments: Segment[] = [];
  const storage = new LocalDiskStorage(join(dir, 'store', cam.id));
  const supervisor = rig.supervise();
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    wake = () => {
      if (got.length > frames && segments.length >= stored) resolve();
    };
  });
  feed.subscribe({
    send: (message) => {
      got.push(message);
      wake();
    },
    backlog: () => 0,
  });
  const recorder = rig.recorder({
    camera: cam,
    supervisor,
    storage,
    onSegment: (segment) => {
      segments.push(segment);
      wake();
    },
    live: (runDir) => feed.follow(runDir),
  });
  recorder.start();
  await done;
  feed.close();
  return { got, segments, storage };
}

/** Writes what a viewer received as one MP4 file, as the browser's Media Source would assemble it. */
async function asFile(got: LiveMessage[], name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, Buffer.concat(got.map((m) => m.data)));
  return path;
}

describe('live feed read from the recording (real ffmpeg)', () => {
  it('streams an RTSP camera as fragmented MP4, one fragment per frame, across segments, while it keeps recording', async () => {
    const camera = await rig.startCamera();
    // 2 s segments at 10 fps: 50 frames span at least three segment files, laid end to end on one timeline.
    const { got, segments } = await watch({ id: 'gare', sourceUrl: camera.url, masks: [] }, 50, 3);
    const [init, ...fragments] = got;
    expect(init?.kind).toBe('init');
    // One init segment: the next segments' are the same and are not sent again (a player would start over).
    expect(got.filter((m) => m.kind === 'init')).toHaveLength(1);
    expect(init?.kind === 'init' ? init.codec : '').toMatch(/^avc1\.[0-9a-f]{6}$/);
    expect(fragments.every((f) => f.kind === 'fragment')).toBe(true);
    expect(fragments[0]?.kind === 'fragment' && fragments[0].keyframe).toBe(true);
    // A 2 s GOP at 10 fps: a keyframe every 20 fragments, the others not.
    const keyframes = fragments.filter((f) => f.kind === 'fragment' && f.keyframe).length;
    expect(keyframes).toBeGreaterThanOrEqual(2);
    expect(keyframes).toBeLessThan(fragments.length / 5);
    expect(segments.length).toBeGreaterThanOrEqual(2);
    const media = await probe(await asFile(got, 'gare-live.mp4'));
    expect(media.streams).toEqual([{ codec_type: 'video', width: 320, height: 240 }]);
    expect(media.duration).toBeGreaterThan(4.5);
  }, 120_000);

  it('reads nothing while nobody watches, and a viewer gets a picture at once from the segment being written', async () => {
    const camera = await rig.startCamera();
    const feed = new RecordedLiveFeed({ lingerMs: 100 });
    const segments: Segment[] = [];
    const recorder = rig.recorder({
      camera: { id: 'place', sourceUrl: camera.url, masks: [] },
      supervisor: rig.supervise(),
      storage: new LocalDiskStorage(join(dir, 'store', 'place')),
      onSegment: (segment) => void segments.push(segment),
      live: (runDir) => feed.follow(runDir),
    });
    recorder.start();
    await expect.poll(() => segments.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect([feed.reading, feed.bytesRead]).toEqual([false, 0]);
    const got: LiveMessage[] = [];
    const leave = feed.subscribe({ send: (message) => void got.push(message), backlog: () => 0 });
    expect(feed.reading).toBe(true);
    // The current segment from its first frame: the init segment, then a keyframe a decoder can start from.
    await expect.poll(() => got.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(got[0]?.kind).toBe('init');
    expect(got[1]?.kind === 'fragment' && got[1].keyframe).toBe(true);
    leave();
    await expect.poll(() => feed.reading, { timeout: 5000 }).toBe(false);
    const read = feed.bytesRead;
    expect(read).toBeGreaterThan(0);
    await expect.poll(() => segments.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(segments.length + 2);
    expect(feed.bytesRead).toBe(read);
    feed.close();
  }, 120_000);

  it('shows masked pixels black in the live stream too: live is read from the masked recording', async () => {
    const { got, segments, storage } = await watch(
      { id: 'rue', sourceUrl: `file://${rig.clip}`, masks: [{ polygon: leftHalf }] },
      15,
    );
    expect(segments.length).toBeGreaterThanOrEqual(2);
    // The recording itself decodes, masked: live reads these very files, so nothing unmasked can reach it.
    expect((await grayFrame(storage.pathOf(segments[1]!.key), 0.5)).length).toBe(320 * 240);
    const frame = await grayFrame(await asFile(got, 'rue-live.mp4'), 1);
    const { maskedMax, openMean } = halvesOf(frame, 320, 240);
    expect(maskedMax).toBeLessThanOrEqual(8);
    expect(openMean).toBeGreaterThan(40);
  }, 120_000);
});
