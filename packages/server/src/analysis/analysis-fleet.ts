import {
  analysisConfigOf,
  analyticsAllowedToRun,
  analyticsAuthorisedAt,
  definedOnly,
  SerialQueue,
  workChangingEventTypes,
  zonedDate,
  type AnalyticsStop,
  type AnalyticsEventType,
  type Camera,
  type Clock,
  type DomainEvent,
  type SealedStreamPasswords,
} from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { dyingWithParent, pullsOnce, unsealedSources, type CredentialVault } from '@vigie/media';
import {
  OnnxDetector,
  OnnxFireClassifier,
  startCameraAnalysis,
  type AnalysisAlert,
  type AnalysisStatus,
  type SnapshotLanguage,
} from '@vigie/vision';
import type { FastifyBaseLogger } from 'fastify';
import type { DomainEvents } from '../events/domain-events.js';
import { storedCameraOf } from '../camera-follow.js';
import type { AlertService } from '../services/alert.service.js';
import type { ModelRegistryService } from '../services/model-registry.service.js';
import type { LegalRegistryService } from '../services/legal-registry.service.js';
import type { RecorderFleet } from '../video/recorder-fleet.js';

/** What the fleet needs to analyse cameras. */
export interface AnalysisFleetOptions {
  work: UnitOfWork;
  clock: Clock;
  events: DomainEvents;
  alerts: AlertService;
  registry: Pick<LegalRegistryService, 'assertViewable'>;
  /** Resolves the ffmpeg binary. */
  ffmpegPath: () => string;
  log: FastifyBaseLogger;
  /** Time zone of the legal calendar (impact assessments are reviewed by a local date). */
  timeZone: string;
  /** Operators' language: the event's name on alert snapshots (their caption also has the local time). */
  language: SnapshotLanguage;
  /** YOLOX ONNX model; without it, moving blobs stand in for detections (no person/object classes). */
  modelPath?: string;
  /**
   * Fire patch classifier ONNX that confirms `fire_smoke` (checked against the model registry too);
   * without it that rule does not run on any camera, and `state()` says so.
   */
  fireModelPath?: string;
  /** The model registry: the model file is checked against it before it is loaded (LEGAL R23). */
  models: Pick<ModelRegistryService, 'verify'>;
  /** Opens the sealed stream passwords, put back into the URL only when ffmpeg starts. */
  vault: CredentialVault;
}

interface Running {
  controller: AbortController;
  done: Promise<unknown>;
  fingerprint: string;
  detector?: OnnxDetector;
  fireClassifier?: OnnxFireClassifier;
}

/** A rule switched on for a camera that does not run there, and why (an error code of core's registry). */
export interface UnavailableRuleState {
  cameraId: string;
  type: AnalyticsEventType;
  code: 'FIRE_MODEL_MISSING';
}

/** Where an analysis reads its camera: the stream passwords to open it, or its recorder's tap. */
interface Source {
  sealed: SealedStreamPasswords;
  /** The recorder's copy of the camera's packets (`RecorderFleet.analysisTap`): the camera is not opened again. */
  tap?: string;
}

function fingerprint(camera: Camera, source: Source, rules: readonly AnalyticsEventType[]): string {
  const { sealed, tap } = source;
  return JSON.stringify([
    camera.sourceUrl,
    camera.subStreamUrl,
    sealed,
    tap,
    camera.masks,
    analysisConfigOf(camera, rules),
  ]);
}

/**
 * Runs the analytics of every enabled camera that has some switched on (none by default): one
 * analysis per camera, restarted when its source, masks, zones, lines or rules change, stopped when
 * they are switched off, the camera removed, or its authorisation lapses. Alerts go to the operators'
 * queue with their evidence; counts to the statistics. `pause` is the global stop button (R22).
 */
