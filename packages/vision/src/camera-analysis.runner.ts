import { setTimeout as sleep } from 'node:timers/promises';
import type { AnalysisConfig, Detector, Mask, VideoFrame } from '@vigie/core';
import {
  buildAlertEvidence,
  type SnapshotCaption,
  buildAlertUpdate,
  defaultClipPadding,
  type AnalysisAlert,
  type AnalysisAlertUpdate,
  type ClipPadding,
} from './alert.evidence.js';
import type { AlertChange } from './alert.policy.js';
import { AnalysisPipeline, type FrameResult, type UnavailableRule } from './analysis.pipeline.js';
import type { CountSample } from './count.sampler.js';
import { FfmpegFrameSource, type FrameSourceOptions } from './ffmpeg-frame.source.js';
import type { FlameClassifier } from './fire.classifier.js';
import { PrivacyMasker } from './privacy.masker.js';
import { definedOnly } from '@vigie/core';

/** Where a camera's analysis stands, for the console's camera health view. */
export type AnalysisStatus =
  | { state: 'starting'; at: Date; unavailable?: readonly UnavailableRule[] }
  | { state: 'running'; at: Date; width: number; height: number; durationMs?: number }
  | { state: 'retrying'; at: Date; reason: string; inS: number }
  | { state: 'ended' | 'stopped'; at: Date; frames: number; dropped: number }
  | { state: 'failed'; at: Date; reason: string };

/** startCameraAnalysis settings; every callback is optional. */
export interface CameraAnalysisOptions {
  cameraId: string;
  /** rtsp://, http(s):// stream, or a file (read once, or at its own pace with `realtime`). */
  sourceUrl: string;
  ffmpegPath: string;
  /** How the frame source's ffmpeg is run (`FrameSourceOptions.launch`). */
  launch?: FrameSourceOptions['launch'];
  /** Zones, counting lines, calibration, rules switched on, parameters. */
  config?: AnalysisConfig;
  /** Object detector (an OnnxDetector); motion blobs when absent. The caller closes it. */
  detector?: Detector;
  /** Fire patch classifier (an OnnxFireClassifier); without it `fire_smoke` does not run (status `unavailable`). */
  fireClassifier?: FlameClassifier;
  /** Privacy masks, blacked out of every frame before analysis, snapshots and annotated videos (R6). */
  masks?: readonly Pick<Mask, 'polygon'>[];
  /** Analysis rate (default 5 fps) and width (default 640 px). */
  fps?: number;
  width?: number;
  /** Detector on one frame in N (see AnalysisOptions.detectEvery). */
  detectEvery?: number;
  /** Recording an alert points to around its time (default 10 s before, 10 s after). */
  clipPadding?: ClipPadding;
  /**
   * What the snapshot caption says: the camera's name and the local time in the city's time zone
   * (IANA, e.g. Europe/Paris). Without it: "camera" and UTC. Never the camera's internal id.
   */
  caption?: SnapshotCaption;
  /** ffmpeg JPEG quality of snapshots, 2 (best) to 31 (default 4). */
  snapshotQuality?: number;
  /** Read a file at its native rate, as a camera would send it. */
  realtime?: boolean;
  /** Restart after a failure or a stall, with backoff (default: true for stream URLs, false for files). */
  live?: boolean;
  /** Seconds without a frame after which a live source is restarted (default 15). */
  stallS?: number;
  /** A new alert (a new situation) with its evidence; called in order, without holding up the analysis. */
  onAlert?: (alert: AnalysisAlert) => void | Promise<void>;
  /** An open alert's situation goes on (last seen, peak, sometimes a new snapshot) or ended; in order with onAlert. */
  onAlertUpdate?: (update: AnalysisAlertUpdate) => void | Promise<void>;
  /** Count samples, one per line/zone and period (`countPeriodS`, default 10 s). */
  onCounts?: (samples: CountSample[]) => void | Promise<void>;
  onStatus?: (status: AnalysisStatus) => void;
  /** Every analysed frame with its result, awaited (progress, annotated video); the frame's pixels are reused after. */
  onFrame?: (frame: VideoFrame, result: FrameResult) => void | Promise<void>;
  /** A callback or a snapshot failed; the analysis goes on. */
  onError?: (error: Error) => void;
  /** Stops the analysis (R22: the stop button). */
  signal: AbortSignal;
  /** Wall clock, injected for tests (default: the system's). */
  clock?: () => Date;
}

/** A running analysis. */
export interface CameraAnalysis {
  /** Resolves when the analysis stopped (abort) or the file ended; rejects when a file cannot be analysed. */
  done: Promise<{ frames: number; dropped: number; alerts: number }>;
}

const isStream = (url: string) => /^(rtsps?|https?|rtmp|udp|srt):/i.test(url);

/**
 * Analyses one camera until `signal` aborts: decodes the source with ffmpeg, masks, analyses each frame
 * (detector, tracker, rules), and reports new alerts with a snapshot and a clip reference, count
 * samples, and its status. A live source that fails or stalls is restarted with capped exponential
 * backoff (1 s → 30 s); the frame times continue across restarts.
 */
export function startCameraAnalysis(options: CameraAnalysisOptions): CameraAnalysis {
  return { done: run(options) };
}

