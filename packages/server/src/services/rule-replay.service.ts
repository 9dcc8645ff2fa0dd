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
import { AnalysisPipeline, FfmpegFrameSource, OnnxDetector } from '@vigie/vision';
import type { PersonRequester } from '../auth/requester.js';
import { copyFromStorage } from '../video/storage-copy.js';
import { parseTimeRange, type TimeRange } from '../video/time-range.js';
import type { MediaTools } from '../video/recording.service.js';
import type { CameraService } from './camera.service.js';
import type { ModelRegistryService } from './model-registry.service.js';

/** Replays kept for their results, newest last. */
const keptReplays = 20;
/** Analysis rate and width of a replay: those of the live analysis. */
const replayFps = 5;
const replayWidth = 640;

/**
 * Replays a camera's stored (already masked) recordings of a period through one rule with other
 * parameters ("what would this have raised last week?"): the vision pipeline runs on the segment files,
 * raises nothing, and the events it would have raised are compared with the verdicts already given on
 * the rule's alerts of that period. One replay at a time, in the background, its progress readable
 * while it runs; kept in memory (the last 20).
 */
export class RuleReplayService {
  readonly #replays = new Map<string, Replay>();
  #running = false;
  /** Stops the replay under way (server shutdown). */
  readonly #stop = new AbortController();
  #done: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      work: UnitOfWork;
      clock: Clock;
      cameras: CameraService;
      storage: SegmentStorage;
      media: MediaTools;
      /** YOLOX model of the live analysis; without it, moving blobs stand in for detections. */
      modelPath?: string;
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
    const range = parseTimeRange(input, maxReplayHours);
    if (!(await this.deps.lawful({ ...camera, analytics: [type] })).includes(type))
      throw new VigieError(
        'REPLAY_NOT_LAWFUL',
        `${type} may not run on the images of camera "${camera.name}" now: analytics are stopped, or no valid authorisation, impact assessment or analysis authorisation covers it.`,
      );
    if (this.#running)
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
    await this.deps.work(({ audit }) =>
      audit.append({
        action: 'analytics.rule_replayed',
        ...requester,
        cameraId: camera.id,
        rangeStart: replay.from,
        rangeEnd: replay.to,
        details: { replay: replay.id, type, params: replay.params },
      }),
    );
    this.#running = true;
    this.#replays.set(replay.id, replay);
    for (const id of [...this.#replays.keys()].slice(0, -keptReplays)) this.#replays.delete(id);
    const camerasRules = {
      ...camera.ruleSettings,
      [type]: { mode: 'live' as const, params },
    };
    this.#done = this.#run(replay, { camera: { ...camera, ruleSettings: camerasRules }, segments, range });
    return structuredClone(replay);
  }

  /** A replay, as far as it went, if its camera is one the viewer may see. */
  async get(id: string, viewer: PersonRequester): Promise<Replay> {
    const replay = this.#replays.get(id);
    if (replay === undefined) throw new VigieError('REPLAY_NOT_FOUND', `No replay has id ${id}.`);
    await this.deps.cameras.get(replay.cameraId, viewer);
    return structuredClone(replay);
  }

  /** Stops the replay under way, if any (it then reads as failed), and waits for its files to be removed. */
  async close(): Promise<void> {
    this.#stop.abort();
    await this.#done;
  }

  async #run(
    replay: Replay,
    o: { camera: Camera; segments: readonly IndexedSegment[]; range: TimeRange },
  ): Promise<void> {
    const { media, storage } = this.deps;
    const first = o.segments[0] as IndexedSegment;
    const base = first.startedAt.getTime();
    let detector: OnnxDetector | undefined;
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
    try {
      if (this.deps.modelPath !== undefined)
        detector = await OnnxDetector.create({ modelPath: this.deps.modelPath, threads: 1 });
      dir = await mkdtemp(join(media.workDir, 'replay-'));
      const pipeline = new AnalysisPipeline({
        fps: replayFps,
        cameraId: replay.cameraId,
        config: analysisConfigOf(o.camera, [replay.type]),
        startedAt: first.startedAt,
        ...definedOnly({ detector }),
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
          signal: this.#stop.signal,
        });
        for await (const frame of source) {
          const result = await pipeline.process({ ...frame, t: frame.t + offset });
          keep(result.alerts);
          source.recycle(frame.data);
        }
        if (this.#stop.signal.aborted) throw new Error('The server stopped during the replay.');
        replay.progress.segmentsDone++;
        replay.progress.analysedS += (segment.endedAt.getTime() - segment.startedAt.getTime()) / 1000;
      }
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
      const code = error instanceof VigieError ? error.code : 'MEDIA_UNAVAILABLE';
      outcome = { status: 'failed', error: { code, message: (error as Error).message } };
      this.deps.onError?.(error as Error);
    } finally {
      await detector?.close().catch(() => undefined);
      if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      // Free for the next replay before this one reads as finished.
      this.#running = false;
      Object.assign(replay, outcome, { finishedAt: this.deps.clock.now().toISOString() });
    }
  }
}
