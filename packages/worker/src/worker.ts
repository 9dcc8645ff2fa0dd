import { join } from 'node:path';
import {
  analyticsAllowedToRun,
  assertModelRegistered,
  analyticsAuthorisedAt,
  assertImagesViewable,
  definedOnly,
  imagesViewableIn,
  SerialQueue,
  workChangingEventTypes,
  zonedDate,
  type AnalyticsEventType,
  type AnalyticsStop,
  type Bus,
  type CameraMaskGateway,
  type CameraMaskVerdict,
  type BusSubscription,
  type Camera,
  type SealedStreamPasswords,
  type Segment,
  type Clock,
  type Leases,
  type PresetMasks,
  type PtzGateway,
  type SourceUrlPolicy,
} from '@vigie/core';
import { auditWhileDatabaseAway, type UnitOfWork } from '@vigie/db';
import {
  copiedSegmentsFor,
  FfmpegSupervisor,
  freeLoopbackUdpPort,
  LibraryCameraMaskGateway,
  LibraryPtzGateway,
  OwnMaskChecks,
  ownMasksMayApply,
  recordsByCopy,
  LocalDiskStorage,
  pullsOnce,
  recordingState,
  recoverSpool,
  reportUnreportedSegments,
  resolvedSourceRefusal,
  unsealedSources,
  type CredentialVault,
  type FfmpegCapabilities,
  type ProcessStatus,
} from '@vigie/media';
import { modelFileIdentity, type SnapshotLanguage } from '@vigie/vision';
import { CameraClaims } from './camera-claims.js';
import { CameraRunner, type CameraRunnerOptions } from './camera-runner.js';
import { headFollowFor } from './head-follow.js';
import { Outbox } from './outbox.js';
import { startSegmentServer, type RunningSegmentServer } from './segment-server.js';

/** Measured cost of one camera on a worker, in cores (docs/sizing.md): recording by stream copy. */
export const recordCoreCost = 0.03;
/**
 * Measured cost of analysing one 720p camera, in cores: a busy overhead crowd at 5 fps with YOLOX-nano on every
 * 2nd analysed frame, the tiled count and the fall re-detection, decode included (`npm run bench:analysis`).
 */
export const analysisCoreCost = 0.24;

/** How many cameras a worker takes on these cores when a share `analysedShare` of them is analysed. */
export function capacityFor(options: { cores: number; analysedShare: number }): number {
  const perCamera = recordCoreCost + analysisCoreCost * options.analysedShare;
  // 20 % head room for restarts, exports served and the operating system.
  return Math.max(1, Math.floor((options.cores * 0.8) / perCamera));
}