export class AnalysisFleet {
  readonly #options: AnalysisFleetOptions;
  readonly #running = new Map<string, Running>();
  readonly #queue: SerialQueue;
  #unsubscribe: (() => void) | undefined;
  #recorders: Pick<RecorderFleet, 'analysisTap'> | undefined;
  #paused = false;
  /** Between start() and stop(): recorder changes seen before the stop button is read are ignored (R22). */
  #started = false;
  #modelRefusal: string | undefined;
  /** Per running camera, the rules switched on that cannot run (the fire rule without its model). */
  readonly #unavailable = new Map<string, UnavailableRuleState[]>();
  readonly #pausedCameras = new Set<string>();

  constructor(options: AnalysisFleetOptions) {
    this.#options = options;
    this.#queue = new SerialQueue((error) => options.log.error({ err: error }, 'analysis fleet: a task failed'));
  }

  /** Starts analysing every camera that asks for it, and follows registry changes. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#options.events.subscribe((event) => {
      if (event.type === 'analytics.stop') void this.applyStop(event.stop);
      else void this.#enqueue(() => this.#onEvent(event));
    }, workChangingEventTypes);
    this.#started = true;
    // The stop button survives restarts: it is read back before anything starts.
    const stop = await this.#options.work(({ cluster }) => cluster.analyticsStop());
    await this.applyStop(stop);
  }

  /**
   * Analyses the cameras pulled once (`pullsOnce`) from the copy these recorders make of their packets,
   * not by opening them again: such a camera's analysis starts once its recorder runs, restarts with it,
   * and stops with it. Without recorders in this process, every camera is opened by its analysis.
   */
  followRecorders(recorders: Pick<RecorderFleet, 'analysisTap'>): void {
    this.#recorders = recorders;
    if (this.#started) void this.resync();
  }

  /** The recorder of this camera started, restarted or stopped (`RecorderFleetOptions.onAnalysisTap`). */
  recorderChanged(cameraId: string): void {
    if (!this.#started) return;
    void this.#enqueue(async () => {
      const camera = await this.#options.work(({ cameras }) => cameras.get(cameraId));
      if (camera === undefined) await this.#halt(cameraId);
      else await this.#sync(camera);
    });
  }

  /** Stops every analysis. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#unsubscribe?.();
    await this.#queue.idle();
    await Promise.all([...this.#running.keys()].map((id) => this.#halt(id)));
  }

  /** Re-reads every camera, e.g. to stop analysing one whose authorisation has lapsed since the last change. */
  resync(): Promise<void> {
    return this.#enqueue(() => this.#syncAll());
  }

