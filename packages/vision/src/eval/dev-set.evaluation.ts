import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyticsEventTypes,
  definedOnly,
  type AnalyticsEventType,
  type CountMethod,
  type Detector,
  type VideoFrame,
} from '@vigie/core';
import { AnalysisPipeline } from '../analysis.pipeline.js';
import { FfmpegFrameSource } from '../ffmpeg-frame.source.js';
import type { FlameClassifier } from '../fire.classifier.js';
import { scoreByType, type TypeScore } from './event.evaluation.js';
import type { ExpectedEvent } from './scene.generator.js';

/** Which part of the dev set a clip belongs to. */
export type DevSet = 'normal' | 'falls' | 'fire';

/** One annotated real clip of the dev set. */
export interface DevClip {
  set: DevSet;
  name: string;
  path: string;
  durationS: number;
  /** Native frame width (analysis runs at min(640, width)). */
  width: number;
  expected: ExpectedEvent[];
  /** People counted by eye at chosen instants. */
  counts: { tS: number; persons: number }[];
}

/** An alert the pipeline opened on a dev clip (after its de-duplication). */
export interface DevAlert {
  type: AnalyticsEventType;
  t: number;
}

/** What the pipeline did on one dev clip. */
export interface DevRun {
  clip: DevClip;
  alerts: DevAlert[];
  /** The pipeline's headcount of the view at each annotated count instant, and how it was counted. */
  counted: { tS: number; persons: number; found: number; method: CountMethod }[];
}

/** Per event type, over the whole dev set. */
export interface DevTypeScore extends TypeScore {
  /** Alerts of this type per camera-hour of the normal footage (every one is false). */
  falsePerHour: number;
}

/** The dev set's scores. */
export interface DevScore {
  types: DevTypeScore[];
  normalHours: number;
  /** Σ|found − annotated| / Σ annotated over the count instants of the normal footage. */
  countError: number;
  clips: number;
}

interface AnnotatedClip {
  file: string;
  duration_s: number;
  size: string;
  events: { type: string; start_s: number; end_s: number }[];
  counts: { t_s: number; persons: number }[];
}

/** Seconds after the end of an annotated window during which an alert still counts as on time. */
const graceS = 1;

