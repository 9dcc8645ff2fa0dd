import {
  analyticsEventTypes,
  metricRules,
  resolveRuleParams,
  type AnalysisConfig,
  type AnalyticsEvent,
  type AnalyticsEventType,
  type Box,
  type Detection,
  type Detector,
  type VideoFrame,
} from '@vigie/core';
import { AlertPolicy, type AlertChange } from './alert.policy.js';
import { BackgroundModel, type Blob, type SceneStats } from './background.model.js';
import { ByteTracker, type Track } from './byte.tracker.js';
import { CountSampler, type CountSample } from './count.sampler.js';
import { CrowdDensityRule, CrowdMovementRule } from './crowd.rules.js';
import type { FlameClassifier } from './fire.classifier.js';
import { wholeFrame } from './geometry.math.js';
import { groundPlane, type GroundPlane } from './homography.math.js';
import { LeftObjectTracker, overlapFraction } from './left-object.tracker.js';
import { LyingPersonRedetector } from './lying-person.redetector.js';
import { MotionDetector } from './motion.detector.js';
import { AbandonedObjectRule, ObjectRemovedRule } from './object.rules.js';
import { IntrusionRule, PersonOnGroundRule, RapidMovementRule, WrongWayRule } from './people.rules.js';
import {
  crowdedFrom,
  headcount,
  type Headcount,
  type LeftObject,
  type Rule,
  type RuleContext,
} from './rule.context.js';
import { RiderCounter } from './rider.counter.js';
import { CameraTamperRule, FireSmokeRule } from './scene.rules.js';
import { TiledPersonCounter, tiledCountDefaults } from './tiled.counter.js';

/** Pipeline settings. */
export interface AnalysisOptions {
  /** Analysis frame rate, to size the background model's time constants. */
  fps: number;
  cameraId?: string;
  config?: AnalysisConfig;
  /** Object detector; the background model's motion blobs when absent. */
  detector?: Detector;
  /**
   * Run the detector on one analysis frame in N; in between, the tracker moves the tracks by their
   * motion model. Default 2 with a detector (2.5 detections/s at 5 fps), 1 for the motion blobs, which
   * cost nothing more once the background model has absorbed the frame.
   */
  detectEvery?: number;
  /** Wall-clock time of t = 0, for zone schedules and count samples (injected, never read from the system here). */
  startedAt?: Date;
  /** Width of the background model (frames are subsampled to it). */
  backgroundWidth?: number;
  /**
   * The fire patch classifier that confirms the colour/flicker cue; without it `fire_smoke` does not run
   * (it never raises on colour alone) and `unavailable` says so.
   */
  fireClassifier?: FlameClassifier;
}

/** A rule the configuration asks for that cannot run, and why (a coded reason, see core's errors). */
export interface UnavailableRule {
  type: AnalyticsEventType;
  code: 'FIRE_MODEL_MISSING';
}

/** What one analysed frame produced. */
export interface FrameResult {
  tracks: Track[];
  leftObjects: LeftObject[];
  /** Everything the rules raised on this frame. */
  events: AnalyticsEvent[];
  /** Alerts opened, updated or ended on this frame: one alert per situation, however long it lasts. */
  alerts: AlertChange[];
  /** Count samples of the period that ended before this frame (`people_count` switched on). */
  counts: CountSample[];
  /** Whether the detector ran on this frame (else the tracks are predictions). */
  detected: boolean;
  /** People in the whole view, and how they were counted. */
  headcount: Headcount;
}

/** Milliseconds spent per stage since the start. */
export interface StageTimings {
  frames: number;
  /** Frames the detector ran on. */
  detections: number;
  backgroundMs: number;
  detectMs: number;
  trackMs: number;
  rulesMs: number;
  /** Tiled counting passes (crowded views) and their time. */
  countPasses: number;
  countMs: number;
  /** Lying-person re-detection: detector runs on turned regions, and their time (out of `detectMs`). */
  redetections: number;
  redetectMs: number;
}

