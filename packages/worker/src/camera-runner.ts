import { Buffer } from 'node:buffer';
import {
  fullFrameMask,
  analysisConfigOf,
  type AnalyticsEventType,
  type AuditInput,
  type Camera,
  type Clock,
  definedOnly,
  SerialQueue,
  type Segment,
  type SegmentStorage,
} from '@vigie/core';
import {
  PtzMaskFollower,
  SegmentRecorder,
  analysisTapUrl,
  copiedSegmentsFor,
  dyingWithParent,
  type CopiedSegments,
  type FfmpegSupervisor,
  type PtzMaskFollowerOptions,
  type RecorderHealth,
} from '@vigie/media';
import {
  OnnxDetector,
  OnnxFireClassifier,
  startCameraAnalysis,
  type SnapshotCaption,
  type AnalysisAlert,
  type AnalysisAlertUpdate,
  type AnalysisStatus,
} from '@vigie/vision';
import type { Outbox } from './outbox.js';

/** What running one camera on a worker needs. */
export interface CameraRunnerOptions {
  camera: Camera;
  /** The URLs ffmpeg opens (stream passwords unsealed), asked each time a process starts. */
  sources: () => { record: string; analysis: string };
  /**
   * A PTZ camera with masks drawn per preset: they replace its fixed masks and follow the head (whole picture masked
   * until it is read still on a preset). Moves sent by the server are seen at the next read only (ADR 0006).
   */
  follow?: Pick<PtzMaskFollowerOptions, 'presets' | 'head'>;
  /**
   * A camera whose own masks were checked to cover Vigie's (ADR 0006): recorded by copy, its segments held until a
   * later check passes (`copied`), masked after the fact when one fails or the runner stops (audited with `audit`;
   * those that cannot be masked go to `quarantineDir`).
   */
  copy?: { audit: (entry: AuditInput) => Promise<unknown>; quarantineDir: string };
  /** This worker's name, as recorded with each segment (the server fetches the file from it). */
  node: string;
  supervisor: FfmpegSupervisor;
  storage: SegmentStorage;
  spoolDir: string;
  ffmpegPath: string;
  clock: Clock;
  outbox: Outbox;
  segmentSeconds?: number;
  modelPath?: string;
  /** Fire patch classifier confirming `fire_smoke`; without it that rule does not run (reported as a problem). */
  fireModelPath?: string;
  /** What alert snapshots are captioned with: the camera's name, the city's local time, the operators' language. */
  caption?: SnapshotCaption;
  /**
   * A free loopback UDP port (`freeLoopbackUdpPort`) when the camera is pulled once (`pullsOnce`): the
   * recorder's ffmpeg sends a copy of the camera's packets there and the analysis reads it.
   */
  analysisTapPort?: number;
  /** The recorder started or stopped keeping up with real time. */
  onHealth?: (health: RecorderHealth) => void;
  /** The analysis started, runs (first frame decoded), retries or failed. */
  onAnalysisStatus?: (status: AnalysisStatus) => void;
  /** Checks the model file against the model registry before it is loaded; throws if it is refused (R23). */
  verifyModel: (path: string) => Promise<void>;
  onProblem: (message: string) => void;
}

/**
 * One camera on a worker: its recorder (segments and gaps published with their idempotency keys) and,
 * when analytics may run, its analysis (alerts with their evidence, counts).
 */
export class CameraRunner {
  readonly #options: CameraRunnerOptions;
  readonly #recorder: SegmentRecorder;
  readonly #follower: PtzMaskFollower | undefined;
  readonly #tap: string | undefined;
  readonly #copied: CopiedSegments | undefined;
  #analysis:
    | {
        controller: AbortController;
        done: Promise<unknown>;
        detector?: OnnxDetector;
        fireClassifier?: OnnxFireClassifier;
      }
    | undefined;
  /**
   * Changes of the analysis, one at a time in the order asked: the stop button's, applied beside a round, ends an
   * analysis that round is still starting instead of running before it; a failure is reported as a problem.
   */
  readonly #analyses: SerialQueue;

