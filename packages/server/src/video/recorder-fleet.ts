import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import {
  definedOnly,
  fullFrameMask,
  healthWarnings,
  imagesViewableIn,
  SerialQueue,
  stateRaisesOfflineAlert,
  type Camera,
  type CameraMaskGateway,
  type CameraMaskVerdict,
  type CameraState,
  type DomainEvent,
  type PresetMasks,
  type PtzGateway,
  type SealedStreamPasswords,
  type Clock,
  type SegmentStorage,
  type SourceUrlPolicy,
  type StreamMeasures,
} from '@vigie/core';
import { auditWhileDatabaseAway, whileDatabaseAway, type UnitOfWork } from '@vigie/db';
import {
  analysisTapUrl,
  chooseMaskEncoder,
  copiedSegmentsFor,
  OwnMaskChecks,
  ownMasksMayApply,
  FfmpegSupervisor,
  headFollowOf,
  OnDemandLiveFeed,
  PtzMaskFollower,
  freeLoopbackUdpPort,
  pullsOnce,
  recordingState,
  resolvedSourceRefusal,
  SegmentRecorder,
  unsealedSources,
  type CopiedSegments,
  type CredentialVault,
  type PtzMaskFollowerOptions,
  type FfmpegCapabilities,
  type ProcessStatus,
} from '@vigie/media';
import type { FastifyBaseLogger } from 'fastify';
import type { DomainEvents } from '../events/domain-events.js';
import { IndexWriter } from './index-writer.js';
import { LiftableSealer } from './liftable-sealer.js';
import type { LiveFeeds } from './live-feeds.js';
import { storedCameraOf } from '../camera-follow.js';
import type { AlertService } from '../services/alert.service.js';

/** What the fleet needs to record cameras. */
export interface RecorderFleetOptions {
  work: UnitOfWork;
  clock: Clock;
  events: DomainEvents;
  alerts: AlertService;
  storage: SegmentStorage;
  /** Where ffmpeg writes segments before storage takes them (same disk as storage: a rename). */
  spoolDir: string;
  /** Where segments that could not be masked after the fact go (never indexed); absent: they are deleted. */
  quarantineDir?: string;
  ffmpegPath: string;
  /** What that ffmpeg can do (`probeFfmpeg`), so that recording arguments suit it. */
  ffmpegCapabilities: FfmpegCapabilities;
  log: FastifyBaseLogger;
  /** Segment length in seconds (default 4). */
  segmentSeconds?: number;
  /** Where each camera's live stream (fragmented MP4 from its recording process) is published; none: HLS only. */
  liveFeeds?: LiveFeeds;
  /** Where camera sources may point: checked again, names resolved, before each recorder starts. */
  sourcePolicy: SourceUrlPolicy;
  /**
   * The unmasking custody public key: with it, the picture behind a camera's liftable masks is kept,
   * sealed for it (docs/unmasking.md); without it, liftable masks are recorded as permanent ones.
   */
  custody?: KeyObject;
  /** Opens the sealed stream passwords, put back into the URL only when ffmpeg starts. */
  vault: CredentialVault;
  /** How often each camera's measures are judged for a "camera degraded" notice (default 15 s). */
  healthCheckMs?: number;
  /**
   * Reads the privacy masks cameras apply themselves (ONVIF Media2), for cameras flagged `masksOnCamera`; absent:
   * such cameras are masked by Vigie like any other.
   */
  cameraMasks?: CameraMaskGateway;
  /** How often the masks of those cameras are checked again (default 10 s: the longest a removed mask goes unseen). */
  cameraMaskCheckMs?: number;
  /** Reads PTZ heads, so that masks drawn per preset follow them; absent: presets' masks are not followed. */
  ptz?: PtzGateway;
  /** How often a followed PTZ head is read, and how long it must rest on a preset before its masks apply. */
  ptzFollow?: { pollMs: number; settleMs: number };
  /** How long an on-demand live process (sub stream, copied camera's main stream) outlives its last viewer (default 10 s). */
  subLiveLingerMs?: number;
  /** Supervisor tuning (tests shorten the backoff). */
  backoff?: { initialMs: number; maxMs: number; factor: number };
  /** A camera's analysis tap (`analysisTap`) appeared, moved or went away: its analysis follows the recorder. */
  onAnalysisTap?: (cameraId: string) => void;
}

