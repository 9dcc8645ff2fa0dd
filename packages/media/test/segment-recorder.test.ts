import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecordingGap, Segment, StreamMeasures } from '@vigie/core';
import { definedOnly } from '@vigie/core';
import {
  FfmpegSupervisor,
  LocalDiskStorage,
  chooseMaskEncoder,
  concatList,
  exportArgs,
  liveMovflags,
  mp4InitPart,
  planExport,
  runFfmpeg,
  segmentListName,
  type RecordingCamera,
  type RecordingSupervisor,
} from '@vigie/media';
import { describe, expect, it } from 'vitest';
import { testFfmpegCapabilities, testFfmpegPath } from './support/test-ffmpeg.js';
import { grayFrame, halvesOf, leftHalf, probe, sha256Of } from './support/probe.js';
import { recordingRig } from './support/recording-rig.js';
import { watchStatuses } from './support/status-waiter.js';

const rig = await recordingRig('vigie-recorder-', 60);
const { dir } = rig;
const ffmpeg = testFfmpegPath;

/** Records a camera until `enough` says so; returns what the recorder reported. */
async function record(
  cam: RecordingCamera & { resumeAfter?: Date },
  enough: (segments: Segment[], gaps: RecordingGap[]) => boolean,
  during?: (statuses: ReturnType<typeof watchStatuses>) => Promise<void>,
): Promise<{
  segments: Segment[];
  gaps: RecordingGap[];
  storage: LocalDiskStorage;
  problems: string[];
  measures: StreamMeasures | undefined;
}> {
  const storage = new LocalDiskStorage(join(dir, 'store', cam.id));
  const segments: Segment[] = [];
  const gaps: RecordingGap[] = [];
  const problems: string[] = [];
  const supervisor = rig.supervise({ backoff: { initialMs: 200, maxMs: 1000, factor: 2 } });
  const statuses = watchStatuses(supervisor);
  let wake = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    wake = () => {
      if (enough(segments, gaps)) resolve();
    };
  });
  const recorder = rig.recorder({
    camera: cam,
    supervisor,
    storage,
    ...definedOnly({ resumeAfter: cam.resumeAfter }),
    onSegment: (segment) => {
      segments.push(segment);
      wake();
    },
    onGap: (gap) => {
      gaps.push(gap);
      wake();
    },
    onProblem: (message) => problems.push(message),
  });
  recorder.start();
  await during?.(statuses);
  await done;
  const measures = recorder.measures();
  await recorder.stop();
  return { segments, gaps, storage, problems, measures };
}

/** Starts a recorder of `camera` under `supervisor`, storing in a folder of its own, and collects what it reports. */
function startRecorder(camera: RecordingCamera, supervisor: RecordingSupervisor) {
  const storage = new LocalDiskStorage(join(dir, 'store', camera.id));
  const segments: Segment[] = [];
  const problems: string[] = [];
  const recorder = rig.recorder({
    camera,
    supervisor,
    storage,
    onSegment: (segment) => {
      segments.push(segment);
    },
    onProblem: (message) => problems.push(message),
  });
  recorder.start();
  return { recorder, storage, segments, problems };
}

/**
 * A supervisor whose run, instead of ffmpeg, leaves in its folder what `write` puts there (files and lines of the
 * segment list), for what real ffmpeg does too rarely to be caught on purpose.
 */
function scriptedSupervisor(write: (runDir: string, list: string) => Promise<void>): RecordingSupervisor {
  return {
    capabilities: testFfmpegCapabilities,
    start: (job) => {
      void (async () => {
        const list = (await job.args(1)).find((arg) => arg.endsWith(segmentListName)) ?? '';
        await write(dirname(list), list);
      })();
    },
    stop: async () => undefined,
    restart: async () => undefined,
    onStatus: () => () => undefined,
    onProgress: () => () => undefined,
  };
}

