import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegSupervisor, SegmentRecorder, type SegmentRecorderOptions, type SupervisorOptions } from '@vigie/media';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeRtspCamera, type FakeRtspCamera } from '@vigie/media/testing';
import { renderTestClip } from './test-clips.js';
import { testFfmpegCapabilities, testFfmpegPath } from './test-ffmpeg.js';

/** What a recording test file works with; the cameras, supervisors and recorders it makes are stopped after each test. */
export interface RecordingRig {
  /** The file's temporary folder, removed after its last test. */
  readonly dir: string;
  /** The file's test clip, rendered before its first test. */
  readonly clip: string;
  /** Serves the clip as an RTSP camera. */
  startCamera(options?: { readRate?: number }): Promise<FakeRtspCamera>;
  /** A supervisor running the test ffmpeg. */
  supervise(options?: Omit<SupervisorOptions, 'ffmpegPath' | 'ffmpegCapabilities'>): FfmpegSupervisor;
  /** A recorder (not started) cutting 2 s segments and spooling in the file's folder unless told otherwise. */
  recorder(
    options: Omit<SegmentRecorderOptions, 'spoolDir'> & Partial<Pick<SegmentRecorderOptions, 'spoolDir'>>,
  ): SegmentRecorder;
}

/**
 * Sets up a recording test file: a temporary folder named `prefix…` (made now), a test clip of `clipSeconds`
 * rendered before the first test, and hooks that stop what each test started and remove the folder at the end.
 */
export async function recordingRig(prefix: string, clipSeconds: number): Promise<RecordingRig> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  let clip = '';
  const cameras: FakeRtspCamera[] = [];
  const supervisors: FfmpegSupervisor[] = [];
  const recorders: SegmentRecorder[] = [];
  beforeAll(async () => {
    clip = await renderTestClip({ dir, seconds: clipSeconds });
  });
  afterEach(async () => {
    for (const recorder of recorders.splice(0)) await recorder.stop();
    for (const supervisor of supervisors.splice(0)) await supervisor.stopAll();
    for (const camera of cameras.splice(0)) await camera.stop();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return {
    dir,
    get clip() {
      return clip;
    },
    async startCamera(options) {
      const camera = await startFakeRtspCamera(clip, options);
      cameras.push(camera);
      return camera;
    },
    supervise(options) {
      const supervisor = new FfmpegSupervisor({
        ffmpegPath: testFfmpegPath,
        ffmpegCapabilities: testFfmpegCapabilities,
        ...options,
      });
      supervisors.push(supervisor);
      return supervisor;
    },
    recorder(options) {
      const recorder = new SegmentRecorder({ spoolDir: join(dir, 'spool'), segmentSeconds: 2, ...options });
      recorders.push(recorder);
      return recorder;
    },
  };
}