interface Running {
  recorder: SegmentRecorder;
  /** Seals the picture behind the camera's liftable masks, when it has any and a custody key is set. */
  sealer?: LiftableSealer;
  /** The settings the recorder was started with: a change to them restarts it. */
  fingerprint: string;
  /** Where the camera's analysis reads the recorder's copy of its packets, when it is pulled once. */
  tap?: string;
  /** Whether its last judged measures called for a "camera degraded" notice. */
  degraded?: boolean;
  /** A PTZ camera with masks drawn per preset: what makes them follow the head. */
  follower?: PtzMaskFollower;
  /** The camera's sub stream served live to small tiles, when it has one (its own ffmpeg, on demand). */
  subLive?: OnDemandLiveFeed;
  /**
   * A camera recorded by copy: its main stream served live masked by Vigie (its own ffmpeg, on demand), since a
   * copy is vouched for only after the fact and live cannot wait for the next check of the camera's masks.
   */
  mainLive?: OnDemandLiveFeed;
  /** A camera meant to apply its masks itself: as registered, and what the last check of its masks found. */
  own?: { camera: Camera; verdict: CameraMaskVerdict };
  /** Recorded by copy: its segments, held out of the index until a later check of the camera's masks passes. */
  copied?: CopiedSegments;
}

function fingerprint(
  camera: Camera,
  sealed: SealedStreamPasswords,
  presets: readonly PresetMasks[],
  maskedByCamera: boolean,
): string {
  // Whether it feeds the analysis too: analytics switched on (or a sub stream removed) add the tap.
  // Its sub stream too: the sub live feed is made with the recorder. Who masks: the camera (copy) or Vigie.
  const sub = [camera.subStreamUrl, sealed.sub];
  return JSON.stringify([camera.sourceUrl, sealed.main, camera.masks, pullsOnce(camera), presets, sub, maskedByCamera]);
}

/**
 * Keeps one recorder per enabled camera: starts them at boot, restarts a camera's recorder when its
 * URL or masks change, stops it when disabled or removed. Indexes every segment and gap, stores and
 * pushes each camera's status, and opens a "camera offline" alert when a stream dies.
 */
export class RecorderFleet {
  readonly #options: RecorderFleetOptions;
  readonly #supervisor: FfmpegSupervisor;
  readonly #running = new Map<string, Running>();
  readonly #queue: SerialQueue;
  readonly #index: IndexWriter;
  #unsubscribe: (() => void)[] = [];
  #healthTimer: NodeJS.Timeout | undefined;
  #ownMasksTimer: NodeJS.Timeout | undefined;
  readonly #ownMasks: OwnMaskChecks;
  /** Copy runs whose recorder stopped, while their unvouched segments are masked after the fact. */
  readonly #finishing = new Set<Promise<void>>();