/** The rule of an event type; `people_count` is the count sampler's, not a rule's. */
function makeRule(type: AnalyticsEventType, fire: FlameClassifier | undefined): Rule | undefined {
  switch (type) {
    case 'abandoned_object':
      return new AbandonedObjectRule();
    case 'object_removed':
      return new ObjectRemovedRule();
    case 'people_count':
      return undefined;
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
      return fire === undefined ? undefined : new FireSmokeRule(fire);
    case 'camera_tamper':
      return new CameraTamperRule();
  }
}

const staticLeadS = 2;
/**
 * A static region is a ghost (something that was in the background and left, the frame now showing the
 * ground) when the outline edges of the current frame are under this fraction of the background's.
 */
const ghostEdgeRatio = 0.8;
/** Detector labels of carried items: a still region one of them covered is a thing, and takes its box. */
const bagLabels: ReadonlySet<string> = new Set(['backpack', 'handbag', 'suitcase']);
/** Seconds the background model averages before it judges anything static (no start-up ghosts). */
const warmupS = 3;
/**
 * Seconds between tiled counting passes on a crowded view (one detection per tile each: at 1 s, 2×2
 * tiles add 0.8 detections per analysed frame at 5 fps, on crowded views only), and how long a pass's
 * persons stand for the count.
 */
const countEveryS = 1;
/**
 * Widest picture the tiled count pass is given: the source's own resolution up to this width
 * (`VideoFrame.detail`), while everything else runs on the 640 px analysis frames. The 640 px frames cut
 * in four and enlarged for the detector lose what a 1280×720 camera saw (YOLOX-nano finds ~55, 85 and
 * 90 % of a dense frame's people at 416, 640 and 960 px). The detail comes as a second ffmpeg output
 * (`FrameSourceOptions.detail`), one frame per pass, rather than every frame decoded at full size and
 * shrunk here: that cost (2.1–2.5 against 0.7–1.3 ms per frame to read the pipe alone, before shrinking
 * or masking four times the pixels) would be paid on all five frames a second of every camera, the
 * detail's on one in six.
 */
export const countDetailWidth = 1280;
/**
 * Tiles of the count pass on a detail: 2×2 at 416 px (a 1280×720 view's tiles shrunk to 0.58×, against
 * 0.72× from the 640 px frame's tiles enlarged to 512 px, whose pixels hold half the detail). Measured,
 * median headcount at the counted instant: mall entrance 18 → 20 of ~22 ± 4 (passes 19–22, were 14–22),
 * overhead hall 40 → 39 of 37 ± 2; tiles at 512 px found 24 and 42 (passes 21–24) for 1.3–1.6× the
 * pass's time, at 640 px 24 at the mall.
 */
export const countDetailTiling = { ...tiledCountDefaults, tileInputSize: 416 };
/** The last passes the count takes the median of, and how long a pass stands for the count. */
const countPasses = 3;
const countValidS = 4;
/**
 * Seconds a tiled count pass's persons stand for people upright, whom the lying-person re-detection
 * skips: a little over one pass period (`countEveryS`), so a fall in a crowd is searched a second later.
 */
const uprightValidS = 1.5;
/**
 * Tiles of the two-wheeler pass (views with a two-wheeler in sight, at most once per `countEveryS`):
 * 2×2 at 416 px find 2–3 of the dev set's junction motorbikes the whole-frame pass misses, 512 px 1–2.
 */
const riderTiling = { ...tiledCountDefaults, tileInputSize: 416 };

/** A frame whose first half is done: what the background model saw, and its detections under way. */
interface Prepared {
  frame: VideoFrame;
  scene: SceneStats;
  staticBlobs: Blob[];
  detections: Promise<Detection[]> | undefined;
}

