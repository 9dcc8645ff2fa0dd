import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Segment } from '@vigie/core';
import { LiveFeed, LocalDiskStorage, type LiveMessage, type RecordingCamera } from '@vigie/media';
import { describe, expect, it } from 'vitest';
import { grayFrame, halvesOf, leftHalf, probe } from './support/probe.js';
import { recordingRig } from './support/recording-rig.js';

// A ':' in the spool path: the masked live output goes through ffmpeg's tee muxer, which must escape it.
const rig = await recordingRig('vigie-live:feed-', 30);
const { dir } = rig;

/** Records a camera with a live feed until a viewer has `frames` fragments and two segments are stored. */
async function watch(
  cam: RecordingCamera,
  frames: number,
): Promise<{ got: LiveMessage[]; segments: Segment[]; storage: LocalDiskStorage }> {
  const feed = new LiveFeed();
  const got: LiveMessage[] = [];
  const segments: Segment[] = [];
  const storage = new LocalDiskStorage(join(dir, 'store', cam.id));
  const supervisor = rig.supervise();
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    wake = () => {
      if (got.length > frames && segments.length >= 2) resolve();
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
    live: (stream) => feed.attach(stream),
  });
  recorder.start();
  await done;
  return { got, segments, storage };
}

/** Writes what a viewer received as one MP4 file, as the browser's Media Source would assemble it. */
async function asFile(got: LiveMessage[], name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, Buffer.concat(got.map((m) => m.data)));
  return path;
}

describe('live feed from the recording process (real ffmpeg)', () => {
  it('streams an RTSP camera as fragmented MP4, one fragment per frame, while it keeps recording', async () => {
    const camera = await rig.startCamera();
    const { got, segments } = await watch({ id: 'gare', sourceUrl: camera.url, masks: [] }, 40);
    const [init, ...fragments] = got;
    expect(init?.kind).toBe('init');
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
    expect(media.duration).toBeGreaterThan(3);
  }, 120_000);

  it('shows masked pixels black in the live stream too: the same encode feeds recording and live', async () => {
    const { got, segments, storage } = await watch(
      { id: 'rue', sourceUrl: `file://${rig.clip}`, masks: [{ polygon: leftHalf }] },
      15,
    );
    expect(segments.length).toBeGreaterThanOrEqual(2);
    // The recording itself still decodes (the tee muxer writes it from the same encode).
    expect((await grayFrame(storage.pathOf(segments[1]!.key), 0.5)).length).toBe(320 * 240);
    const frame = await grayFrame(await asFile(got, 'rue-live.mp4'), 1);
    const { maskedMax, openMean } = halvesOf(frame, 320, 240);
    expect(maskedMax).toBeLessThanOrEqual(8);
    expect(openMean).toBeGreaterThan(40);
  }, 120_000);
});