  constructor(options: RecorderFleetOptions) {
    this.#options = options;
    this.#queue = new SerialQueue((error) => options.log.error({ err: error }, 'recording fleet: a task failed'));
    // Half a segment between index writes, at least a second: a camera's next segment comes a whole segment later,
    // and few cameras share a transaction between them (4 cameras of 4 s segments: two rows a transaction, not one).
    this.#index = new IndexWriter({
      work: options.work,
      flushMs: Math.max(1000, ((options.segmentSeconds ?? 4) * 1000) / 2),
    });
    this.#supervisor = new FfmpegSupervisor({
      ffmpegPath: options.ffmpegPath,
      ffmpegCapabilities: options.ffmpegCapabilities,
      clock: options.clock,
      ...definedOnly({ backoff: options.backoff }),
      log: (entry) => options.log[entry.level]({ camera: entry.jobId }, entry.message),
    });
    this.#ownMasks = new OwnMaskChecks({
      ...definedOnly({ gateway: options.cameraMasks }),
      deviceOf: (cameraId) => options.work(({ onvifDevices }) => onvifDevices.get(cameraId)),
      audit: (entry) => options.work(({ audit }) => audit.append(entry)),
      vault: options.vault,
      clock: options.clock,
      log: options.log,
      copiedOf: (cameraId) => this.#running.get(cameraId)?.copied,
    });
  }

  /** Starts recording every enabled camera and follows registry changes. */
  async start(): Promise<void> {
    this.#unsubscribe.push(
      this.#supervisor.onStatus((status) => void this.#enqueue(() => this.#onStatus(status))),
      this.#options.events.subscribe((event) => void this.#enqueue(() => this.#onRegistryEvent(event))),
    );
    const cameras = await this.#options.work(({ cameras }) => cameras.list());
    await this.#enqueue(async () => {
      for (const camera of cameras) await this.#sync(camera.id, camera);
    });
    this.#healthTimer = setInterval(
      () => void this.#enqueue(() => this.#judgeHealth()),
      this.#options.healthCheckMs ?? 15_000,
    );
    this.#ownMasksTimer = setInterval(() => void this.#recheckOwnMasks(), this.#options.cameraMaskCheckMs ?? 10_000);
  }

  /**
   * What the recorder of a camera measured of its stream (with who masks it: `maskEncoder` when Vigie does,
   * `cameraMasks` for a camera meant to mask itself); undefined when this process does not record it.
   */
  measures(cameraId: string): StreamMeasures | undefined {
    const running = this.#running.get(cameraId);
    const measures = running?.recorder.measures();
    if (measures === undefined || running?.own === undefined) return measures;
    return { ...measures, cameraMasks: running.own.verdict.check };
  }

  /**
   * The loopback URL where the recorder of a camera pulled once (`pullsOnce`) copies the camera's packets
   * for its analysis; undefined while it is not recorded here, or is not pulled once.
   */
  analysisTap(cameraId: string): string | undefined {
    return this.#running.get(cameraId)?.tap;
  }

  /**
   * The live feed of a camera's sub stream (small tiles), when this process records the camera and it has a
   * sub stream the source policy allows; never for masks that follow a PTZ head (those follow only the recording).
   */
  subLive(cameraId: string): OnDemandLiveFeed | undefined {
    return this.#running.get(cameraId)?.subLive;
  }

  /** The masked on-demand live feed of a camera's main stream while it is recorded by copy; else undefined. */
  mainLive(cameraId: string): OnDemandLiveFeed | undefined {
    return this.#running.get(cameraId)?.mainLive;
  }

  /** Stops every recorder (each stores its last segment). */
  async stop(): Promise<void> {
    clearInterval(this.#healthTimer);
    clearInterval(this.#ownMasksTimer);
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    await this.#queue.idle();
    await Promise.all(
      [...this.#running.values()].map(async ({ recorder, sealer, follower, subLive, mainLive, copied }) => {
        follower?.stop();
        await Promise.all([subLive?.stop(), mainLive?.stop()]);
        await recorder.stop();
        await sealer?.idle();
        await copied?.finish();
      }),
    );
    await Promise.all(this.#finishing);
    this.#running.clear();
    await this.#supervisor.stopAll();
  }

  /** Re-reads every camera, e.g. to stop recording one whose authorisation has lapsed since the last change. */
  resync(): Promise<void> {
    return this.#enqueue(async () => {
      const cameras = await this.#options.work(({ cameras }) => cameras.list());
      for (const camera of cameras) await this.#sync(camera.id, camera);
    });
  }

  /** Waits until every registry change and status seen so far is handled (tests). */
  settled(): Promise<void> {
    return this.#queue.idle();
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    return this.#queue.run(task);
  }

  async #onRegistryEvent(event: DomainEvent): Promise<void> {
    const change = await storedCameraOf(event, this.#options.work);
    if (change !== undefined) await this.#sync(change.cameraId, change.camera);
  }

  async #sync(cameraId: string, camera: Camera | undefined): Promise<void> {
    const tap = this.#running.get(cameraId)?.tap;
    await this.#syncRecorder(cameraId, camera);
    if (this.#running.get(cameraId)?.tap !== tap) this.#options.onAnalysisTap?.(cameraId);
  }

  async #syncRecorder(cameraId: string, camera: Camera | undefined): Promise<void> {
    const running = this.#running.get(cameraId);
    // A camera records only with a valid prefectoral authorisation (LEGAL R1).
    const authorised = camera !== undefined && imagesViewableIn(camera.authorisation.state);
    const recorded = camera?.enabled === true && authorised;
    const sealed = recorded ? await this.#options.work(({ streamSecrets }) => streamSecrets.get(cameraId)) : {};
    const follow = recorded ? await this.#presetMasksOf(cameraId) : undefined;
    const own =
      recorded && ownMasksMayApply(camera, follow !== undefined) ? await this.#ownMasks.verdict(camera) : undefined;
    // The camera's own masks replace Vigie's only once checked to cover them all (never trusted by default).
    const maskedByCamera = own?.check === 'verified';
    const wanted = recorded ? fingerprint(camera, sealed, follow?.presets ?? [], maskedByCamera) : undefined;
    if (running !== undefined && camera !== undefined && own !== undefined) running.own = { camera, verdict: own };
    if (running !== undefined && running.fingerprint === wanted) return;
    if (running !== undefined) {
      this.#running.delete(cameraId);
      running.follower?.stop();
      // Viewers of an on-demand feed see it fall silent, and their tiles reconnect to what serves the camera now.
      await Promise.all([running.subLive?.stop(), running.mainLive?.stop()]);
      // What a copy recorder stored since the last passing check is masked by Vigie before it is indexed.
      running.copied?.distrust();
      await running.recorder.stop();
      await running.sealer?.idle();
      if (running.copied !== undefined) this.#finishCopied(running.copied);
      if (wanted === undefined) this.#options.liveFeeds?.remove(cameraId);
    }
    if (camera === undefined) return;
    if (wanted === undefined) {
      const reason = !camera.enabled
        ? 'Recording is switched off for this camera.'
        : `Not recorded: no valid prefectoral authorisation (${camera.authorisation.state}); record one in the legal registry (LEGAL R1).`;
      await this.#setStatus(cameraId, 'disabled', reason);
      return;
    }
    const refusal = await resolvedSourceRefusal(camera.sourceUrl, this.#options.sourcePolicy);
    if (refusal !== undefined) {
      await this.#setStatus(cameraId, 'error', `Not recorded: the source ${refusal}.`);
      return;
    }
    const { work, storage, spoolDir, log, liveFeeds } = this.#options;
    const feed = liveFeeds?.feedOf(cameraId);
    const sealer = this.#sealerFor(camera);
    // The hole since this camera's last indexed segment (server restart, settings change) becomes a gap.
    const resumeAfter = await whileDatabaseAway(() => work(({ recordings }) => recordings.lastSegmentEnd(cameraId)));
    const { vault } = this.#options;
    const tap = pullsOnce(camera) ? analysisTapUrl(await freeLoopbackUdpPort()) : undefined;
    const copied = maskedByCamera
      ? copiedSegmentsFor(camera, {
          ...this.#options,
          audit: auditWhileDatabaseAway(work),
          index: (segment) => this.#index.segment(segment),
          reason: "the camera's masks failed a check or its copy recorder stopped",
        })
      : undefined;
    const recorder = new SegmentRecorder({
      // Masks drawn per preset replace the camera's fixed ones; recording starts with the whole picture masked.
      // A camera whose own masks were checked to cover Vigie's is recorded by copy, as it sends its picture.
      camera:
        follow !== undefined
          ? { ...camera, masks: [fullFrameMask] }
          : maskedByCamera
            ? { ...camera, masks: [] }
            : camera,
      source: () => unsealedSources(camera, sealed, vault).record,
      supervisor: this.#supervisor,
      storage,
      spoolDir,
      clock: this.#options.clock,
      ...definedOnly({ resumeAfter, segmentSeconds: this.#options.segmentSeconds }),
      // A stored segment without its index row is invisible to playback and to the retention purge:
      // while the database is away, indexing waits for it (later segments wait in the spool). The rows of
      // every camera go in batches: a few transactions a second, whatever the number of cameras.
      // Copied segments wait for a check of the camera's masks that started after them (`CopiedSegments`).
      onSegment: (segment) => (copied === undefined ? this.#index.segment(segment) : copied.hold(segment)),
      onGap: (gap) => this.#index.gap(gap),
      onHealth: () => void this.#enqueue(() => this.#onHealth(cameraId)),
      onProblem: (message) => log.warn({ camera: cameraId }, message),
      // A copy is not vouched for until the next check: its segments never reach live viewers (see `mainLive`).
      ...(feed === undefined || maskedByCamera ? {} : { live: (runDir) => feed.follow(runDir) }),
      ...(sealer === undefined ? {} : { liftable: (stream) => sealer.attach(stream) }),
      ...(tap === undefined ? {} : { analysisTap: tap.send }),
    });
    const follower =
      follow === undefined
        ? undefined
        : new PtzMaskFollower({
            recorder,
            ...follow,
            clock: this.#options.clock,
            ...this.#options.ptzFollow,
            onProblem: (message) => log.warn({ camera: cameraId }, message),
          });
    const subLive = follow === undefined ? await this.#onDemandLiveOf(camera, sealed, 'sub') : undefined;
    const mainLive = maskedByCamera ? await this.#onDemandLiveOf(camera, sealed, 'main') : undefined;
    this.#running.set(cameraId, {
      recorder,
      fingerprint: wanted,
      ...definedOnly({ subLive, mainLive }),
      ...definedOnly({ sealer }),
      ...(tap === undefined ? {} : { tap: tap.read }),
      ...definedOnly({ follower }),
      ...definedOnly({ copied }),
      ...(own === undefined ? {} : { own: { camera, verdict: own } }),
    });
    const checked = own === undefined ? {} : { cameraMasks: own.check };
    if (maskedByCamera)
      log.info({ camera: cameraId, ...checked }, 'privacy masks applied by the camera (checked): copied');
    else if (camera.masks.length > 0 || follow !== undefined) {
      const maskEncoder = chooseMaskEncoder(this.#options.ffmpegCapabilities.hardwareEncoders).name;
      log.info(
        { camera: cameraId, maskEncoder, ...checked },
        `privacy masks burnt in by Vigie, encoded with ${maskEncoder}`,
      );
    }
    recorder.start();
    follower?.start();
  }

  /**
   * An on-demand live feed of one of a camera's streams, masked with Vigie's masks as its recording is (the sub
   * stream for small tiles; the main stream of a camera recorded by copy); undefined without an allowed stream.
   */
  async #onDemandLiveOf(
    camera: Camera,
    sealed: SealedStreamPasswords,
    stream: 'main' | 'sub',
  ): Promise<OnDemandLiveFeed | undefined> {
    const { liveFeeds, sourcePolicy, vault, spoolDir, log } = this.#options;
    const url = stream === 'main' ? camera.sourceUrl : camera.subStreamUrl;
    if (liveFeeds === undefined || url === undefined) return undefined;
    const refusal = await resolvedSourceRefusal(url, sourcePolicy);
    if (refusal !== undefined) {
      log.warn({ camera: camera.id }, `${stream} stream not served live: the source ${refusal}`);
      return undefined;
    }
    return new OnDemandLiveFeed({
      jobId: `${camera.id}:live-${stream}`,
      source: () => {
        const sources = unsealedSources(camera, sealed, vault);
        return stream === 'main' ? sources.record : sources.analysis;
      },
      masks: camera.masks,
      supervisor: this.#supervisor,
      workDir: join(spoolDir, camera.id),
      ...definedOnly({ lingerMs: this.#options.subLiveLingerMs }),
      onProblem: (message) => log.warn({ camera: camera.id }, message),
    });
  }

  /** A PTZ camera's masks drawn per preset and how to read its head; undefined for other cameras. */
  async #presetMasksOf(cameraId: string): Promise<Pick<PtzMaskFollowerOptions, 'presets' | 'head'> | undefined> {
    const { ptz, work, vault } = this.#options;
    if (ptz === undefined) return undefined;
    const [device, presets] = await work(
      async ({ onvifDevices, ptzMasks }) => [await onvifDevices.get(cameraId), await ptzMasks.list(cameraId)] as const,
    );
    return headFollowOf(device, presets, { gateway: ptz, vault });
  }

  /**
   * Checks again the masks of every camera meant to mask itself (outside the fleet's queue: a camera that does not
   * answer takes seconds); one whose outcome moves it between copy and Vigie's masks is restarted accordingly.
   */
  async #recheckOwnMasks(): Promise<void> {
    await Promise.all(
      [...this.#running].map(async ([cameraId, running]) => {
        const own = running.own;
        if (own === undefined) return;
        const verdict = await this.#ownMasks.recheck(own.camera);
        if (verdict === undefined || this.#running.get(cameraId) !== running) return;
        const wasCopy = own.verdict.check === 'verified';
        running.own = { camera: own.camera, verdict };
        if (wasCopy !== (verdict.check === 'verified')) {
          await this.#enqueue(async () => {
            const camera = await this.#options.work(({ cameras }) => cameras.get(cameraId));
            await this.#sync(cameraId, camera);
          });
        }
      }),
    );
  }

  /** Lets a stopped copy run finish masking its segments after the fact (the fleet's stop waits for it). */
  #finishCopied(copied: CopiedSegments): void {
    const finishing = copied
      .finish()
      .catch((error: unknown) => this.#options.log.error({ err: error }, 'copied segments not masked after the fact'))
      .finally(() => this.#finishing.delete(finishing));
    this.#finishing.add(finishing);
  }

  /** Whether a recorder of this fleet makes the camera's masks follow its head now. */
  followsHead(cameraId: string): boolean {
    return this.#running.get(cameraId)?.follower !== undefined;
  }

  /** Runs a command that moves a camera's head, its whole picture masked first when its masks follow the head. */
  aroundMove<T>(cameraId: string, move: () => Promise<T>): Promise<T> {
    const follower = this.#running.get(cameraId)?.follower;
    return follower === undefined ? move() : follower.aroundMove(move);
  }

  #sealerFor(camera: Camera): LiftableSealer | undefined {
    const { custody, storage, spoolDir, clock, work, log } = this.#options;
    if (custody === undefined || !camera.masks.some((mask) => mask.liftable === true)) return undefined;
    return new LiftableSealer({
      cameraId: camera.id,
      custody,
      storage,
      spoolDir,
      clock,
      segmentSeconds: this.#options.segmentSeconds ?? 4,
      onSealed: (segment) => whileDatabaseAway(() => work(({ unmask }) => unmask.insertSealed(segment))),
      onProblem: (message) => log.warn({ camera: camera.id }, message),
    });
  }

  async #onStatus(status: ProcessStatus): Promise<void> {
    const [cameraId = '', role] = status.jobId.split(':');
    const running = this.#running.get(cameraId);
    if (role !== 'record' || status.state === 'stopped' || running === undefined) return;
    const shown = recordingState(status, running.recorder.health);
    if (shown.state !== 'stopped') await this.#setStatus(cameraId, shown.state, shown.reason);
  }

  /** The recorder started or stopped keeping up: shown while its process runs. */
  async #onHealth(cameraId: string): Promise<void> {
    const running = this.#running.get(cameraId);
    const process = running === undefined ? undefined : this.#supervisor.status(running.recorder.jobId);
    if (running === undefined || process?.state !== 'online') return;
    const shown = recordingState(process, running.recorder.health);
    if (shown.state !== 'stopped') await this.#setStatus(cameraId, shown.state, shown.reason);
  }

  /**
   * Opens a technical "camera degraded" notice for a camera whose stream is measured degraded while it
   * records (a stopped stream is the "camera offline" alert's), and notes its recovery.
   */
  async #judgeHealth(): Promise<void> {
    for (const [cameraId, running] of this.#running) {
      if (this.#supervisor.status(running.recorder.jobId)?.state !== 'online') continue;
      const measures = this.measures(cameraId);
      const warnings = measures === undefined ? [] : healthWarnings(measures);
      const degraded = warnings.length > 0;
      if (degraded === (running.degraded ?? false)) continue;
      running.degraded = degraded;
      if (degraded) await this.#options.alerts.cameraDegraded(cameraId, warnings.map((w) => w.en).join(' '));
      else await this.#options.alerts.cameraHealthy(cameraId);
    }
  }

  async #setStatus(cameraId: string, state: CameraState, reason: string): Promise<void> {
    const since = this.#options.clock.now();
    const stored = await this.#options.work(async ({ recordings, cameras }) => {
      if ((await cameras.get(cameraId)) === undefined) return false;
      await recordings.setStatus({ cameraId, state, reason, since });
      return true;
    });
    if (!stored) return;
    this.#options.events.publish({ v: 1, type: 'camera.status', cameraId, state, reason, since: since.toISOString() });
    if (stateRaisesOfflineAlert(state)) await this.#options.alerts.cameraOffline(cameraId, reason);
    else if (state === 'online') await this.#options.alerts.cameraBackOnline(cameraId);
  }
}