/** Frames → background + detections → tracks → rules → de-duplicated alerts, for one camera. */
export class AnalysisPipeline {
  /** Time spent per stage. */
  readonly timings: StageTimings = {
    frames: 0,
    detections: 0,
    backgroundMs: 0,
    detectMs: 0,
    trackMs: 0,
    rulesMs: 0,
    countPasses: 0,
    countMs: 0,
    redetections: 0,
    redetectMs: 0,
  };
  private readonly tracker = new ByteTracker();
  private readonly leftTracker = new LeftObjectTracker({ leadS: staticLeadS + 1 });
  private readonly rules: Rule[];
  /** Rules asked for that cannot run (the fire rule without its model). */
  readonly unavailable: readonly UnavailableRule[];
  private readonly sampler: CountSampler | undefined;
  private readonly policy: AlertPolicy;
  private readonly ground: GroundPlane;
  private background: BackgroundModel | undefined;
  private detector: Detector | undefined;
  /** Looks again, rotated, for lying people where person tracks lost their detection (person_on_ground on). */
  private readonly redetector: LyingPersonRedetector | undefined;
  /** Counts crowded views tile by tile (people_count or crowd_density on, with a detector). */
  private readonly counter: TiledPersonCounter | undefined;
  /** The same on the frames' details (`countDetailTiling`). */
  private readonly detailCounter: TiledPersonCounter | undefined;
  /** Persons of the latest tiled passes, oldest first. */
  private crowd: { boxes: Box[]; t: number }[] = [];
  /** Whether the frames come with their `detail` now and then: the tiled passes then wait for those frames. */
  private detailed = false;
  /** Ridden two-wheelers, for the riders the person detector misses (with the tiled counter). */
  private readonly riders: RiderCounter | undefined;
  /** Looks for two-wheelers tile by tile while one is in view. */
  private readonly riderTiles: TiledPersonCounter | undefined;
  private riderPassT: number | undefined;
  private last: RuleContext | undefined;
  private prepared = 0;
  private personBoxes: Box[] = [];
  private vehicleBoxes: Box[] = [];
  private bagBoxes: Box[] = [];
  /** Boxes of the persons and vehicles seen last, grown a little: the background learns nothing under them. */
  private maskBoxes: Box[] = [];

  constructor(private readonly options: AnalysisOptions) {
    const config = options.config ?? {};
    const types = config.rules ?? analyticsEventTypes;
    // Speeds and densities need a ground calibration: without one, those rules do not run (the API
    // refuses to switch them on; this is for configs from elsewhere: the CLI, files).
    this.rules = types
      .filter((type) => config.calibration !== undefined || !metricRules.includes(type))
      .flatMap((type) => makeRule(type, options.fireClassifier) ?? []);
    this.unavailable =
      types.includes('fire_smoke') && options.fireClassifier === undefined
        ? [{ type: 'fire_smoke', code: 'FIRE_MODEL_MISSING' }]
        : [];
    this.sampler = types.includes('people_count')
      ? new CountSampler({ cameraId: options.cameraId ?? 'camera', startedAt: options.startedAt ?? new Date(0) })
      : undefined;
    this.ground = groundPlane(config.calibration);
    this.policy = new AlertPolicy({
      cameraId: options.cameraId ?? 'camera',
      startedAt: options.startedAt ?? new Date(0),
      situationEndS: resolveRuleParams(config.params).situationEndS,
    });
    this.detector = options.detector;
    this.redetector =
      options.detector !== undefined && types.includes('person_on_ground')
        ? new LyingPersonRedetector(options.detector)
        : undefined;
    this.counter =
      options.detector !== undefined && (types.includes('people_count') || types.includes('crowd_density'))
        ? new TiledPersonCounter(options.detector)
        : undefined;
    this.detailCounter =
      options.detector === undefined || this.counter === undefined
        ? undefined
        : new TiledPersonCounter(options.detector, countDetailTiling);
    this.riders = this.counter === undefined ? undefined : new RiderCounter();
    this.riderTiles =
      options.detector === undefined || this.counter === undefined
        ? undefined
        : new TiledPersonCounter(options.detector, riderTiling);
  }

