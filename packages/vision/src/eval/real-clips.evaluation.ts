import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  definedOnly,
  type AnalyticsEvent,
  type AnalyticsEventType,
  type Calibration,
  type CountMethod,
  type Detection,
  type Detector,
  type VideoFrame,
} from '@vigie/core';
import { AnalysisPipeline } from '../analysis.pipeline.js';
import type { CountSample } from '../count.sampler.js';
import { FfmpegFrameSource } from '../ffmpeg-frame.source.js';
import type { FlameClassifier } from '../fire.classifier.js';
import { decodeImages } from '../image.codec.js';
import { OnnxDetector } from '../onnx.detector.js';
import { TiledPersonCounter } from '../tiled.counter.js';

/** What the fire rule did on the FURG house6 clip (fire in every frame from the first). */
export interface FireRun {
  /** Seconds from the start of the clip to the first fire_smoke event, undefined if none. */
  delayS: number | undefined;
  /** Whether the first event's region overlaps a ground-truth fire box of that frame. */
  onFire: boolean;
  events: number;
}

/** The FURG fire clip, analysed at 5 fps and its native 426 px with the fire rule only (cue + fire model). */
export async function runFireClip(o: {
  sharedDir: string;
  ffmpegPath: string;
  fireClassifier: FlameClassifier;
}): Promise<FireRun | undefined> {
  const path = join(o.sharedDir, 'furg-fire-house6-a', 'house6_part_a.mp4');
  const truthPath = join(o.sharedDir, 'furg-fire-house6-a', 'house6_part_a_gt.json');
  if (!existsSync(path) || !existsSync(truthPath)) return undefined;
  const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as {
    fps: number;
    frameWidth: number;
    frameHeight: number;
    frames: Record<string, [number, number, number, number][]>;
  };
  const pipeline = new AnalysisPipeline({
    fps: 5,
    config: { rules: ['fire_smoke'] },
    fireClassifier: o.fireClassifier,
  });
  const source = new FfmpegFrameSource({
    ffmpegPath: o.ffmpegPath,
    input: path,
    fps: 5,
    width: 426,
    format: 'rgb24',
    whenBehind: 'wait',
  });
  const events: AnalyticsEvent[] = [];
  for await (const { result } of pipeline.analyse(source)) events.push(...result.events);
  const first = events[0];
  const boxes = first === undefined ? [] : (truth.frames[String(Math.round((first.t / 1000) * truth.fps))] ?? []);
  const r = first?.region;
  const onFire =
    r !== undefined &&
    boxes.some(([x, y, w, h]) => {
      const [bx0, by0] = [x / truth.frameWidth, y / truth.frameHeight];
      const [bx1, by1] = [(x + w) / truth.frameWidth, (y + h) / truth.frameHeight];
      return r.x < bx1 && r.x + r.w > bx0 && r.y < by1 && r.y + r.h > by0;
    });
  return { delayS: first === undefined ? undefined : first.t / 1000, onFire, events: events.length };
}

/** What the pipeline reported on the overhead hall clip (ordinary walkers, no ground truth). */
export interface CrowdRun {
  frames: number;
  /** Mean persons tracked in the view, and mean persons per m² under the estimated calibration. */
  occupancy: number;
  density: number;
  /** Crossings of a line across the middle of the view, both ways. */
  crossings: number;
  /** Events raised, by type: in this clip every one is a false alarm. */
  events: Partial<Record<AnalyticsEventType, number>>;
  /** The view's headcount at the instant counted by eye (`overheadHallCount`), and how it was counted. */
  counted?: { persons: number; method: CountMethod };
}

/**
 * People in the overhead hall at 7 s, counted by eye on the full 1280×720 frame (our annotation, ±2:
 * 2 walkers cut by the top and left edges and a child by a pushchair are counted): a dense view.
 */
export const overheadHallCount = { tS: 7, persons: 37 } as const;

/**
 * Ground calibration of the overhead hall, estimated from the walkers themselves: a person's box is
 * ~30 px wide at the top of the 1280 px frame and ~61 px at the bottom; taking ~0.6 m for it gives a
 * view ~28 m wide at the far edge, ~11 m at the near edge and ~12 m deep (about 230 m², ±30 %).
 */
export const overheadHallCalibration: Calibration = {
  image: [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ],
  ground: [
    { x: -13.8, y: 12 },
    { x: 13.8, y: 12 },
    { x: 5.3, y: 0 },
    { x: -5.3, y: 0 },
  ],
};

