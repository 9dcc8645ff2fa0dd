import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  analysisConfigOf,
  definedOnly,
  matchReplay,
  maxReplayHours,
  resolveRuleParams,
  retentionCutoff,
  ruleParamKeys,
  VigieError,
  type Alert,
  type AnalyticsEventType,
  type Camera,
  type Clock,
  type Replay,
  type ReplayEvent,
  type ReplayInput,
  type SegmentStorage,
} from '@vigie/core';
import type { IndexedSegment, UnitOfWork } from '@vigie/db';
import { copyFromStorage } from '@vigie/media';
import { AnalysisPipeline, FfmpegFrameSource, OnnxDetector, OnnxFireClassifier } from '@vigie/vision';
import type { PersonRequester } from '../auth/requester.js';
import { parseTimeRange, type TimeRange } from '../video/time-range.js';
import type { MediaTools } from '../video/recording.service.js';
import type { CameraService } from './camera.service.js';
import type { ModelRegistryService } from './model-registry.service.js';

/** Replays kept for their results (the newest). */
const keptReplays = 20;
/** Analysis rate and width of a replay: those of the live analysis. */
const replayFps = 5;
const replayWidth = 640;
/** A running replay's progress is written at most this often, and at least this often while a segment is analysed. */
const progressWriteMs = 1000;
const heartbeatMs = 5000;
/** A replay recorded as running but not written for this long was left by a server that stopped. */
const staleAfterMs = 30_000;

/** Why a running replay stops before its end. */
type StopReason = 'cancelled' | 'closing';

/** The replay this server runs. */
interface RunningReplay {
  replay: Replay;
  stop: AbortController;
  done: Promise<void>;
}

/**
 * Replays a camera's stored (already masked) recordings of a period through one rule with other
 * parameters ("what would this have raised last week?"): the vision pipeline runs on the segment files,
 * raises nothing, and the events it would have raised are compared with the verdicts already given on
 * the rule's alerts of that period. One replay at a time per server, in the background; its progress
 * is written to the database while it runs, so any server reads it and it outlives a restart (the 20
 * newest are kept). A supervisor may cancel it.
 */