  /**
   * Whether analytics are halted everywhere, which cameras are halted one by one, which run now, and
   * why the detection model was refused at its last load, if it was (R23), and which rules switched on
   * cannot run (`fire_smoke` without its fire model).
   */
  state(): {
    paused: boolean;
    pausedCameraIds: string[];
    runningCameraIds: string[];
    unavailableRules: UnavailableRuleState[];
    modelRefusal?: string;
  } {
    return {
      paused: this.#paused,
      pausedCameraIds: [...this.#pausedCameras],
      runningCameraIds: [...this.#running.keys()],
      unavailableRules: [...this.#unavailable.values()].flat(),
      ...definedOnly({ modelRefusal: this.#modelRefusal }),
    };
  }

  /** Applies the stop button's state (LEGAL R22): halts or resumes analyses; returns when done. */
  async applyStop(stop: AnalyticsStop): Promise<void> {
    this.#paused = stop.paused;
    this.#pausedCameras.clear();
    for (const id of stop.pausedCameraIds) this.#pausedCameras.add(id);
    await this.#enqueue(() => this.#syncAll());
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    return this.#queue.run(task);
  }

  async #syncAll(): Promise<void> {
    const cameras = await this.#options.work(({ cameras }) => cameras.list());
    for (const id of this.#running.keys()) if (!cameras.some((c) => c.id === id)) await this.#halt(id);
    for (const camera of cameras) await this.#sync(camera);
  }

  async #onEvent(event: DomainEvent): Promise<void> {
    const change = await storedCameraOf(event, this.#options.work);
    if (change === undefined) return;
    if (change.camera === undefined) await this.#halt(change.cameraId);
    else await this.#sync(change.camera);
  }

  /**
   * The analytics that may run on the camera now: none while paused, disabled or without a valid
   * authorisation (R1); of those switched on, only the ones an impact assessment covers (R27) and,
   * for alert analytics, an active analysis authorisation (R18).
   */
  async #runnable(camera: Camera): Promise<AnalyticsEventType[]> {
    if (!camera.enabled) return [];
    return this.lawful(camera);
  }

  /**
   * The analytics switched on a camera that the law lets run on its images now, enabled or not (a
   * replay of its recordings): none while analytics are stopped (R22) or its authorisation lapsed (R1);
   * only those an impact assessment covers (R27) and, for alert analytics, an active analysis
   * authorisation (R18).
   */
  async lawful(camera: Camera): Promise<AnalyticsEventType[]> {
    if (this.#paused || this.#pausedCameras.has(camera.id) || camera.analytics.length === 0) return [];
    try {
      await this.#options.registry.assertViewable(camera.id);
    } catch {
      return [];
    }
    const { entry, authorisations } = await this.#options.work(async ({ registry, analysisAuthorisations }) => ({
      entry: await registry.get(camera.id),
      authorisations: await analysisAuthorisations.list({ current: true }),
    }));
    const now = this.#options.clock.now();
    const { allowed, blocked } = analyticsAllowedToRun(
      camera.analytics,
      entry?.dpia,
      zonedDate(now, this.#options.timeZone),
    );
    if (blocked.length > 0) {
      this.#options.log.warn(
        { camera: camera.id, blocked },
        'analytics not run: no current impact assessment (DPIA) covers them; record one in the legal registry',
      );
    }
    const authorised = analyticsAuthorisedAt({ id: camera.id, analytics: allowed }, authorisations, now);
    if (authorised.blocked.length > 0) {
      this.#options.log.info(
        { camera: camera.id, blocked: authorised.blocked },
        'analytics not run: no analysis authorisation is active for them on this camera',
      );
    }
    return authorised.allowed;
  }

  async #sync(camera: Camera): Promise<void> {
    const rules = await this.#runnable(camera);
    const sealed = await this.#options.work(({ streamSecrets }) => streamSecrets.get(camera.id));
    // A camera pulled once is analysed from its recorder's copy, so only while (and once) it records here.
    const recorders = this.#recorders;
    const tapped = recorders !== undefined && pullsOnce(camera);
    const tap = tapped ? recorders.analysisTap(camera.id) : undefined;
    const source: Source = { sealed, ...definedOnly({ tap }) };
    const wanted = rules.length > 0 && (!tapped || tap !== undefined) ? fingerprint(camera, source, rules) : undefined;
    const running = this.#running.get(camera.id);
    if (running?.fingerprint === wanted) return;
    if (running !== undefined) await this.#halt(camera.id);
    if (wanted !== undefined) await this.#launch(camera, rules, { ...source, print: wanted });
  }