/** What a worker process runs on. */
export interface WorkerOptions {
  work: UnitOfWork;
  bus: Bus;
  leases: Leases;
  clock: Clock;
  /** Recordings live under `<dataDir>/recordings` on this worker's disk (or a shared volume). */
  dataDir: string;
  ffmpegPath: string;
  /** What that ffmpeg can do (`ffmpegCapabilitiesOrExplain`: e.g. a hardware encoder for masked cameras); default: Debian's 5.1. */
  ffmpegCapabilities?: FfmpegCapabilities;
  /** Secret shared with the servers, to authenticate segment requests. */
  nodeSecret: string;
  /** Address and port the segment server listens on (port 0: any). */
  listen: { host: string; port: number };
  /** Most cameras this worker runs. */
  capacity: number;
  /** Time zone of the legal calendar (impact-assessment review dates) and of alert snapshots' local time. */
  timeZone: string;
  /** Operators' language for words burnt into alert snapshots; French when unset. */
  language?: SnapshotLanguage;
  /**
   * Where camera sources may point (VIGIE_CAMERA_NETWORKS): checked again, names resolved, before a camera
   * is pulled, whatever the database or the bus say (defence in depth); a refusal is reported as the
   * camera's status.
   */
  sourcePolicy: SourceUrlPolicy;
  modelPath?: string;
  /** Fire patch classifier confirming `fire_smoke`; without it that rule does not run (reported as a problem). */
  fireModelPath?: string;
  /** Opens the cameras' sealed stream passwords (the servers' key file); absent: cameras with one fail to start. */
  vault?: CredentialVault;
  segmentSeconds?: number;
  /** Reads the heads of PTZ cameras with masks drawn per preset (default: ONVIF through the `onvif` library). */
  ptz?: PtzGateway;
  /**
   * Reads the privacy masks cameras apply themselves (ONVIF Media2), for cameras flagged `masksOnCamera` (default:
   * ONVIF through the `onvif` library); without `vault` such cameras are masked by Vigie like any other.
   */
  cameraMasks?: CameraMaskGateway;
  /** How often the masks of those cameras are checked again (default 10 s: the longest a removed mask goes unseen). */
  cameraMaskCheckMs?: number;
  /** Claim round period (default 1 s). */
  tickMs?: number;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

interface Running {
  runner: CameraRunner;
  /** Settings the recorder runs with (a change restarts it) and those of the analysis. */
  recording: string;
  analysis: string;
  rules: readonly AnalyticsEventType[];
  /** A camera meant to apply its masks itself: as registered, and what the last check of its masks found. */
  own?: { camera: Camera; verdict: CameraMaskVerdict };
}

/**
 * A `vigie worker` process: serves its segments, claims cameras by leases up to its capacity, records
 * and analyses them, and reports segments, gaps, alerts, counts and statuses on the bus with their
 * idempotency keys; the stop button and camera changes reach it through the bus within a second.
 */
export class VigieWorker {
  readonly #options: WorkerOptions;
  readonly #supervisor: FfmpegSupervisor;
  readonly #storage: LocalDiskStorage;
  readonly #outbox: Outbox;
  readonly #running = new Map<string, Running>();
  readonly #stopping = new Map<string, Promise<void>>();
  /** Copy runs whose recorder stopped, while their unvouched segments are masked after the fact. */
  readonly #finishing = new Set<Promise<void>>();
  /** Checks of the masks cameras apply themselves; absent without a vault (their devices' passwords are sealed). */
  readonly #ownMasks: OwnMaskChecks | undefined;
  #ownMasksTimer: NodeJS.Timeout | undefined;
  /** Periodic checks of those masks in flight: a stop waits for them, lest one queue a round after it. */
  readonly #rechecks = new Set<Promise<void>>();
  #claims: CameraClaims | undefined;
  #server: RunningSegmentServer | undefined;
  #subscription: BusSubscription | undefined;
  #timer: NodeJS.Timeout | undefined;
  #renewer: NodeJS.Timeout | undefined;
  #stop: AnalyticsStop = { paused: false, pausedCameraIds: [] };
  #cameras = new Map<string, Camera>();
  /** Cameras held but not pulled because the policy refuses their source, with the reason reported. */
  readonly #refused = new Map<string, string>();
  #sealed = new Map<string, SealedStreamPasswords>();
  /** Masks drawn per PTZ preset, by camera (ADR 0006). */
  #presetMasks = new Map<string, PresetMasks[]>();
  /** The rounds (cameras read, leases claimed, cameras started or stopped), one at a time. */
  readonly #rounds: SerialQueue;
  #unsubscribeStatus: (() => void) | undefined;