  /**
   * What the frame source should attach to frames as `detail` (`FrameSourceOptions.detail`) for the
   * tiled count pass: the source's resolution up to `countDetailWidth`, on one detection frame about
   * every `countEveryS` (at 5 fps and a detection every 2nd frame: one frame in 6); undefined when no
   * tiled pass runs.
   */
  get countDetail(): { width: number; every: number } | undefined {
    if (this.counter === undefined) return undefined;
    const every = this.detectEvery();
    return { width: countDetailWidth, every: every * Math.ceil((countEveryS * this.options.fps) / every) };
  }

  private detectEvery(): number {
    return Math.max(1, Math.round(this.options.detectEvery ?? (this.options.detector === undefined ? 1 : 2)));
  }

  /** Analyses one frame. */
  async process(frame: VideoFrame): Promise<FrameResult> {
    return this.complete(this.prepare(frame));
  }

  /**
   * Analyses a stream of frames, in order, overlapping the detection of each frame (in the detector's
   * worker thread) with the background model of the next one on this thread: each result comes one
   * frame later than with `process`, and the two cores are both kept busy.
   */
  async *analyse(frames: AsyncIterable<VideoFrame>): AsyncGenerator<{ frame: VideoFrame; result: FrameResult }> {
    let pending: Prepared | undefined;
    for await (const frame of frames) {
      const next = this.prepare(frame);
      if (pending !== undefined) yield { frame: pending.frame, result: await this.complete(pending) };
      pending = next;
    }
    if (pending !== undefined) yield { frame: pending.frame, result: await this.complete(pending) };
  }

  /** First half of a frame: background model, static blobs, and the detection started (not awaited). */
  private prepare(frame: VideoFrame): Prepared {
    const bg = this.backgroundFor(frame);
    const t0 = performance.now();
    const scene = bg.update(frame, this.maskBoxes);
    const staticBlobs = this.withoutGhosts(bg, bg.staticBlobs());
    this.timings.backgroundMs += performance.now() - t0;
    this.detector ??= new MotionDetector(bg);
    // A frame with its detail is a detection frame (the count pass merges the two): the detections'
    // rhythm restarts there, should frames have been dropped since the last.
    if (frame.detail !== undefined && this.counter !== undefined) this.prepared = 0;
    const detections = this.prepared++ % this.detectEvery() === 0 ? this.detector.detect(frame) : undefined;
    // Awaited later, in complete(): a failure must not count as unhandled meanwhile.
    detections?.catch(() => undefined);
    return { frame, scene, staticBlobs, detections };
  }