/** The overhead hall clip with every rule on, the estimated calibration and a line across the middle. */
export async function runOverheadCrowd(o: {
  sharedDir: string;
  ffmpegPath: string;
  detector: Detector;
}): Promise<CrowdRun | undefined> {
  const path = join(o.sharedDir, 'overhead-crowd-clip', 'crowd_overhead_720p.avi');
  if (!existsSync(path)) return undefined;
  const pipeline = new AnalysisPipeline({
    fps: 5,
    detector: o.detector,
    config: {
      calibration: overheadHallCalibration,
      lines: [{ id: 'middle', a: { x: 0, y: 0.5 }, b: { x: 1, y: 0.5 } }],
    },
  });
  const source = new FfmpegFrameSource({
    ffmpegPath: o.ffmpegPath,
    input: path,
    fps: 5,
    width: 640,
    // The tiled count pass's full-resolution frames, as the camera runner asks for them.
    ...definedOnly({ detail: pipeline.countDetail }),
    format: 'rgb24',
    whenBehind: 'wait',
  });
  const samples: CountSample[] = [];
  const events: Partial<Record<AnalyticsEventType, number>> = {};
  let frames = 0;
  let counted: CrowdRun['counted'];
  for await (const { frame, result } of pipeline.analyse(source)) {
    frames++;
    if (counted === undefined && frame.t + 100 >= overheadHallCount.tS * 1000)
      counted = { persons: result.headcount.persons, method: result.headcount.method };
    samples.push(...result.counts);
    for (const e of result.events) events[e.type] = (events[e.type] ?? 0) + 1;
  }
  samples.push(...pipeline.finish());
  // Frame-weighted means of the view's samples (the last one covers a partial period).
  let weight = 0;
  let occupancy = 0;
  let density = 0;
  let from = 0;
  for (const s of samples.filter((c) => c.series === 'view')) {
    const w = s.t - from;
    from = s.t;
    weight += w;
    occupancy += (s.occupancy ?? 0) * w;
    density += (s.density ?? 0) * w;
  }
  return {
    frames,
    occupancy: occupancy / Math.max(1, weight),
    density: density / Math.max(1, weight),
    crossings: pipeline.crossings(),
    events,
    ...(counted === undefined ? {} : { counted }),
  };
}

/** Person counts on still photos against their head-point ground truth, at one detector input size. */
export interface PhotoCounts {
  inputSize: number;
  /** Counted by the tiled pass (2×2 tiles at 512 px over the whole-frame detections at `inputSize`). */
  tiled: boolean;
  images: number;
  heads: number;
  /** Mean absolute error per image, Σ|error| / Σ heads, mean signed error per image. */
  mae: number;
  relativeError: number;
  bias: number;
}

/**
 * The street photos (ground-level, 3–53 people each): persons detected with a score ≥ `minScore`
 * against the annotated heads. A still photo has no tracker: this scores the detector alone.
 */
export async function runPhotoCounts(o: {
  sharedDir: string;
  ffmpegPath: string;
  inputSizes: readonly number[];
  minScore: number;
  /** Also count with the tiled pass over the 416 px detections (crowded views' method). */
  tiled?: boolean;
}): Promise<PhotoCounts[] | undefined> {
  const dir = join(o.sharedDir, 'street-crowd-photos-pointgt');
  const modelPath = join(o.sharedDir, 'yolox-nano-onnx', 'yolox_nano_dyn.onnx');
  if (!existsSync(join(dir, 'counts.json')) || !existsSync(modelPath)) return undefined;
  const truth = JSON.parse(readFileSync(join(dir, 'counts.json'), 'utf8')) as {
    images: Record<string, { count: number }>;
  };
  const entries = Object.entries(truth.images);
  const frames = await decodeImages(
    entries.map(([name]) => join(dir, 'images', name)),
    { ffmpegPath: o.ffmpegPath },
  );
  const photos = entries.map(([, { count }], i) => ({ count, frame: frames[i] as VideoFrame }));
  const results: PhotoCounts[] = [];
  const runs = [
    ...o.inputSizes.map((inputSize) => ({ inputSize, tiled: false })),
    ...(o.tiled ? [{ inputSize: 416, tiled: true }] : []),
  ];
  // One model for every size (`atInputSize`), and each photo's whole-frame detections at a size made once:
  // the tiled pass merges its tiles with the same 416 px detections as the untiled count at 416.
  const detector = await OnnxDetector.create({ modelPath, inputSize: runs[0]?.inputSize ?? 416 });
  const wholeAt = new Map<number, Detection[][]>();
  try {
    for (const { inputSize, tiled } of runs) {
      const sized = detector.atInputSize(inputSize);
      const counter = tiled ? new TiledPersonCounter(sized) : undefined;
      let whole = wholeAt.get(inputSize);
      if (whole === undefined) {
        whole = [];
        for (const photo of photos) whole.push(await sized.detect(photo.frame));
        wholeAt.set(inputSize, whole);
      }
      let absolute = 0;
      let signed = 0;
      for (const [i, photo] of photos.entries()) {
        const detections = whole[i] ?? [];
        const found =
          counter === undefined
            ? detections.filter((d) => d.label === 'person' && d.score >= o.minScore).length
            : (await counter.persons(photo.frame, detections)).length;
        absolute += Math.abs(found - photo.count);
        signed += found - photo.count;
      }
      const heads = photos.reduce((n, p) => n + p.count, 0);
      results.push({
        inputSize,
        tiled,
        images: photos.length,
        heads,
        mae: absolute / photos.length,
        relativeError: absolute / heads,
        bias: signed / photos.length,
      });
    }
  } finally {
    await detector.close();
  }
  return results;
}