describe('segment recorder (real ffmpeg, real RTSP)', () => {
  it('stores contiguous segments of the requested length with their size and SHA-256, and exports a range', async () => {
    const camera = await rig.startCamera();
    const { segments, storage, problems } = await record(
      { id: 'gare', sourceUrl: camera.url, masks: [] },
      (s) => s.length >= 4,
    );
    expect(problems).toEqual([]);
    expect(segments.length).toBeGreaterThanOrEqual(4);
    for (const [index, segment] of segments.entries()) {
      const path = storage.pathOf(segment.key);
      expect(segment.key).toMatch(/^gare\/\d{4}-\d\d-\d\d\/\d\d\/\d{8}T\d{6}\.\d{3}Z\.mp4$/);
      expect(await sha256Of(path)).toBe(segment.sha256);
      const media = await probe(path);
      expect(media.streams.map((s) => s.codec_type)).toEqual(['video']);
      const seconds = (segment.endedAt.getTime() - segment.startedAt.getTime()) / 1000;
      expect(Math.abs(media.duration - seconds)).toBeLessThan(0.25);
      expect(segment.initBytes).toBeGreaterThan(0);
      expect(segment.initBytes).toBeLessThan(segment.bytes);
      // Stream copy of a 2 s GOP: every segment but the first and the one cut by stop lasts one GOP.
      if (index > 0 && index < segments.length - 1) expect(seconds).toBeCloseTo(2, 1);
      const next = segments[index + 1];
      if (next !== undefined) expect(next.startedAt).toEqual(segment.endedAt);
    }

    const from = new Date(segments[1]!.startedAt.getTime());
    const to = new Date(segments[3]!.endedAt.getTime());
    const withPaths = await Promise.all(segments.map(async (s) => ({ ...s, path: storage.pathOf(s.key) })));
    const plan = planExport({ segments: withPaths, from, to })!;
    const listPath = join(dir, 'export.ffconcat');
    await writeFile(listPath, concatList(plan.parts));
    const output = join(dir, 'export.mp4');
    await runFfmpeg(
      ffmpeg,
      exportArgs({ listPath, output, metadata: { cameraId: 'gare', cameraName: 'Gare', from, to } }),
    );
    const exported = await probe(output);
    expect(exported.duration).toBeCloseTo((to.getTime() - from.getTime()) / 1000, 0);
    expect(exported.streams.map((s) => s.codec_type)).toEqual(['video']);
  }, 120_000);

  it('records a gap, and goes on recording, when the camera server is killed and restarted', async () => {
    const cam = await rig.startCamera();
    const { segments, gaps, problems } = await record(
      { id: 'parvis', sourceUrl: cam.url, masks: [] },
      (s, g) => g.length >= 1 && s.length >= 4,
      async (statuses) => {
        await statuses.next((s) => s.state === 'online', 'online');
        await cam.kill();
        await statuses.next((s) => s.state === 'offline', 'offline');
        await cam.restart();
        await statuses.next((s) => s.state === 'online', 'online again');
      },
    );
    expect(problems).toEqual([]);
    expect(gaps).toHaveLength(1);
    const gap = gaps[0]!;
    expect(gap.cameraId).toBe('parvis');
    expect(gap.to.getTime()).toBeGreaterThanOrEqual(gap.from.getTime());
    expect(gap.reason).not.toBe('');
    expect(segments.some((s) => s.endedAt.getTime() === gap.from.getTime())).toBe(true);
    expect(segments.some((s) => s.startedAt.getTime() === gap.to.getTime())).toBe(true);
  }, 120_000);

  it('records the hole since the last indexed segment of a stopped recorder as a "recorder stopped" gap', async () => {
    const camera = await rig.startCamera();
    const cam = { id: 'halle', sourceUrl: camera.url, masks: [] };
    const first = await record(cam, (s) => s.length >= 2);
    const resumeAfter = first.segments.at(-1)!.endedAt;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { segments, gaps, problems } = await record({ ...cam, resumeAfter }, (s) => s.length >= 2);
    expect(problems).toEqual([]);
    expect(gaps).toEqual([
      { cameraId: 'halle', from: resumeAfter, to: segments[0]!.startedAt, reason: 'recorder stopped' },
    ]);
    expect(segments[0]!.startedAt.getTime() - resumeAfter.getTime()).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it('blacks out masked pixels in the recording and leaves the rest of the image alone, and says with which encoder', async () => {
    const { segments, storage, measures } = await record(
      { id: 'rue', sourceUrl: `file://${rig.clip}`, masks: [{ polygon: leftHalf }] },
      (s) => s.length >= 2,
    );
    const frame = await grayFrame(storage.pathOf(segments[1]!.key), 0.5);
    expect(frame.length).toBe(320 * 240);
    const { maskedMax, openMean } = halvesOf(frame, 320, 240);
    // Black after lossy re-encoding: a few levels of noise at most.
    expect(maskedMax).toBeLessThanOrEqual(8);
    expect(openMean).toBeGreaterThan(40);
    // The encoder chosen at start is the one the camera's health names: x264 on a machine without a usable
    // hardware encoder (this one), as the probe of the test ffmpeg found.
    const chosen = chooseMaskEncoder(testFfmpegCapabilities.hardwareEncoders).name;
    expect(measures?.maskEncoder).toBe(chosen);
    if ((testFfmpegCapabilities.hardwareEncoders ?? []).length === 0) expect(chosen).toBe('libx264');
  }, 120_000);

  it('encodes the masks with x264 when the hardware encoder found at start does not open for a camera', async () => {
    // An encoder this machine's ffmpeg lists but cannot open (no NVIDIA or Intel GPU here), as if it had opened at
    // start and then refused this camera (a GeForce's session cap, a driver gone).
    const working = (testFfmpegCapabilities.hardwareEncoders ?? []).map((e) => e.name);
    const broken = (['h264_nvenc', 'h264_qsv'] as const).find((name) => !working.includes(name));
    expect(broken).toBeDefined();
    const supervisor = new FfmpegSupervisor({
      ffmpegPath: ffmpeg,
      ffmpegCapabilities: { ...testFfmpegCapabilities, hardwareEncoders: [{ name: broken ?? 'h264_nvenc' }] },
      backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
    });
    const { recorder, storage, segments, problems } = startRecorder(
      { id: 'quai', sourceUrl: `file://${rig.clip}`, masks: [{ polygon: leftHalf }] },
      supervisor,
    );
    await expect.poll(() => segments.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(2);
    const measures = recorder.measures();
    await recorder.stop();
    await supervisor.stopAll();
    expect(problems).toContain(
      `camera quai: ${broken} could not be opened for its masks; x264 encodes them from now on`,
    );
    expect(measures?.maskEncoder).toBe('libx264');
    const { maskedMax, openMean } = halvesOf(await grayFrame(storage.pathOf(segments[1]!.key), 0.5), 320, 240);
    expect(maskedMax).toBeLessThanOrEqual(8);
    expect(openMean).toBeGreaterThan(40);
  }, 120_000);

  it('drops sound at ingest', async () => {
    const withSound = join(dir, 'with-sound.mp4');
    await runFfmpeg(ffmpeg, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x120:rate=10',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440',
      '-t',
      '6',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-g',
      '20',
      '-c:a',
      'aac',
      withSound,
    ]);
    expect((await probe(withSound)).streams.map((s) => s.codec_type)).toContain('audio');
    const { segments, storage } = await record(
      { id: 'place', sourceUrl: `file://${withSound}`, masks: [] },
      (s) => s.length >= 1,
    );
    expect((await probe(storage.pathOf(segments[0]!.key))).streams.map((s) => s.codec_type)).toEqual(['video']);
  }, 120_000);

  it('keeps no segment that ffmpeg lists without a frame in it, and keeps the next one', async () => {
    // A segment as the recorder's ffmpeg writes them; its init part alone is what ffmpeg leaves of a segment it
    // lists with no frame in it (seen when a run was ended as it began, on a loaded machine).
    const framed = join(dir, 'framed.mp4');
    await runFfmpeg(ffmpeg, [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-t', '1'],
      ...['-c:v', 'libx264', '-g', '10', '-pix_fmt', 'yuv420p', '-f', 'mp4', '-movflags', liveMovflags, framed],
    ]);
    const bytes = await readFile(framed);
    const { initBytes } = mp4InitPart(bytes);
    expect(initBytes).toBeGreaterThan(0);
    expect(initBytes).toBeLessThan(bytes.length);
    let runDir = '';
    const supervisor = scriptedSupervisor(async (folder, list) => {
      runDir = folder;
      await writeFile(join(folder, '000000.mp4'), bytes.subarray(0, initBytes));
      await appendFile(list, '000000.mp4,0.000000,0.000000\n');
      await writeFile(join(folder, '000001.mp4'), bytes);
      await appendFile(list, '000001.mp4,0.000000,1.000000\n');
    });
    const { recorder, storage, segments, problems } = startRecorder(
      { id: 'parvis', sourceUrl: 'rtsp://127.0.0.1:1/none', masks: [] },
      supervisor,
    );
    // Both files leave the run's folder: the framed one into storage, the empty one deleted.
    await expect
      .poll(async () => (runDir === '' ? ['?'] : (await readdir(runDir)).filter((f) => f.endsWith('.mp4'))), {
        timeout: 10_000,
        interval: 100,
      })
      .toEqual([]);
    await recorder.stop();
    expect(problems).toEqual([]);
    expect(segments.map((s) => ({ bytes: s.bytes, initBytes: s.initBytes }))).toEqual([
      { bytes: bytes.length, initBytes },
    ]);
    expect(await sha256Of(storage.pathOf(segments[0]!.key))).toBe(segments[0]!.sha256);
    expect((await probe(storage.pathOf(segments[0]!.key))).duration).toBeCloseTo(1, 0);
  }, 60_000);
});