async function run(o: CameraAnalysisOptions): Promise<{ frames: number; dropped: number; alerts: number }> {
  const clock = o.clock ?? (() => new Date());
  // Read through a function: the abort happens in callbacks, out of the type checker's sight.
  const aborted = () => o.signal.aborted;
  const fps = o.fps ?? 5;
  const live = o.live ?? isStream(o.sourceUrl);
  const config = o.config ?? {};
  const startedAt = clock();
  const pipeline = new AnalysisPipeline({
    fps,
    cameraId: o.cameraId,
    config,
    startedAt,
    ...definedOnly({ detector: o.detector, detectEvery: o.detectEvery, fireClassifier: o.fireClassifier }),
  });
  const masker = new PrivacyMasker(o.masks ?? []);
  // The details (the tiled count pass's full-resolution frames) are masked as well, with their own runs.
  const detailMasker = new PrivacyMasker(o.masks ?? []);
  const report = (error: unknown) => o.onError?.(error instanceof Error ? error : new Error(String(error)));
  let evidence: Promise<void> = Promise.resolve();
  const totals = { frames: 0, dropped: 0, alerts: 0 };
  let failures = 0;
  let attempts = 0;
  /** Evidence drawn now, while the frame is at hand; encoded and delivered in order, off the analysis path. */
  const deliver = (change: AlertChange, at: { frame: VideoFrame; result: FrameResult }) => {
    const input = {
      alert: change.alert,
      ...at,
      config,
      startedAt,
      padding: o.clipPadding ?? defaultClipPadding,
      ...definedOnly({ caption: o.caption }),
      ffmpegPath: o.ffmpegPath,
      ...definedOnly({ quality: o.snapshotQuality }),
    };
    if (change.kind === 'opened') {
      totals.alerts++;
      const built = buildAlertEvidence(input);
      built.catch(() => undefined);
      evidence = evidence.then(async () => o.onAlert?.(await built)).catch(report);
      return;
    }
    const built = buildAlertUpdate({ ...input, phase: change.kind, withSnapshot: change.snapshot });
    built.catch(() => undefined);
    evidence = evidence.then(async () => o.onAlertUpdate?.(await built)).catch(report);
  };
  let lastSeen: { frame: VideoFrame; result: FrameResult } | undefined;
  const flushCounts = async () => {
    // What is still open ends with the analysis (no snapshot: the last frame's pixels were recycled).
    if (lastSeen !== undefined) for (const change of pipeline.endAlerts()) deliver(change, lastSeen);
    const counts = pipeline.finish();
    if (counts.length > 0) await Promise.resolve(o.onCounts?.(counts)).catch(report);
  };
  o.onStatus?.({
    state: 'starting',
    at: clock(),
    ...(pipeline.unavailable.length > 0 ? { unavailable: pipeline.unavailable } : {}),
  });
  while (!aborted()) {
    const attempt = new AbortController();
    const stop = () => attempt.abort();
    o.signal.addEventListener('abort', stop, { once: true });
    // A restarted stream counts its frames from 0 again: they are moved to the time they arrive at.
    const offset = attempts++ === 0 ? 0 : clock().getTime() - startedAt.getTime();
    const source = new FfmpegFrameSource({
      ffmpegPath: o.ffmpegPath,
      input: o.sourceUrl,
      ...(o.launch === undefined ? {} : { launch: o.launch }),
      fps,
      width: o.width ?? 640,
      ...definedOnly({ detail: pipeline.countDetail }),
      format: 'rgb24',
      whenBehind: live || o.realtime === true ? 'drop' : 'wait',
      ...definedOnly({ realtime: o.realtime }),
      signal: attempt.signal,
    });
    const state = { stalled: false };
    let watchdog: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      if (live)
        watchdog = setTimeout(
          () => {
            state.stalled = true;
            attempt.abort();
          },
          (o.stallS ?? 15) * 1000,
        );
    };
    let error: unknown;
    let seen = 0;
    try {
      arm();
      for await (const { frame, result } of pipeline.analyse(masked(source, { masker, detailMasker, offset }))) {
        arm();
        if (seen++ === 0) {
          failures = 0;
          o.onStatus?.({
            state: 'running',
            at: clock(),
            width: frame.width,
            height: frame.height,
            ...definedOnly({ durationMs: source.durationMs }),
          });
        }
        totals.frames++;
        for (const change of result.alerts) deliver(change, { frame, result });
        if (result.counts.length > 0) await Promise.resolve(o.onCounts?.(result.counts)).catch(report);
        await Promise.resolve(o.onFrame?.(frame, result)).catch(report);
        lastSeen = { frame, result };
        source.recycle(frame.data);
      }
    } catch (caught) {
      error = caught;
    } finally {
      clearTimeout(watchdog);
      o.signal.removeEventListener('abort', stop);
      totals.dropped += source.dropped;
    }
    if (aborted()) break;
    const reason = state.stalled
      ? `no frame for ${o.stallS ?? 15} s`
      : error instanceof Error
        ? error.message
        : 'the stream ended';
    if (!live) {
      if (error === undefined) {
        await flushCounts();
        await evidence;
        o.onStatus?.({ state: 'ended', at: clock(), ...totals });
        return totals;
      }
      await evidence;
      o.onStatus?.({ state: 'failed', at: clock(), reason });
      throw error instanceof Error ? error : new Error(reason);
    }
    const inS = Math.min(30, 2 ** failures++);
    o.onStatus?.({ state: 'retrying', at: clock(), reason, inS });
    await sleep(inS * 1000, undefined, { signal: o.signal }).catch(() => undefined);
  }
  await flushCounts();
  await evidence;
  o.onStatus?.({ state: 'stopped', at: clock(), ...totals });
  return totals;
}

/** The source's frames and their details, privacy-masked, their times shifted by the restart offset (ms). */
async function* masked(
  source: AsyncIterable<VideoFrame>,
  how: { masker: PrivacyMasker; detailMasker: PrivacyMasker; offset: number },
): AsyncGenerator<VideoFrame> {
  for await (const frame of source) {
    how.masker.apply(frame);
    if (frame.detail !== undefined) how.detailMasker.apply(frame.detail);
    yield how.offset === 0 ? frame : { ...frame, t: frame.t + how.offset };
  }
}