  async #launch(
    camera: Camera,
    rules: readonly AnalyticsEventType[],
    source: Source & { print: string },
  ): Promise<void> {
    const { ffmpegPath, log, alerts, modelPath, models } = this.#options;
    if (modelPath !== undefined) {
      try {
        await models.verify(modelPath);
        this.#modelRefusal = undefined;
      } catch (error) {
        this.#modelRefusal = (error as Error).message;
        // Refused, not replaced by moving blobs: the analytics of this camera stay off until it is registered.
        log.error({ camera: camera.id, err: error }, 'analytics not started: the detection model is refused');
        return;
      }
    }
    let sourceUrl: string;
    try {
      sourceUrl = source.tap ?? unsealedSources(camera, source.sealed, this.#options.vault).analysis;
    } catch (error) {
      log.error({ camera: camera.id, err: error }, 'analytics not started: the stream password cannot be opened');
      return;
    }
    const detector = modelPath === undefined ? undefined : await OnnxDetector.create({ modelPath, threads: 1 });
    const fireClassifier = rules.includes('fire_smoke') ? await this.#fireClassifier(camera.id) : undefined;
    const controller = new AbortController();
    const analysis = startCameraAnalysis({
      cameraId: camera.id,
      sourceUrl,
      ffmpegPath: ffmpegPath(),
      // A server killed with SIGKILL leaves no analysis ffmpeg behind.
      launch: dyingWithParent,
      config: analysisConfigOf(camera, rules),
      masks: camera.masks,
      caption: { cameraName: camera.name, timeZone: this.#options.timeZone, language: this.#options.language },
      ...definedOnly({ detector, fireClassifier }),
      // A looped demo file is read at its own pace, as a camera would send it.
      realtime: sourceUrl.startsWith('file:'),
      live: true,
      signal: controller.signal,
      clock: () => this.#options.clock.now(),
      onAlert: (alert) => this.#raise(alert),
      onAlertUpdate: async (update) => {
        const { phase: _, ...progress } = update;
        await alerts.progress(progress);
      },
      onCounts: (samples) =>
        alerts.recordCounts(
          samples.map((s) => ({
            cameraId: s.cameraId,
            series: s.series,
            at: s.at,
            ...definedOnly({ in: s.in, out: s.out, occupancy: s.occupancy, density: s.density, method: s.method }),
          })),
        ),
      onStatus: (status: AnalysisStatus) => {
        log.info({ camera: camera.id, analysis: status.state }, 'analysis status');
        if (status.state !== 'starting') return;
        const unavailable = (status.unavailable ?? []).map((u) => ({ cameraId: camera.id, ...u }));
        this.#unavailable.set(camera.id, unavailable);
        for (const u of unavailable)
          log.warn({ camera: camera.id, rule: u.type, code: u.code }, `${u.type} does not run: no fire model`);
      },
      onError: (error) => log.warn({ camera: camera.id, err: error }, 'analysis problem (it goes on)'),
    });
    const done = analysis.done.catch((error: unknown) =>
      log.warn({ camera: camera.id, err: error }, 'analysis ended with an error'),
    );
    this.#running.set(camera.id, {
      controller,
      done,
      fingerprint: source.print,
      ...definedOnly({ detector, fireClassifier }),
    });
  }

  /** The fire model, checked against the model registry (R23) and loaded; undefined when unset or refused. */
  async #fireClassifier(cameraId: string): Promise<OnnxFireClassifier | undefined> {
    const { fireModelPath, models, log } = this.#options;
    if (fireModelPath === undefined) return undefined;
    try {
      await models.verify(fireModelPath);
      return await OnnxFireClassifier.create({ modelPath: fireModelPath });
    } catch (error) {
      log.error({ camera: cameraId, err: error }, 'fire_smoke not started: the fire model is refused');
      return undefined;
    }
  }

  async #raise(alert: AnalysisAlert): Promise<void> {
    await this.#options.alerts.raise({
      cameraId: alert.cameraId,
      type: alert.type,
      severity: alert.severity,
      ...definedOnly({ zoneId: alert.zoneId }),
      message: alert.message,
      openedAt: alert.openedAt,
      clip: { from: alert.clip.from, to: alert.clip.to },
      snapshot: alert.snapshot,
      details: { ...alert.details },
      situationKey: alert.situationKey,
      facts: alert.facts,
      shadow: alert.shadow,
    });
  }

  async #halt(cameraId: string): Promise<void> {
    const running = this.#running.get(cameraId);
    if (running === undefined) return;
    this.#running.delete(cameraId);
    this.#unavailable.delete(cameraId);
    running.controller.abort();
    await running.done;
    await running.detector?.close();
    await running.fireClassifier?.close();
  }
}