function readAnnotated(dir: string): AnnotatedClip[] | undefined {
  const path = join(dir, 'annotations.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as AnnotatedClip[]) : undefined;
}

function toClip(set: DevSet, dir: string, a: AnnotatedClip): DevClip {
  return {
    set,
    name: a.file,
    path: join(dir, a.file),
    durationS: a.duration_s,
    width: Number(a.size.split('x')[0]),
    // `fall` (losing balance) has no event of its own: the person then lying is `person_on_ground`.
    expected: a.events
      .filter((e): e is typeof e & { type: AnalyticsEventType } =>
        (analyticsEventTypes as readonly string[]).includes(e.type),
      )
      .map((e) => ({ type: e.type, from: e.start_s, to: e.end_s + graceS })),
    counts: a.counts.map((c) => ({ tS: c.t_s, persons: c.persons })),
  };
}

/**
 * The real dev clips under `sharedDir`: the normal footage (nothing alarming, 243 s), the falls in
 * their `_held` versions (the person stays down 8 s more, long enough for `person_on_ground`), and the
 * FURG burning house (flames in every frame). Parts whose folder is absent are left out.
 */
export function devClips(sharedDir: string): DevClip[] {
  const clips: DevClip[] = [];
  const normalDir = join(sharedDir, 'normal-footage-dev');
  for (const a of readAnnotated(normalDir) ?? []) clips.push(toClip('normal', normalDir, a));
  const fallDir = join(sharedDir, 'fall-clips-dev');
  for (const a of readAnnotated(fallDir) ?? [])
    if (a.file.endsWith('_held.mp4')) clips.push(toClip('falls', fallDir, a));
  const fire = join(sharedDir, 'furg-fire-house6-a', 'house6_part_a.mp4');
  if (existsSync(fire))
    clips.push({
      set: 'fire',
      name: 'house6_part_a.mp4',
      path: fire,
      durationS: 15,
      width: 426,
      expected: [{ type: 'fire_smoke', from: 0, to: 15 }],
      counts: [],
    });
  return clips.filter((c) => existsSync(c.path));
}

/** Every rule, as a new user switches them on (people_count is the count sampler's, not an alert). */
export const devRules: AnalyticsEventType[] = analyticsEventTypes.filter((t) => t !== 'people_count');

/** One pass of the pipeline over a dev clip: the rules it runs and the models they need. */
export interface DevPass {
  detector?: Detector;
  rules?: AnalyticsEventType[];
  fireClassifier?: FlameClassifier;
}

/**
 * Runs the pipeline over one dev clip at 5 fps with every rule on (fire_smoke only with a fire
 * classifier), and collects its alerts and counts.
 */
export async function runDevClip(clip: DevClip, o: { ffmpegPath: string } & DevPass): Promise<DevRun> {
  const { ffmpegPath, ...pass } = o;
  const [run] = await runDevClipPasses(clip, { ffmpegPath, passes: [pass] });
  return run as DevRun;
}

/**
 * A frame queue between one decoding loop and one pipeline's `analyse`: holds at most `capacity` frames
 * (`push` waits), so that a pass ahead of the others does not make the decoded frames pile up.
 */
class FrameFeed implements AsyncIterable<VideoFrame> {
  private readonly frames: VideoFrame[] = [];
  private ended = false;
  private wakeReader: (() => void) | undefined;
  private wakeWriter: (() => void) | undefined;

  constructor(private readonly capacity = 2) {}

  async push(frame: VideoFrame): Promise<void> {
    while (this.frames.length >= this.capacity && !this.ended) await new Promise<void>((r) => (this.wakeWriter = r));
    if (this.ended) return;
    this.frames.push(frame);
    this.wakeReader?.();
  }

  /** No more frames: the reader ends once the queue is empty; a pending `push` returns. */
  end(): void {
    this.ended = true;
    this.wakeReader?.();
    this.wakeWriter?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<VideoFrame> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame !== undefined) {
        this.wakeWriter?.();
        yield frame;
      } else if (this.ended) return;
      else await new Promise<void>((r) => (this.wakeReader = r));
    }
  }
}

/**
 * Runs several passes over one dev clip from a single decode: every frame goes to each pass's pipeline in
 * turn, and each pass gets what `runDevClip` would give it alone (the frames are the same; the pipelines
 * share nothing). The passes that count crowds tile by tile share the frames' details.
 */