  /** Second half: detections awaited, tracks, left objects, rules, alerts, counts. */
  private async complete(prepared: Prepared): Promise<FrameResult> {
    const { frame, scene, staticBlobs } = prepared;
    const config = this.options.config ?? {};
    let t0 = performance.now();
    let detections = prepared.detections === undefined ? undefined : await prepared.detections;
    if (detections !== undefined) {
      // Vehicles only hide static regions: they are not tracked (a rider's box would swap onto a motorbike's).
      const vehicles = detections.filter((d) => d.label === 'vehicle' || d.label === 'two_wheeler');
      this.vehicleBoxes = vehicles.map((d) => d.box);
      this.bagBoxes = detections.filter((d) => bagLabels.has(d.label)).map((d) => d.box);
      this.riders?.update(vehicles, frame.t, this.standsOut);
      detections = detections.filter((d) => d.label !== 'vehicle' && d.label !== 'two_wheeler');
    }
    let t1 = performance.now();
    this.timings.detectMs += t1 - t0;
    if (detections !== undefined && this.redetector !== undefined) {
      const tracks = this.tracker.all().filter((tr) => tr.label === 'person');
      const before = this.redetector.inferences;
      // Persons the last tiled count pass found standing (a second ago at most) are not searched lying.
      const pass = this.crowd.at(-1);
      const upright = pass !== undefined && frame.t - pass.t <= uprightValidS * 1000 ? pass.boxes : [];
      if (tracks.length > 0)
        detections = detections.concat(await this.redetector.redetect(frame, { tracks, detections, upright }));
      this.timings.redetections += this.redetector.inferences - before;
      t0 = t1;
      t1 = performance.now();
      this.timings.redetectMs += t1 - t0;
    }
    t0 = t1;
    const tracks = detections === undefined ? this.tracker.predict(frame.t) : this.tracker.update(detections, frame.t);
    // Someone standing still is not a left object: every person box hides static blobs, the tracks' and
    // the last detections' down to the lowest score (a still person the tracker never confirmed).
    if (detections !== undefined) this.personBoxes = detections.filter((d) => d.label === 'person').map((d) => d.box);
    const hiding = this.tracker
      .all()
      .filter((tr) => tr.label === 'person')
      .map((tr) => tr.box)
      .concat(this.personBoxes, this.vehicleBoxes);
    this.maskBoxes = hiding.map((b) => grown(b, 0.15));
    const bg = this.background;
    const left = this.leftTracker.update({
      blobs: staticBlobs,
      persons: hiding,
      // Who brought it: confirmed person tracks only (a stray low-score box near a traffic light is no one).
      people: tracks.filter((tr) => tr.label === 'person').map((tr) => tr.box),
      items: detections === undefined ? [] : this.bagBoxes,
      // With a detector, a left object must be one it calls a bag; a sharp new outline alone (a traffic
      // light turning, a person lying the detector missed) is not enough. The motion detector names nothing.
      ...(bg === undefined || this.options.detector !== undefined
        ? {}
        : { outline: (box: Box) => bg.outlineEdges(box) }),
      t: frame.t,
    });
    t1 = performance.now();
    this.timings.trackMs += t1 - t0;
    if (detections !== undefined) await this.countCrowd(frame, { detections, tracks });
    if (detections !== undefined) await this.lookForRiders(frame);
    t1 = performance.now();
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
      crowd: this.crowd.filter((c) => frame.t - c.t <= countValidS * 1000).map((c) => c.boxes),
      ...(this.riders === undefined
        ? {}
        : { riders: (counted: readonly Box[]) => this.riders?.riders(counted, frame.t) ?? [] }),
    };
    this.last = ctx;
    // While the view is covered, blurred or moved, only the tamper rule speaks: the rest would see ghosts.
    const tamper = this.rules.find((r): r is CameraTamperRule => r instanceof CameraTamperRule);
    const blind = tamper?.classify(ctx) !== undefined;
    // The fire rule's model runs on the cue's candidates before the rules (it is asynchronous; they are not).
    if (!blind) for (const r of this.rules) if (r instanceof FireSmokeRule) await r.observe(ctx);
    const events = this.rules.flatMap((r) => (blind && r !== tamper ? [] : r.update(ctx)));
    if (tamper?.movedAt === frame.t) this.background?.relearn();
    const alerts = this.policy.update(ctx, events);
    const counts = blind ? [] : (this.sampler?.update(ctx) ?? []);
    this.timings.rulesMs += performance.now() - t1;
    this.timings.frames++;
    if (detections !== undefined) this.timings.detections++;
    return {
      tracks,
      leftObjects: left.current,
      events,
      alerts,
      counts,
      detected: detections !== undefined,
      headcount: headcount(ctx, wholeFrame),
    };
  }

  /**
   * Runs the tiled counting pass, at most once per `countEveryS`, while the view is crowded (at least
   * `crowdedFrom` confirmed person tracks); sparse views keep the tracks' count and cost nothing more.
   * When the source sends details larger than the frames, only on the frames that have one, and on it
   * (a source no wider than the analysis sends its frame again: that detail is of no use).
   */
  private async countCrowd(frame: VideoFrame, o: { detections: Detection[]; tracks: Track[] }): Promise<void> {
    if (this.counter === undefined || this.detailCounter === undefined) return;
    const detail = frame.detail !== undefined && frame.detail.width > frame.width ? frame.detail : undefined;
    if (detail !== undefined) this.detailed = true;
    else if (this.detailed) return;
    const last = this.crowd.at(-1);
    if (last !== undefined && frame.t - last.t < countEveryS * 1000) return;
    if (o.tracks.filter((tr) => tr.label === 'person').length < crowdedFrom) return;
    const t0 = performance.now();
    const persons =
      detail === undefined
        ? await this.counter.persons(frame, o.detections)
        : await this.detailCounter.persons(detail, o.detections);
    const boxes = persons.map((d) => d.box);
    this.crowd = [...this.crowd, { boxes, t: frame.t }].slice(-countPasses);
    this.timings.countMs += performance.now() - t0;
    this.timings.countPasses++;
  }

  /**
   * Runs the tiled two-wheeler pass, at most once per `countEveryS`, while a two-wheeler that is not
   * parked is in view (the whole-frame pass finds few of a queue of motorbikes); other views cost
   * nothing more.
   */
  private async lookForRiders(frame: VideoFrame): Promise<void> {
    if (this.riders === undefined || this.riderTiles === undefined || !this.riders.inView(frame.t)) return;
    if (this.riderPassT !== undefined && frame.t - this.riderPassT < countEveryS * 1000) return;
    this.riderPassT = frame.t;
    const t0 = performance.now();
    this.riders.update(await this.riderTiles.inTiles(frame), frame.t, this.standsOut);
    this.timings.countMs += performance.now() - t0;
    this.timings.countPasses++;
  }

  /** Whether a box stands out from the learnt background (a third of its pixels or more). */
  private readonly standsOut = (box: Box): boolean => (this.background?.foregroundFraction(box) ?? 1) >= 1 / 3;

  /** Ends the alerts still open, for the end of a clip or of the analysis. */
  endAlerts(): AlertChange[] {
    return this.policy.endAll();
  }

  /** Count samples of the period in progress, for the end of a clip. */
  finish(): CountSample[] {
    return this.last === undefined ? [] : (this.sampler?.flush(this.last) ?? []);
  }

  /** Line crossings (in + out) counted since the start, over all lines. */
  crossings(): number {
    let n = 0;
    for (const c of this.sampler?.totals().values() ?? []) n += c.in + c.out;
    return n;
  }

  /**
   * Drops the static regions that are ghosts (their outline is in the background, not in the frame: a
   * person or car that stood there and left) and relearns the background there; regions under a person
   * or vehicle are left alone.
   */
  private withoutGhosts(bg: BackgroundModel, blobs: Blob[]): Blob[] {
    return blobs.filter((b) => {
      if (this.maskBoxes.some((m) => overlapFraction(b.box, m) > 0.5)) return true;
      const edges = bg.outlineEdges(b.box);
      if (edges.current >= ghostEdgeRatio * edges.background) return true;
      bg.relearnRegion(grown(b.box, 0.2));
      return false;
    });
  }

  private backgroundFor(frame: VideoFrame): BackgroundModel {
    if (this.background !== undefined) return this.background;
    const width = Math.min(frame.width, this.options.backgroundWidth ?? 320);
    const height = Math.max(1, Math.round((width * frame.height) / frame.width));
    this.background = new BackgroundModel({
      width,
      height,
      staticFrames: Math.max(3, Math.round(staticLeadS * this.options.fps)),
      warmupFrames: Math.round(warmupS * this.options.fps),
      slowRate: Math.min(0.05, 0.015 / Math.max(1, this.options.fps / 5)),
      fastRate: Math.min(0.5, 0.3 / Math.max(1, this.options.fps / 5)),
    });
    return this.background;
  }
}

/** A box grown by `scale` of its size on each side. */
function grown(box: Box, scale: number): Box {
  return { x: box.x - box.w * scale, y: box.y - box.h * scale, w: box.w * (1 + 2 * scale), h: box.h * (1 + 2 * scale) };
}