  constructor(options: WorkerOptions) {
    this.#options = options;
    this.#rounds = new SerialQueue((error) =>
      options.log('error', 'worker round failed; retried', { err: String(error) }),
    );
    this.#supervisor = new FfmpegSupervisor({
      ffmpegPath: options.ffmpegPath,
      ...definedOnly({ ffmpegCapabilities: options.ffmpegCapabilities }),
      clock: options.clock,
      log: (entry) => options.log(entry.level, entry.message, { job: entry.jobId }),
    });
    this.#storage = new LocalDiskStorage(join(options.dataDir, 'recordings'));
    this.#outbox = new Outbox({
      bus: options.bus,
      clock: options.clock,
      onError: (error) => options.log('warn', 'bus unreachable; events kept and retried', { err: String(error) }),
    });
    const { vault, work } = options;
    this.#ownMasks =
      vault === undefined
        ? undefined
        : new OwnMaskChecks({
            gateway: options.cameraMasks ?? new LibraryCameraMaskGateway(),
            deviceOf: (cameraId) => work(({ onvifDevices }) => onvifDevices.get(cameraId)),
            audit: auditWhileDatabaseAway(work),
            vault,
            clock: options.clock,
            log: {
              warn: (details, message) => options.log('warn', message, { ...details }),
              error: (details, message) => options.log('error', message, { ...details }),
            },
            copiedOf: (cameraId) => this.#running.get(cameraId)?.runner.copied,
          });
  }

  /** This worker's name in the cluster: the URL the servers fetch its segments from. */
  get node(): string {
    if (this.#server === undefined) throw new Error('The worker is not started.');
    return this.#server.url;
  }

  /** The cameras this worker runs now. */
  get cameraIds(): string[] {
    return [...this.#running.keys()];
  }

  /** Which of its cameras run analytics now. */
  get analysedCameraIds(): string[] {
    return [...this.#running].filter(([, r]) => r.rules.length > 0).map(([id]) => id);
  }

  /** Starts serving segments, follows the bus, and claims cameras every second. */
  async start(): Promise<void> {
    const { work, bus, leases, capacity } = this.#options;
    this.#server = await startSegmentServer({
      storage: this.#storage,
      secret: this.#options.nodeSecret,
      clock: this.#options.clock,
      ...this.#options.listen,
    });
    this.#stop = await work(({ cluster }) => cluster.analyticsStop());
    // Older files first: what a kill left stored but unreported, then what it left in the spool. What a copy run
    // left unvouched is masked after the fact before it is reported (ADR 0006).
    const copies = await this.#heldCopiesRecovery();
    await this.#reportUnreported(copies.take);
    await this.#recoverSpool(copies.take);
    await copies.finish();
    this.#unsubscribeStatus = this.#supervisor.onStatus((status) => {
      const [cameraId = '', role] = status.jobId.split(':');
      if (role === 'record') this.#publishStatus(cameraId, status);
    });
    this.#subscription = await bus.follow(
      (event) => {
        if (event.type === 'analytics.stop') {
          this.#stop = event.stop;
          this.#options.log('info', 'analytics stop received', { ...event.stop });
          // At once, beside the round in progress: the stop button must reach every worker within 2 s, and a round
          // can wait seconds on a lease call (2-4 s measured while the disk was busy). The rounds keep it: their
          // camera syncs run no rule it forbids (`#analyse`). Never rejects: a camera's analysis reports its failures.
          void this.#applyStop();
        }
        void this.#scheduleRefresh();
      },
      { types: workChangingEventTypes },
    );
    this.#claims = new CameraClaims({
      leases,
      node: this.node,
      capacity,
      wanted: async () => [...this.#cameras.values()].filter(wantsRecording).map((c) => c.id),
      onAcquired: (id) => this.#sync(id),
      onReleased: (id) => this.#halt(id),
    });
    await this.#scheduleRefresh();
    const tickMs = this.#options.tickMs ?? 1000;
    this.#timer = setInterval(() => void this.#scheduleRefresh(), tickMs);
    this.#ownMasksTimer = setInterval(() => {
      const recheck = this.#recheckOwnMasks().finally(() => this.#rechecks.delete(recheck));
      this.#rechecks.add(recheck);
    }, this.#options.cameraMaskCheckMs ?? 10_000);
    // Renewals do not wait behind a slow round (cameras starting): a late renewal would lose the camera.
    this.#renewer = setInterval(() => {
      this.#claims
        ?.renew()
        .catch((error: unknown) => this.#options.log('warn', 'lease renewal failed', { err: String(error) }));
    }, tickMs);
  }

  /**
   * What a worker killed abruptly left in its spool (its recorders, stopped by the parent-death signal or
   * here, close their last segment) is stored and reported before any camera starts again, as the server
   * does for its own recorders; segments of a camera another worker recorded meanwhile are quarantined.
   */
  async #recoverSpool(report: (segment: Segment) => void): Promise<void> {
    const { work, dataDir } = this.#options;
    const recovered = await recoverSpool({
      storage: this.#storage,
      spoolDir: join(dataDir, 'recordings', '.spool'),
      quarantineDir: join(dataDir, 'recordings', '.quarantine'),
      cameraIds: () => work(async ({ cameras }) => new Set((await cameras.list()).map((c) => c.id))),
      indexedEndBefore: (cameraId, before) => work(({ recordings }) => recordings.lastSegmentEnd(cameraId, before)),
      index: async (s) => report(s),
    });
    if (recovered.straysStopped + recovered.indexed + recovered.quarantined > 0)
      this.#options.log('warn', 'recording spool recovered', { ...recovered });
  }

  /**
   * Reports the segment files a previous run of this node stored but never reported (killed between the two):
   * looked for after the last segment it reported of each camera in the last day (none: in the last hour).
   */
  async #reportUnreported(report: (segment: Segment) => void): Promise<void> {
    const { work, clock } = this.#options;
    const node = this.node;
    const now = clock.now();
    const dayBefore = new Date(now.getTime() - 24 * 3_600_000);
    const reported = await reportUnreportedSegments({
      storage: this.#storage,
      cameraIds: await work(async ({ cameras }) => (await cameras.list()).map((c) => c.id)),
      reportedUntil: async (cameraId) =>
        (await work(({ cluster }) => cluster.lastNodeSegmentStart(cameraId, node, dayBefore))) ??
        new Date(now.getTime() - 3_600_000),
      indexed: (cameraId, keys) => work(({ cluster }) => cluster.indexedKeys(cameraId, keys)),
      report,
      now,
    });
    if (reported > 0) this.#options.log('warn', 'unreported segments reported', { reported });
  }

  /**
   * Start-up recovery for cameras recorded by copy with their own masks: what a killed run of this worker left
   * unreported was never vouched for, so `take` holds those cameras' segments back and `finish` masks them by Vigie,
   * then reports them (or quarantines them), audited; other cameras' segments are reported at once.
   */
  async #heldCopiesRecovery(): Promise<{ take: (segment: Segment) => void; finish: () => Promise<void> }> {
    const { work, dataDir, ffmpegPath, segmentSeconds, log } = this.#options;
    const cameras = (await work(({ cameras }) => cameras.list())).filter(recordsByCopy);
    const taken = new Map<string, Segment[]>(cameras.map((camera) => [camera.id, []]));
    return {
      take: (segment) => {
        const held = taken.get(segment.cameraId);
        if (held === undefined) this.#reportSegment(segment);
        else held.push(segment);
      },
      finish: async () => {
        for (const camera of cameras) {
          const segments = taken.get(camera.id) ?? [];
          if (segments.length === 0) continue;
          const copied = copiedSegmentsFor(camera, {
            storage: this.#storage,
            spoolDir: join(dataDir, 'recordings', '.spool'),
            quarantineDir: join(dataDir, 'recordings', '.quarantine'),
            ffmpegPath,
            ...definedOnly({ segmentSeconds }),
            index: async (segment) => this.#reportSegment(segment),
            audit: auditWhileDatabaseAway(work),
            log: { warn: (details, message) => log('warn', message, { ...details }) },
            reason: 'a worker stopped abruptly with copied segments unvouched',
          });
          copied.distrust();
          for (const segment of segments) copied.hold(segment);
          await copied.finish();
        }
      },
    };
  }

  #reportSegment(s: Segment): void {
    const segment = { ...s, startedAt: s.startedAt.toISOString(), endedAt: s.endedAt.toISOString(), node: this.node };
    this.#outbox.publish({ v: 1, type: 'segment.recorded', segment });
  }

  /** Stops every camera (each stores and reports its last segment), gives its leases back, closes. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    clearInterval(this.#renewer);
    clearInterval(this.#ownMasksTimer);
    await Promise.all(this.#rechecks);
    await this.#subscription?.close();
    await this.#rounds.idle();
    await this.#claims?.releaseAll();
    await Promise.all(this.#stopping.values());
    await Promise.all(this.#finishing);
    this.#unsubscribeStatus?.();
    await this.#supervisor.stopAll();
    await this.#outbox.flushed();
    await this.#server?.close();
  }

  /** Resolves once every event reported so far is on the bus (tests). */
  flushed(): Promise<void> {
    return this.#outbox.flushed();
  }

  /**
   * Queues a round after the running one, unless one is already queued and has not begun: it will read the state
   * as it is when it begins: rounds slower than the tick (a loaded machine) do not pile up, one more each tick.
   */
  #scheduleRefresh(): Promise<void> {
    return this.#rounds.runCoalesced(() => this.#refresh());
  }

  async #refresh(): Promise<void> {
    const [cameras, sealed, presetMasks] = await this.#options.work(async ({ cameras, streamSecrets, ptzMasks }) =>
      Promise.all([cameras.list(), streamSecrets.all(), ptzMasks.all()]),
    );
    this.#cameras = new Map(cameras.map((c) => [c.id, c]));
    this.#sealed = sealed;
    this.#presetMasks = presetMasks;
    await this.#claims?.tick();
    // Refused cameras too: a source corrected (or a policy widened) starts them.
    for (const id of new Set([...this.#running.keys(), ...this.#refused.keys()])) await this.#sync(id);
  }

  /**
   * Ends, side by side, the analyses the stop button now forbids: one camera after the other, a worker would wait for
   * each analysis's end in turn (its process, its detector) before the next, and many cameras would miss the 2 s.
   */
  async #applyStop(): Promise<void> {
    await Promise.all(
      [...this.#running].map(async ([cameraId, running]) => {
        const camera = this.#cameras.get(cameraId);
        if (camera !== undefined && running.rules.length > 0 && this.#stopForbids(cameraId))
          await this.#analyse(camera, running, []);
      }),
    );
  }

  /** Whether the stop button (everywhere, or on this camera) forbids its analytics now (R22). */
  #stopForbids(cameraId: string): boolean {
    return this.#stop.paused || this.#stop.pausedCameraIds.includes(cameraId);
  }

  async #sync(cameraId: string): Promise<void> {
    const camera = this.#cameras.get(cameraId);
    const held = this.#claims?.held.has(cameraId) === true;
    if (camera === undefined || !wantsRecording(camera) || !held) return this.#halt(cameraId);
    const sealed = this.#sealed.get(cameraId) ?? {};
    // Analytics switched on (or off) restart the recorder, which adds (or drops) the analysis tap.
    const { vault, ptz = new LibraryPtzGateway() } = this.#options;
    const presets = this.#presetMasks.get(cameraId);
    const follow = await headFollowFor(this.#options.work, { id: cameraId, presets }, { gateway: ptz, vault });
    const own = ownMasksMayApply(camera, follow !== undefined) ? await this.#ownMasks?.verdict(camera) : undefined;
    // The camera's own masks replace Vigie's only once checked to cover them all (never trusted by default).
    const maskedByCamera = own?.check === 'verified';
    const recording = JSON.stringify([
      ...[camera.sourceUrl, camera.subStreamUrl, sealed, camera.masks, pullsOnce(camera)],
      follow?.presets,
      maskedByCamera,
    ]);
    const rules = await this.#runnable(camera);
    let running = this.#running.get(cameraId);
    // The periodic checks follow the camera as registered now (none once it may no longer mask itself).
    if (running !== undefined && own !== undefined) running.own = { camera, verdict: own };
    else if (running !== undefined) delete running.own;
    if (running !== undefined && running.recording !== recording) {
      await this.#halt(cameraId);
      running = undefined;
    }
    if (running === undefined) {
      const refusal = await this.#refusal(camera);
      if (refusal !== undefined) return;
      await this.#stopping.get(cameraId);
      const tapPort = pullsOnce(camera) ? await freeLoopbackUdpPort() : undefined;
      const copy = maskedByCamera
        ? {
            audit: auditWhileDatabaseAway(this.#options.work),
            quarantineDir: join(this.#options.dataDir, 'recordings', '.quarantine'),
          }
        : undefined;
      const runner = this.#runner(camera, sealed, { analysisTapPort: tapPort, follow, copy });
      running = {
        runner,
        recording,
        analysis: '',
        rules: [],
        ...(own === undefined ? {} : { own: { camera, verdict: own } }),
      };
      this.#running.set(cameraId, running);
      running.runner.start();
      const masks = own === undefined ? {} : { cameraMasks: own.check, copied: maskedByCamera };
      this.#options.log('info', 'camera started', { camera: cameraId, ...masks });
    }
    await this.#analyse(camera, running, rules);
  }

  /**
   * Runs these analytics on a running camera, unless it runs them already with the same zones and lines. None while
   * the stop button forbids them: it wins over rules a round read before the stop arrived.
   */
  async #analyse(camera: Camera, running: Running, wanted: AnalyticsEventType[]): Promise<void> {
    const rules = this.#stopForbids(camera.id) ? [] : wanted;
    const analysis = JSON.stringify([camera.zones, camera.lines, rules]);
    if (running.analysis === analysis) return;
    running.analysis = analysis;
    running.rules = rules;
    await running.runner.analyse(camera, rules);
    this.#options.log('info', 'camera analytics', { camera: camera.id, analytics: rules });
  }

  /**
   * Why this worker's source policy refuses to pull the camera (main or sub stream), reported once per
   * reason as the camera's `error` status; undefined when allowed.
   */
  async #refusal(camera: Camera): Promise<string | undefined> {
    const { sourcePolicy } = this.#options;
    let refusal: string | undefined;
    for (const [which, url] of [
      ['source', camera.sourceUrl],
      ['sub stream', camera.subStreamUrl],
    ] as const) {
      const why = url === undefined ? undefined : await resolvedSourceRefusal(url, sourcePolicy);
      if (why !== undefined) refusal ??= `Not recorded by worker ${this.node}: the ${which} ${why}.`;
    }
    if (refusal === undefined) {
      this.#refused.delete(camera.id);
      return undefined;
    }
    if (this.#refused.get(camera.id) !== refusal) {
      this.#refused.set(camera.id, refusal);
      this.#options.log('error', 'camera refused by the source policy', { camera: camera.id, reason: refusal });
      this.#outbox.publish({
        v: 1,
        type: 'camera.status',
        cameraId: camera.id,
        state: 'error',
        reason: refusal,
        since: this.#options.clock.now().toISOString(),
      });
    }
    return refusal;
  }

  #runner(
    camera: Camera,
    sealed: SealedStreamPasswords,
    extra: { [K in 'analysisTapPort' | 'follow' | 'copy']: CameraRunnerOptions[K] | undefined },
  ): CameraRunner {
    const { analysisTapPort, follow, copy } = extra;
    return new CameraRunner({
      camera,
      ...definedOnly({ follow, copy }),
      sources: () => unsealedSources(camera, sealed, this.#options.vault),
      ...definedOnly({ analysisTapPort }),
      node: this.node,
      supervisor: this.#supervisor,
      storage: this.#storage,
      spoolDir: join(this.#options.dataDir, 'recordings', '.spool'),
      ffmpegPath: this.#options.ffmpegPath,
      clock: this.#options.clock,
      outbox: this.#outbox,
      caption: { cameraName: camera.name, timeZone: this.#options.timeZone, language: this.#options.language ?? 'fr' },
      ...definedOnly({
        segmentSeconds: this.#options.segmentSeconds,
        modelPath: this.#options.modelPath,
        fireModelPath: this.#options.fireModelPath,
      }),
      onHealth: () => {
        const status = this.#supervisor.status(`${camera.id}:record`);
        if (status?.state === 'online') this.#publishStatus(camera.id, status);
      },
      verifyModel: async (path) => {
        const file = await modelFileIdentity(path);
        assertModelRegistered(file, await this.#options.work(({ models }) => models.list()));
      },
      onAnalysisStatus: (status) => {
        if (status.state === 'running' || status.state === 'failed')
          this.#options.log('info', 'camera analysis', { camera: camera.id, state: status.state });
      },
      onProblem: (message) => this.#options.log('warn', message, { camera: camera.id }),
    });
  }

  /** Publishes a camera's state: its recording process's, or `degraded` while the recorder lags. */
  #publishStatus(cameraId: string, status: ProcessStatus): void {
    const running = this.#running.get(cameraId);
    if (running === undefined) return;
    const shown = recordingState(status, running.runner.health);
    if (shown.state === 'stopped') return;
    this.#outbox.publish({
      v: 1,
      type: 'camera.status',
      cameraId,
      state: shown.state,
      reason: shown.reason,
      since: this.#options.clock.now().toISOString(),
    });
  }

  /** Stops a camera; the recorder's graceful stop (its last segment stored) runs without holding the round. */
  #halt(cameraId: string): Promise<void> {
    this.#refused.delete(cameraId);
    const running = this.#running.get(cameraId);
    if (running === undefined) return this.#stopping.get(cameraId) ?? Promise.resolve();
    this.#running.delete(cameraId);
    const stopped = running.runner
      .stop()
      .then(() => {
        this.#options.log('info', 'camera stopped', { camera: cameraId });
        this.#finishCopies(running.runner);
      })
      .finally(() => this.#stopping.delete(cameraId));
    this.#stopping.set(cameraId, stopped);
    return stopped;
  }

  /**
   * Lets a stopped copy run mask its unvouched segments after the fact without holding the camera's restart (the
   * worker's stop waits for it).
   */
  #finishCopies(runner: CameraRunner): void {
    const finishing = runner
      .finishCopies()
      .catch((error: unknown) =>
        this.#options.log('error', 'copied segments not masked after the fact', { err: String(error) }),
      )
      .finally(() => this.#finishing.delete(finishing));
    this.#finishing.add(finishing);
  }

  /**
   * Checks again the masks of every camera meant to mask itself (outside the rounds: a camera that does not answer
   * takes seconds); one whose outcome moves it between copy and Vigie's masks is restarted by the next round.
   */
  async #recheckOwnMasks(): Promise<void> {
    await Promise.all(
      [...this.#running].map(async ([cameraId, running]) => {
        const own = running.own;
        if (own === undefined || this.#ownMasks === undefined) return;
        const verdict = await this.#ownMasks.recheck(own.camera);
        if (verdict === undefined || this.#running.get(cameraId) !== running) return;
        running.own = { camera: own.camera, verdict };
        if ((own.verdict.check === 'verified') !== (verdict.check === 'verified')) await this.#scheduleRefresh();
      }),
    );
  }

  /** The analytics that may run: none while stopped (R22), without authorisation (R1, R18) or assessment (R27). */
  async #runnable(camera: Camera): Promise<AnalyticsEventType[]> {
    if (this.#stopForbids(camera.id) || camera.analytics.length === 0) return [];
    const { entry, authorisations } = await this.#options.work(async ({ registry, analysisAuthorisations }) => ({
      entry: await registry.get(camera.id),
      authorisations: await analysisAuthorisations.list({ current: true }),
    }));
    const now = this.#options.clock.now();
    try {
      assertImagesViewable(camera, entry, now);
    } catch {
      return [];
    }
    const assessed = analyticsAllowedToRun(camera.analytics, entry?.dpia, zonedDate(now, this.#options.timeZone));
    // Alert analytics run only inside an active analysis authorisation (R18); each round re-checks it.
    return analyticsAuthorisedAt({ id: camera.id, analytics: assessed.allowed }, authorisations, now).allowed;
  }
}

/** A camera records when enabled and authorised (LEGAL R1). */
function wantsRecording(camera: Camera): boolean {
  return camera.enabled && imagesViewableIn(camera.authorisation.state);
}