export async function runDevClipPasses(
  clip: DevClip,
  o: { ffmpegPath: string; passes: readonly DevPass[] },
): Promise<DevRun[]> {
  const pipelines = o.passes.map(
    (pass) =>
      new AnalysisPipeline({
        fps: 5,
        config: { rules: pass.rules ?? devRules },
        ...definedOnly({ detector: pass.detector, fireClassifier: pass.fireClassifier }),
      }),
  );
  const details = pipelines.flatMap((p) => p.countDetail ?? []);
  const detail = details[0];
  if (details.some((d) => d.width !== detail?.width || d.every !== detail.every))
    throw new Error('The passes ask for different detail frames: run them one by one.');
  const source = new FfmpegFrameSource({
    ffmpegPath: o.ffmpegPath,
    input: clip.path,
    fps: 5,
    width: Math.min(640, clip.width),
    // The tiled count pass's full-resolution frames, as the camera runner asks for them.
    ...definedOnly({ detail }),
    format: 'rgb24',
    whenBehind: 'wait',
  });
  const feeds = pipelines.map(() => new FrameFeed());
  /** Passes still to finish with each frame's pixels: the last one hands them back to the source. */
  const readers = new Map<Uint8Array, number>();
  const done = (data: Uint8Array): void => {
    const left = (readers.get(data) ?? 1) - 1;
    if (left > 0) readers.set(data, left);
    else {
      readers.delete(data);
      source.recycle(data);
    }
  };
  // Set by a pass that failed: an object keeps TypeScript from narrowing it to a constant.
  const state = { failed: false };
  const run = async (pipeline: AnalysisPipeline, feed: FrameFeed): Promise<DevRun> => {
    const alerts: DevAlert[] = [];
    const pending = [...clip.counts];
    const counted: DevRun['counted'] = [];
    try {
      for await (const { frame, result } of pipeline.analyse(feed)) {
        // One alert per situation: only an opened alert is one more for the operator.
        for (const c of result.alerts) if (c.kind === 'opened') alerts.push({ type: c.alert.type, t: c.alert.firstT });
        for (let c = pending[0]; c !== undefined && c.tS * 1000 <= frame.t + 100; c = pending[0]) {
          pending.shift();
          counted.push({ ...c, found: result.headcount.persons, method: result.headcount.method });
        }
        done(frame.data);
      }
    } catch (error) {
      // A failed pass stops the decoding, and the other passes with it.
      state.failed = true;
      for (const f of feeds) f.end();
      throw error;
    }
    return { clip, alerts, counted };
  };
  const runs = Promise.all(pipelines.map((p, k) => run(p, feeds[k] as FrameFeed)));
  // Its failure is the caller's, once the decoding loop below has stopped.
  runs.catch(() => undefined);
  try {
    for await (const frame of source) {
      if (state.failed) break;
      readers.set(frame.data, feeds.length);
      for (const feed of feeds) await feed.push(frame);
    }
  } finally {
    for (const f of feeds) f.end();
  }
  return runs;
}

/**
 * Scores the runs per event type: an expected event is found when an alert of its type falls in its
 * window; alerts outside every window of their type are false. False alerts per hour are taken on the
 * normal footage only (nothing happens there), per camera-hour of video.
 */
export function scoreDevRuns(runs: readonly DevRun[]): DevScore {
  const normal = runs.filter((r) => r.clip.set === 'normal');
  const normalHours = normal.reduce((s, r) => s + r.clip.durationS, 0) / 3600;
  const predicted = (r: DevRun) => ({ expected: r.clip.expected, predicted: r.alerts });
  const onNormal = new Map(scoreByType(normal.map(predicted)).map((s) => [s.type, s.falsePositives]));
  const types = scoreByType(runs.map(predicted))
    .sort((a, b) => (a.type < b.type ? -1 : 1))
    .map((s) => ({ ...s, falsePerHour: normalHours > 0 ? (onNormal.get(s.type) ?? 0) / normalHours : 0 }));
  const instants = normal.flatMap((r) => r.counted);
  const truth = instants.reduce((s, c) => s + c.persons, 0);
  const error = instants.reduce((s, c) => s + Math.abs(c.found - c.persons), 0);
  return { types, normalHours, countError: truth === 0 ? 0 : error / truth, clips: runs.length };
}

/**
 * Thresholds on the dev set. The issue's targets are 0 false alerts on the normal footage, recall ≥ 0.9
 * on true events and count error ≤ 15 %; the dev set is small (8 falls, 1 fire, 4 minutes of normal
 * footage), so a single miss is 12.5 % of the falls: recall ≥ 0.9 (the issue's target) misses none of
 * the eight (8 of 8 since the upside-down re-detection found Fall06, lying head towards the camera;
 * 0.85 let one be missed before). The normal footage must stay silent for the types we claim
 * (`claimed`): the issue's target, since every false alert there is one an operator would learn to
 * ignore. `rapid_movement` is claimed silent because it no longer runs on an uncalibrated camera (all
 * the dev clips are).
 */