  constructor(options: CameraRunnerOptions) {
    this.#options = options;
    this.#analyses = new SerialQueue((error) => options.onProblem(`analysis not changed: ${String(error)}`));
    const { camera, outbox } = options;
    const tap = options.analysisTapPort === undefined ? undefined : analysisTapUrl(options.analysisTapPort);
    this.#tap = tap?.read;
    const { follow, copy } = options;
    this.#copied =
      copy === undefined
        ? undefined
        : copiedSegmentsFor(camera, {
            ...options,
            ...copy,
            index: async (segment) => this.#publishSegment(segment),
            log: { warn: (_details, message) => options.onProblem(message) },
            reason: "the camera's masks failed a check or its copy recorder stopped",
          });
    // Masks drawn per preset replace the camera's fixed ones (the whole picture masked first); a copy keeps the
    // picture as the camera sends it, its own masks burnt in.
    const recorded =
      follow !== undefined
        ? { ...camera, masks: [fullFrameMask] }
        : copy !== undefined
          ? { ...camera, masks: [] }
          : camera;
    this.#recorder = new SegmentRecorder({
      camera: recorded,
      source: () => options.sources().record,
      supervisor: options.supervisor,
      storage: options.storage,
      spoolDir: options.spoolDir,
      clock: options.clock,
      ...definedOnly({ segmentSeconds: options.segmentSeconds }),
      ...(tap === undefined ? {} : { analysisTap: tap.send }),
      // A copied segment is published only once a check of the camera's masks vouches for it (`CopiedSegments`).
      onSegment: (s) => (this.#copied === undefined ? this.#publishSegment(s) : this.#copied.hold(s)),
      onGap: (g) =>
        outbox.publish({
          v: 1,
          type: 'gap.recorded',
          gap: { ...g, from: g.from.toISOString(), to: g.to.toISOString() },
        }),
      ...definedOnly({ onHealth: options.onHealth }),
      onProblem: options.onProblem,
    });
    this.#follower =
      follow === undefined
        ? undefined
        : new PtzMaskFollower({
            recorder: this.#recorder,
            ...follow,
            clock: options.clock,
            onProblem: options.onProblem,
          });
  }

  /** Recorded by copy: its segments, held until a later check of the camera's masks vouches for them. */
  get copied(): CopiedSegments | undefined {
    return this.#copied;
  }

  /** Whether its recorder keeps up with real time. */
  get health(): RecorderHealth {
    return this.#recorder.health;
  }

  /** Starts recording. */
  start(): void {
    this.#recorder.start();
    this.#follower?.start();
  }

  /**
   * Runs these analytics on the camera (with its current zones and lines), or none: only the analysis
   * restarts, recording goes on untouched (the stop button halts analytics, never recording).
   */
  analyse(camera: Camera, rules: readonly AnalyticsEventType[]): Promise<void> {
    return this.#analyses.run(async () => {
      await this.#stopAnalysis();
      if (rules.length > 0) await this.#startAnalysis(camera, rules);
    });
  }

  /**
   * Stops both; the recorder stores and publishes its last segment first. A copy's unvouched segments are then
   * masked after the fact (`finishCopies`), not published as they are.
   */
  async stop(): Promise<void> {
    await this.#analyses.run(() => this.#stopAnalysis());
    this.#follower?.stop();
    this.#copied?.distrust();
    await this.#recorder.stop();
  }

  /** After `stop`: waits until a copy's unvouched segments are masked after the fact, published and audited. */
  async finishCopies(): Promise<void> {
    await this.#copied?.finish();
  }

  /** Publishes a stored segment, with the stream measures: the servers show them as the camera's health. */
  #publishSegment(s: Segment): void {
    const measures = this.#recorder.measures();
    this.#options.outbox.publish({
      v: 1,
      type: 'segment.recorded',
      segment: {
        ...s,
        startedAt: s.startedAt.toISOString(),
        endedAt: s.endedAt.toISOString(),
        node: this.#options.node,
      },
      ...(measures === undefined ? {} : { measures }),
    });
  }

  async #startAnalysis(camera: Camera, rules: readonly AnalyticsEventType[]): Promise<void> {
    const { modelPath, outbox, clock } = this.#options;
    if (modelPath !== undefined) {
      try {
        await this.#options.verifyModel(modelPath);
      } catch (error) {
        // Refused, not replaced by moving blobs: the analytics stay off until the model is registered.
        this.#options.onProblem(`analytics not started: ${(error as Error).message}`);
        return;
      }
    }
    // The recorder's copy when the camera is pulled once (`pullsOnce`), else the camera (or its sub stream).
    let sourceUrl = this.#tap;
    try {
      sourceUrl ??= this.#options.sources().analysis;
    } catch (error) {
      this.#options.onProblem(`analytics not started: ${(error as Error).message}`);
      return;
    }
    const detector = modelPath === undefined ? undefined : await OnnxDetector.create({ modelPath, threads: 1 });
    const fireClassifier = rules.includes('fire_smoke') ? await this.#fireClassifier() : undefined;
    const controller = new AbortController();
    const analysis = startCameraAnalysis({
      cameraId: camera.id,
      sourceUrl,
      ffmpegPath: this.#options.ffmpegPath,
      // A worker killed with SIGKILL leaves no analysis ffmpeg behind (it reads a tap that falls silent).
      launch: dyingWithParent,
      config: analysisConfigOf(camera, rules),
      masks: camera.masks,
      ...definedOnly({ detector, fireClassifier, caption: this.#options.caption }),
      realtime: sourceUrl.startsWith('file:'),
      live: true,
      signal: controller.signal,
      clock: () => clock.now(),
      // Nothing is reported once the analysis is halted (an alert in flight at the stop is dropped).
      onAlert: (alert) => {
        if (!controller.signal.aborted) outbox.publish({ v: 1, type: 'alert.raised', alert: factOf(alert) });
      },
      // The end of a situation is reported even at a stop: the alert must not look ongoing for ever.
      onAlertUpdate: (update) => outbox.publish({ v: 1, type: 'alert.progressed', progress: progressOf(update) }),
      onCounts: (samples) => {
        if (samples.length === 0 || controller.signal.aborted) return;
        outbox.publish({
          v: 1,
          type: 'counts.sampled',
          // Stream time (t) stays on the worker: the server stores wall-clock periods only.
          samples: samples.map(({ at, t: _, ...s }) => ({ ...s, at: at.toISOString() })),
        });
      },
      onError: (error) => this.#options.onProblem(`analysis: ${error.message}`),
      ...definedOnly({ onStatus: this.#options.onAnalysisStatus }),
    });
    this.#analysis = {
      controller,
      done: analysis.done.catch((error: unknown) => this.#options.onProblem(`analysis ended: ${String(error)}`)),
      ...definedOnly({ detector, fireClassifier }),
    };
  }

  /**
   * The fire model, checked against the model registry (R23) and loaded; undefined, reported as a
   * problem with its code, when it is unset or refused: `fire_smoke` then does not run (never on colour alone).
   */
  async #fireClassifier(): Promise<OnnxFireClassifier | undefined> {
    const { fireModelPath } = this.#options;
    if (fireModelPath === undefined) {
      this.#options.onProblem('fire_smoke does not run: no fire model (FIRE_MODEL_MISSING, set VIGIE_FIRE_MODEL)');
      return undefined;
    }
    try {
      await this.#options.verifyModel(fireModelPath);
      return await OnnxFireClassifier.create({ modelPath: fireModelPath });
    } catch (error) {
      this.#options.onProblem(`fire_smoke does not run: the fire model is refused: ${(error as Error).message}`);
      return undefined;
    }
  }

  async #stopAnalysis(): Promise<void> {
    const running = this.#analysis;
    this.#analysis = undefined;
    if (running === undefined) return;
    running.controller.abort();
    await running.done;
    await running.detector?.close();
    await running.fireClassifier?.close();
  }
}

function progressOf(update: AnalysisAlertUpdate) {
  return {
    cameraId: update.cameraId,
    situationKey: update.situationKey,
    phase: update.phase,
    lastSeenAt: update.lastSeenAt.toISOString(),
    ...(update.endedAt === undefined ? {} : { endedAt: update.endedAt.toISOString() }),
    occurrences: update.occurrences,
    facts: update.facts,
    clipTo: update.clipTo.toISOString(),
    ...(update.snapshot === undefined ? {} : { snapshot: Buffer.from(update.snapshot).toString('base64') }),
  };
}

function factOf(alert: AnalysisAlert) {
  return {
    cameraId: alert.cameraId,
    type: alert.type,
    severity: alert.severity,
    ...definedOnly({ zoneId: alert.zoneId }),
    message: alert.message,
    openedAt: alert.openedAt.toISOString(),
    clip: { from: alert.clip.from.toISOString(), to: alert.clip.to.toISOString() },
    snapshot: Buffer.from(alert.snapshot).toString('base64'),
    details: { ...alert.details },
    situationKey: alert.situationKey,
    facts: alert.facts,
    ...(alert.shadow ? { shadow: true } : {}),
  };
}