export class RuleReplayService {
  #current: RunningReplay | undefined;
  #lastWrite = 0;
  /** The last write of a replay's state: writes go one after another, so a heartbeat never lands after the final state. */
  #written: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      cameras: CameraService;
      storage: SegmentStorage;
      media: MediaTools;
      /** YOLOX model of the live analysis; without it, moving blobs stand in for detections. */
      modelPath?: string;
      /** Fire patch classifier of the live analysis; without it a `fire_smoke` replay is refused (FIRE_MODEL_MISSING). */
      fireModelPath?: string;
      models: Pick<ModelRegistryService, 'verify'>;
      /** The analytics the law lets run on a camera's images now (`AnalysisFleet.lawful`). */
      lawful: (camera: Camera) => Promise<AnalyticsEventType[]>;
      /** A replay failed (its status says so too). */
      onError?: (error: Error) => void;
    },
  ) {}

  /** Starts a replay of `type` on a camera the supervisor may see; audited with its parameters and period. */
  async start(
    cameraId: string,
    type: AnalyticsEventType,
    input: ReplayInput,
    requester: PersonRequester,
  ): Promise<Replay> {
    const camera = await this.deps.cameras.get(cameraId, requester);
    const foreign = Object.keys(input.params ?? {}).filter(
      (key) => !(ruleParamKeys[type] as readonly string[]).includes(key),
    );
    if (foreign.length > 0)
      throw new VigieError(
        'VALIDATION_FAILED',
        `${type} takes only its own parameters (${ruleParamKeys[type].join(', ') || 'none'}).`,
        foreign.map((key) => ({ path: `/params/${key}`, reason: `is not a parameter of ${type}` })),
      );
    if (type === 'fire_smoke' && this.deps.fireModelPath === undefined)
      throw new VigieError(
        'FIRE_MODEL_MISSING',
        'fire_smoke cannot be replayed: no fire model is configured (VIGIE_FIRE_MODEL), and it never raises on colour alone.',
      );
    const range = parseTimeRange(input, maxReplayHours);
    if (!(await this.deps.lawful({ ...camera, analytics: [type] })).includes(type))
      throw new VigieError(
        'REPLAY_NOT_LAWFUL',
        `${type} may not run on the images of camera "${camera.name}" now: analytics are stopped, or no valid authorisation, impact assessment or analysis authorisation covers it.`,
      );
    if (this.#current !== undefined)
      throw new VigieError('REPLAY_BUSY', 'A replay is already running on this server; wait for it to finish.');
    const segments = await this.deps.work(({ recordings }) =>
      recordings.segmentsBetween(camera.id, range, retentionCutoff(this.deps.clock.now(), camera.retentionDays)),
    );
    if (segments.length === 0)
      throw new VigieError(
        'NO_RECORDING',
        `Camera "${camera.name}" has no recording between ${input.from} and ${input.to}.`,
      );
    if (this.deps.modelPath !== undefined) await this.deps.models.verify(this.deps.modelPath);
    if (type === 'fire_smoke' && this.deps.fireModelPath !== undefined)
      await this.deps.models.verify(this.deps.fireModelPath);
    const params = { ...camera.ruleSettings?.[type]?.params, ...input.params };
    const resolved = resolveRuleParams(params);
    const replay: Replay = {
      id: randomUUID(),
      cameraId: camera.id,
      type,
      params: Object.fromEntries(ruleParamKeys[type].map((key) => [key, resolved[key]])),
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      status: 'running',
      progress: {
        segments: segments.length,
        segmentsDone: 0,
        recordedS: segments.reduce((s, g) => s + (g.endedAt.getTime() - g.startedAt.getTime()) / 1000, 0),
        analysedS: 0,
      },
      startedAt: this.deps.clock.now().toISOString(),
      events: [],
    };
    await this.deps.work(async ({ audit, replays }) => {
      await audit.append({
        action: 'analytics.rule_replayed',
        ...requester,
        cameraId: camera.id,
        rangeStart: replay.from,
        rangeEnd: replay.to,
        details: { replay: replay.id, type, params: replay.params },
      });
      await replays.save(replay, this.deps.clock.now());
      await replays.keepNewest(keptReplays);
    });
    const camerasRules = {
      ...camera.ruleSettings,
      [type]: { mode: 'live' as const, params },
    };
    const stop = new AbortController();
    const current: RunningReplay = { replay, stop, done: Promise.resolve() };
    this.#current = current;
    current.done = this.#run(replay, stop.signal, {
      camera: { ...camera, ruleSettings: camerasRules },
      segments,
      range,
    });
    return structuredClone(replay);
  }

  /** A replay, as far as it went, if its camera is one the viewer may see. */
  async get(id: string, viewer: PersonRequester): Promise<Replay> {
    const replay = await this.#read(id);
    await this.deps.cameras.get(replay.cameraId, viewer);
    return replay;
  }

  /** Stops a running replay this server runs, on a camera the supervisor may see (audited); it then reads as cancelled. */
  async cancel(id: string, requester: PersonRequester): Promise<Replay> {
    const replay = await this.get(id, requester);
    const current = this.#current;
    if (replay.status !== 'running' || current?.replay.id !== id)
      throw new VigieError(
        'REPLAY_NOT_RUNNING',
        replay.status === 'running'
          ? `Replay ${id} runs on another server; cancel it there.`
          : `Replay ${id} is not running (it is ${replay.status}).`,
      );
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'analytics.rule_replay_cancelled',
        ...requester,
        cameraId: replay.cameraId,
        rangeStart: replay.from,
        rangeEnd: replay.to,
        details: { replay: id, type: replay.type },
      }),
    );
    current.stop.abort('cancelled' satisfies StopReason);
    await current.done;
    return structuredClone(current.replay);
  }

  /** Stops the replay under way, if any (it then reads as interrupted), and waits for its files to be removed. */
  async close(): Promise<void> {
    const current = this.#current;
    current?.stop.abort('closing' satisfies StopReason);
    await current?.done;
  }

  /** The replay as it stands: this server's running one from memory, others from the database. */
  async #read(id: string): Promise<Replay> {
    if (this.#current?.replay.id === id) return structuredClone(this.#current.replay);
    const stored = await this.deps.work(({ replays }) => replays.get(id));
    if (stored === undefined) throw new VigieError('REPLAY_NOT_FOUND', `No replay has id ${id}.`);
    const { replay, updatedAt } = stored;
    // A running replay that no server has written for long was left by a server that stopped.
    if (replay.status === 'running' && this.deps.clock.now().getTime() - updatedAt.getTime() > staleAfterMs)
      return { ...replay, status: 'failed', error: interrupted };
    return replay;
  }

  /** Writes the running replay's progress, at most once a second unless `now`. */
  async #write(replay: Replay, now = false): Promise<void> {
    const at = this.deps.clock.now();
    if (!now && at.getTime() - this.#lastWrite < progressWriteMs) return;
    this.#lastWrite = at.getTime();
    const copy = structuredClone(replay);
    const write = this.#written.then(() => this.deps.work(({ replays }) => replays.save(copy, at)));
    this.#written = write.catch(() => undefined);
    await write;
  }

  async #run(
    replay: Replay,
    signal: AbortSignal,
    o: { camera: Camera; segments: readonly IndexedSegment[]; range: TimeRange },
  ): Promise<void> {
    const { media, storage } = this.deps;
    const first = o.segments[0] as IndexedSegment;
    const base = first.startedAt.getTime();
    let detector: OnnxDetector | undefined;
    let fireClassifier: OnnxFireClassifier | undefined;
    let dir: string | undefined;
    const raised: Alert[] = [];
    let outcome: Pick<Replay, 'status'> & Partial<Pick<Replay, 'events' | 'summary' | 'error'>> = {
      status: 'failed',
    };
    const keep = (alerts: readonly { kind: string; alert: Alert }[]) => {
      for (const change of alerts) {
        if (change.kind === 'opened') raised.push(change.alert);
        else {
          const index = raised.findLastIndex((a) => a.key === change.alert.key);
          if (index >= 0) raised[index] = change.alert;
        }
      }
    };
    // Written while a long segment is analysed too: a replay not written for long reads as interrupted.
    const heartbeat = setInterval(() => {
      this.#write(replay, true).catch((error: unknown) => this.deps.onError?.(error as Error));
    }, heartbeatMs);
    heartbeat.unref();
    try {
      if (this.deps.modelPath !== undefined)
        detector = await OnnxDetector.create({ modelPath: this.deps.modelPath, threads: 1 });
      if (replay.type === 'fire_smoke' && this.deps.fireModelPath !== undefined)
        fireClassifier = await OnnxFireClassifier.create({ modelPath: this.deps.fireModelPath });
      dir = await mkdtemp(join(media.workDir, 'replay-'));
      const pipeline = new AnalysisPipeline({
        fps: replayFps,
        cameraId: replay.cameraId,
        config: analysisConfigOf(o.camera, [replay.type]),
        startedAt: first.startedAt,
        ...definedOnly({ detector, fireClassifier }),
      });
      for (const segment of o.segments) {
        const path = await copyFromStorage(storage, segment.key, join(dir, 'segment.mp4'));
        const offset = segment.startedAt.getTime() - base;
        const source = new FfmpegFrameSource({
          ffmpegPath: media.ffmpegPath(),
          input: path,
          fps: replayFps,
          width: replayWidth,
          format: 'rgb24',
          whenBehind: 'wait',
          signal,
        });
        for await (const frame of source) {
          const result = await pipeline.process({ ...frame, t: frame.t + offset });
          keep(result.alerts);
          source.recycle(frame.data);
        }
        if (signal.aborted) break;
        replay.progress.segmentsDone++;
        replay.progress.analysedS += (segment.endedAt.getTime() - segment.startedAt.getTime()) / 1000;
        await this.#write(replay);
      }
      if (signal.aborted) throw new ReplayStopped(signal.reason as StopReason);
      keep(pipeline.endAlerts());
      const events = raised.map((alert): Omit<ReplayEvent, 'verdict' | 'alertId'> => ({
        at: new Date(base + alert.firstT).toISOString(),
        endedAt: new Date(base + (alert.endT ?? alert.lastT)).toISOString(),
        ...definedOnly({ zoneId: alert.zoneId }),
        facts: alert.facts,
      }));
      const verdicts = await this.deps.work(({ alerts }) =>
        alerts.verdictsBetween(replay.cameraId, replay.type, o.range),
      );
      outcome = { status: 'done', ...matchReplay(events, verdicts) };
    } catch (error) {
      if (error instanceof ReplayStopped)
        outcome = error.reason === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', error: interrupted };
      else {
        const code = error instanceof VigieError ? error.code : 'MEDIA_UNAVAILABLE';
        outcome = { status: 'failed', error: { code, message: (error as Error).message } };
        this.deps.onError?.(error as Error);
      }
    } finally {
      clearInterval(heartbeat);
      await detector?.close().catch(() => undefined);
      await fireClassifier?.close().catch(() => undefined);
      if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      Object.assign(replay, outcome, { finishedAt: this.deps.clock.now().toISOString() });
      await this.#write(replay, true).catch((error: unknown) => this.deps.onError?.(error as Error));
      // Free for the next replay once this one reads as finished.
      this.#current = undefined;
    }
  }
}

/** What a replay stopped by its server's shutdown reads as. */
const interrupted = {
  code: 'REPLAY_INTERRUPTED',
  message: 'The server stopped while the replay ran.',
};

/** A replay stopped before its end, by a supervisor or by the server's shutdown. */
class ReplayStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`replay ${reason}`);
  }
}