export const devThresholds = {
  recall: 0.9,
  falsePerHour: 0,
  /**
   * People count error on the normal footage. Measured 0.111 (5 of 45 people) since crowded views are
   * counted on the source's full resolution (`countDetailWidth`: the mall's 1280×720 instead of its 640
   * px analysis frames cut in four and enlarged; mall entrance 18 → 20 of ~22, its passes 19–22 where
   * they ranged 14–22); 0.156 (7 of 45) before, 0.27 before ridden two-wheelers stood for the riders the
   * person detector misses (`RiderCounter`: the junction's 7 riders at a red light, 0 → 5 counted), 0.38
   * before crowded views were counted tile by tile (mall entrance 13 → 18). Error per instant: riders
   * 5/7, mall 20/22, shopfront 2/3 at 14 s, the others exact (no rider counted on any frame of the other
   * clips, the parked motorbikes of the residential lane included). The limit lets one more person be
   * missed (6 of 45, 0.133) and fails at the figure before the full-resolution pass (7 of 45). Tried on
   * the full-resolution pass: tiles at 512 px find 24 at the mall (passes 21–24, the same error, 1.3–1.6×
   * the time), at 640 px 24. Tried without gain worth its cost on the 640 px frames: tiles at 576 or 640
   * px (street photos 0.224 → 0.211, one mall pass still ranging 16–24); 3×2 tiles or score ≥ 0.2 on the
   * riders find 2–4 of 7, and on the sparse shopfront 7–11 persons of 3 (why sparse views keep the
   * tracks' count). The mall instant is the median of three passes 1.2 s apart (4.8, 6.0 and 7.2 s: 21,
   * 20, 20), so it measures pass-to-pass noise as well as the method.
   */
  countError: 0.14,
  claimed: [
    'fire_smoke',
    'person_on_ground',
    'abandoned_object',
    'object_removed',
    'rapid_movement',
    'camera_tamper',
  ] as AnalyticsEventType[],
} as const;

/** Which dev-set thresholds the score misses, as sentences. */
export function devFailures(score: DevScore): string[] {
  const failures: string[] = [];
  for (const s of score.types) {
    if (!devThresholds.claimed.includes(s.type)) continue;
    if (s.truePositives + s.falseNegatives > 0 && s.recall < devThresholds.recall)
      failures.push(`dev set ${s.type}: recall ${s.recall.toFixed(2)} < ${devThresholds.recall}`);
    if (s.falsePerHour > devThresholds.falsePerHour)
      failures.push(`dev set ${s.type}: ${s.falsePerHour.toFixed(0)} false alerts per camera-hour on normal footage`);
  }
  if (score.countError > devThresholds.countError)
    failures.push(
      `dev set people count error ${(score.countError * 100).toFixed(0)} % > ${devThresholds.countError * 100} %`,
    );
  return failures;
}

/** The dev-set scores as a text table, with the alerts of each clip. */
export function formatDevScore(score: DevScore, runs: readonly DevRun[]): string {
  const head = [
    'event type'.padEnd(18),
    ...['TP', 'FP', 'FN', 'prec', 'recall', 'F1', 'FA/h'].map((h) => h.padStart(6)),
  ];
  const rows = score.types.map((s) =>
    [
      s.type.padEnd(18),
      ...[s.truePositives, s.falsePositives, s.falseNegatives].map((n) => String(n).padStart(6)),
      ...[s.precision, s.recall, s.f1].map((n) => n.toFixed(2).padStart(6)),
      s.falsePerHour.toFixed(0).padStart(6),
    ].join(' '),
  );
  const perClip = runs.map((r) => {
    const byType = new Map<string, number>();
    for (const a of r.alerts) byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
    const list = [...byType].map(([t, n]) => `${t}×${n}`).join(', ');
    const counts = r.counted
      .map((c) => `${c.found}/${c.persons}@${c.tS}s${c.method === 'tracks' ? '' : ` (${c.method})`}`)
      .join(' ');
    return `  ${r.clip.set.padEnd(6)} ${r.clip.name.padEnd(40)} ${list || '—'}${counts ? `  (counted/annotated: ${counts})` : ''}`;
  });
  return [
    head.join(' '),
    ...rows,
    `normal footage: ${(score.normalHours * 60).toFixed(1)} min (FA/h = false alerts per camera-hour there); ` +
      `people count error at annotated instants: ${(score.countError * 100).toFixed(0)} %`,
    'alerts per clip:',
    ...perClip,
  ].join('\n');
}
