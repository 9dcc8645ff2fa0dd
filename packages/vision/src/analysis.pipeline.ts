import {
  analyticsEventTypes,
  resolveRuleParams,
  type Alert,
  type AnalysisConfig,
  type AnalyticsEvent,
  type AnalyticsEventType,
  type Detector,
  type VideoFrame,
} from '@vigie/core';
import { AlertPolicy } from './alert.policy.js';
import { BackgroundModel } from './background.model.js';
import { ByteTracker, type Track } from './byte.tracker.js';
import { CrowdDensityRule, CrowdMovementRule } from './crowd.rules.js';
import { groundPlane, type GroundPlane } from './homography.math.js';
import { LeftObjectTracker } from './left-object.tracker.js';
import { MotionDetector } from './motion.detector.js';
import { AbandonedObjectRule, ObjectRemovedRule } from './object.rules.js';
import { IntrusionRule, PeopleCountRule, PersonOnGroundRule, RapidMovementRule, WrongWayRule } from './people.rules.js';
import type { LeftObject, Rule, RuleContext } from './rule.context.js';
import { CameraTamperRule, FireSmokeRule } from './scene.rules.js';

/** Pipeline settings. */
export interface AnalysisOptions {
  /** Analysis frame rate, to size the background model's time constants. */
  fps: number;
  cameraId?: string;
  config?: AnalysisConfig;
  /** Object detector; the background model's motion blobs when absent. */
  detector?: Detector;
  /** Wall-clock time of t = 0, for zone schedules (injected, never read from the system here). */
  startedAt?: Date;
  /** Width of the background model (frames are subsampled to it). */
  backgroundWidth?: number;
}

/** What one analysed frame produced. */
export interface FrameResult {
  tracks: Track[];
  leftObjects: LeftObject[];
  events: AnalyticsEvent[];
  alerts: Alert[];
}

/** Milliseconds spent per stage since the start. */
export interface StageTimings {
  frames: number;
  backgroundMs: number;
  detectMs: number;
  trackMs: number;
  rulesMs: number;
}

function makeRule(type: AnalyticsEventType): Rule {
  switch (type) {
    case 'abandoned_object':
      return new AbandonedObjectRule();
    case 'object_removed':
      return new ObjectRemovedRule();
    case 'people_count':
      return new PeopleCountRule();
    case 'crowd_density':
      return new CrowdDensityRule();
    case 'crowd_movement':
      return new CrowdMovementRule();
    case 'rapid_movement':
      return new RapidMovementRule();
    case 'person_on_ground':
      return new PersonOnGroundRule();
    case 'intrusion':
      return new IntrusionRule();
    case 'wrong_way':
      return new WrongWayRule();
    case 'fire_smoke':
      return new FireSmokeRule();
    case 'camera_tamper':
      return new CameraTamperRule();
  }
}

const staticLeadS = 2;

/** Frames → background + detections → tracks → rules → de-duplicated alerts, for one camera. */
export class AnalysisPipeline {
  /** Time spent per stage. */
  readonly timings: StageTimings = { frames: 0, backgroundMs: 0, detectMs: 0, trackMs: 0, rulesMs: 0 };
  private readonly tracker = new ByteTracker();
  private readonly leftTracker = new LeftObjectTracker({ leadS: staticLeadS + 1 });
  private readonly rules: Rule[];
  private readonly policy: AlertPolicy;
  private readonly ground: GroundPlane;
  private background: BackgroundModel | undefined;
  private detector: Detector | undefined;
  private last: RuleContext | undefined;

  constructor(private readonly options: AnalysisOptions) {
    const config = options.config ?? {};
    this.rules = (config.rules ?? analyticsEventTypes).map(makeRule);
    this.ground = groundPlane(config.calibration);
    this.policy = new AlertPolicy({
      cameraId: options.cameraId ?? 'camera',
      cooldownS: resolveRuleParams(config.params).cooldownS,
    });
    this.detector = options.detector;
  }

  /** Analyses one frame. */
  async process(frame: VideoFrame): Promise<FrameResult> {
    const config = this.options.config ?? {};
    const bg = this.backgroundFor(frame);
    let t0 = performance.now();
    const scene = bg.update(frame);
    const staticBlobs = bg.staticBlobs();
    let t1 = performance.now();
    this.timings.backgroundMs += t1 - t0;
    this.detector ??= new MotionDetector(bg);
    const detections = await this.detector.detect(frame);
    t0 = performance.now();
    this.timings.detectMs += t0 - t1;
    const tracks = this.tracker.update(detections, frame.t);
    const left = this.leftTracker.update({
      blobs: staticBlobs,
      persons: this.tracker
        .all()
        .filter((tr) => tr.label === 'person')
        .map((tr) => tr.box),
      t: frame.t,
    });
    t1 = performance.now();
    this.timings.trackMs += t1 - t0;
    const wall = new Date((this.options.startedAt?.getTime() ?? 0) + frame.t);
    const ctx: RuleContext = {
      t: frame.t,
      frame,
      scene,
      tracks,
      leftObjects: left.current,
      removedObjects: left.removed,
      ground: this.ground,
      zones: config.zones ?? [],
      lines: config.lines ?? [],
      params: resolveRuleParams(config.params),
      aspect: frame.width / frame.height,
      local: { weekday: wall.getDay(), minute: wall.getHours() * 60 + wall.getMinutes() },
    };
    this.last = ctx;
    // While the view is covered, blurred or moved, only the tamper rule speaks: the rest would see ghosts.
    const tamper = this.rules.find((r): r is CameraTamperRule => r instanceof CameraTamperRule);
    const blind = tamper?.classify(ctx) !== undefined;
    const events = this.rules.flatMap((r) => (blind && r !== tamper ? [] : r.update(ctx)));
    if (tamper?.movedAt === frame.t) bg.relearn();
    const alerts = events.flatMap((e) => this.policy.offer(e) ?? []);
    this.timings.rulesMs += performance.now() - t1;
    this.timings.frames++;
    return { tracks, leftObjects: left.current, events, alerts };
  }

  /** Final cumulative counts, for the end of a clip. */
  finish(): AnalyticsEvent[] {
    const ctx = this.last;
    if (ctx === undefined) return [];
    return this.rules.flatMap((r) => (r instanceof PeopleCountRule ? r.report(ctx) : []));
  }

  private backgroundFor(frame: VideoFrame): BackgroundModel {
    if (this.background !== undefined) return this.background;
    const width = Math.min(frame.width, this.options.backgroundWidth ?? 320);
    const height = Math.max(1, Math.round((width * frame.height) / frame.width));
    this.background = new BackgroundModel({
      width,
      height,
      staticFrames: Math.max(3, Math.round(staticLeadS * this.options.fps)),
      slowRate: Math.min(0.05, 0.015 / Math.max(1, this.options.fps / 5)),
      fastRate: Math.min(0.5, 0.3 / Math.max(1, this.options.fps / 5)),
    });
    return this.background;
  }
}
