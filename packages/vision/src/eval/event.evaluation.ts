import type { AnalysisConfig, AnalyticsEvent, AnalyticsEventType, Detector } from '@vigie/core';
import { AnalysisPipeline, type StageTimings } from '../analysis.pipeline.js';
import { FfmpegFrameSource } from '../ffmpeg-frame.source.js';
import type { ExpectedEvent } from './scene.generator.js';
import { definedOnly } from '@vigie/core';

/** A clip to evaluate with its ground truth. */
export interface EvalClip {
  name: string;
  path: string;
  fps: number;
  width: number;
  config: AnalysisConfig;
  expected: ExpectedEvent[];
  crossings?: number;
  detector?: Detector;
}

/** What the pipeline produced on one clip. */
export interface ClipRun {
  clip: EvalClip;
  events: AnalyticsEvent[];
  /** Line crossings counted (in + out) at the end. */
  crossings: number;
  timings: StageTimings;
}

/** Runs the analysis pipeline over a clip (no frame dropped) and collects its events. */
export async function runClip(clip: EvalClip, options: { ffmpegPath: string }): Promise<ClipRun> {
  const pipeline = new AnalysisPipeline({
    fps: clip.fps,
    config: clip.config,
    ...definedOnly({ detector: clip.detector }),
  });
  const source = new FfmpegFrameSource({
    ffmpegPath: options.ffmpegPath,
    input: clip.path,
    fps: clip.fps,
    width: clip.width,
    format: 'rgb24',
    whenBehind: 'wait',
  });
  const events: AnalyticsEvent[] = [];
  for await (const { frame, result } of pipeline.analyse(source)) {
    events.push(...result.events);
    source.recycle(frame.data);
  }
  return { clip, events, crossings: pipeline.crossings(), timings: pipeline.timings };
}

/** Precision, recall and F1 of one event type over a set of runs. */
export interface TypeScore {
  type: AnalyticsEventType;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** What one run predicted against what it should have: expected windows and time-stamped predictions (ms). */
export interface PredictedRun {
  expected: readonly ExpectedEvent[];
  predicted: readonly { type: AnalyticsEventType; t: number }[];
}

/**
 * Scores predictions per event type. An expected event is found when a prediction of its type falls in
 * its window; predictions inside a window count once (the alert policy merges them), those outside any
 * window of their type are false positives. Types in the order they are first met.
 */
export function scoreByType(runs: readonly PredictedRun[]): TypeScore[] {
  const tally = new Map<AnalyticsEventType, { tp: number; fp: number; fn: number }>();
  const get = (type: AnalyticsEventType) => {
    let v = tally.get(type);
    if (v === undefined) {
      v = { tp: 0, fp: 0, fn: 0 };
      tally.set(type, v);
    }
    return v;
  };
  const within = (p: { type: AnalyticsEventType; t: number }, w: ExpectedEvent) =>
    p.type === w.type && p.t >= w.from * 1000 && p.t <= w.to * 1000;
  for (const run of runs) {
    for (const w of run.expected) get(w.type)[run.predicted.some((p) => within(p, w)) ? 'tp' : 'fn']++;
    for (const p of run.predicted) if (!run.expected.some((w) => within(p, w))) get(p.type).fp++;
  }
  return [...tally].map(([type, { tp, fp, fn }]) => {
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    return {
      type,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: fn,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    };
  });
}

/** Scores the pipeline's events on evaluation clips per event type (`scoreByType`). */
export function scoreRuns(runs: readonly ClipRun[]): TypeScore[] {
  return scoreByType(runs.map((run) => ({ expected: run.clip.expected, predicted: run.events })));
}

/** Relative counting error: Σ|counted − true| / Σ true, over the runs that have a true count. */
export function countingError(runs: readonly ClipRun[]): number {
  const counted = runs.filter((r) => r.clip.crossings !== undefined);
  const truth = counted.reduce((s, r) => s + (r.clip.crossings ?? 0), 0);
  const error = counted.reduce((s, r) => s + Math.abs(r.crossings - (r.clip.crossings ?? 0)), 0);
  return truth === 0 ? 0 : error / truth;
}

/** The scores as a text table. */
export function formatScores(scores: readonly TypeScore[], countError: number): string {
  const rows = scores.map((s) =>
    [
      s.type,
      s.truePositives,
      s.falsePositives,
      s.falseNegatives,
      s.precision.toFixed(2),
      s.recall.toFixed(2),
      s.f1.toFixed(2),
    ]
      .map(String)
      .map((c, i) => (i === 0 ? c.padEnd(18) : c.padStart(6)))
      .join(' '),
  );
  return [
    ['event type'.padEnd(18), ...['TP', 'FP', 'FN', 'prec', 'recall', 'F1'].map((h) => h.padStart(6))].join(' '),
    ...rows,
    `counting error (line crossings): ${(countError * 100).toFixed(1)} %`,
  ].join('\n');
}
