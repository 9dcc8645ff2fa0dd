import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AnalysisConfigSchema, type AnalysisConfig, type AnalyticsEvent, definedOnly } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import {
  AnnotatedVideoWriter,
  annotateFrame,
  OnnxDetector,
  OnnxFireClassifier,
  startCameraAnalysis,
  type AnalysisAlert,
  type CountSample,
} from '@vigie/vision';
import Value from 'typebox/value';
import { CliError, type CliIo } from '../io.js';
import { ProgressReporter } from './progress.reporter.js';

async function readConfig(path: string | undefined): Promise<AnalysisConfig> {
  if (path === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read the rules file ${path}: ${(error as Error).message}`);
  }
  const problems = Value.Errors(AnalysisConfigSchema, parsed).map((e) => `  ${e.instancePath || '/'}: ${e.message}`);
  if (problems.length > 0) throw new CliError(`The rules file ${path} is invalid:\n${problems.join('\n')}`);
  return parsed as AnalysisConfig;
}

/** The options of `vigie analyze`. */
export interface AnalyzeOptions {
  config?: string;
  out?: string;
  snapshots?: string;
  model?: string;
  fireModel?: string;
  fps: number;
  width: number;
  detectEvery?: number;
  inputSize: number;
}

/** An event as one JSON line: the record kind first, then the event's own fields. */
const eventLine = (event: AnalyticsEvent) => JSON.stringify({ record: 'event', ...event });
const countsLine = (sample: CountSample) =>
  JSON.stringify({ record: 'counts', ...sample, cameraId: undefined, at: undefined });
const alertLine = (alert: AnalysisAlert, snapshot: string | undefined) =>
  JSON.stringify({
    record: 'alert',
    type: alert.type,
    severity: alert.severity,
    zoneId: alert.zoneId,
    message: alert.message,
    t: alert.details.t,
    region: alert.details.region,
    // The clock starts at 0 for a clip: the clip reference's dates are milliseconds into it.
    clip: { fromT: alert.clip.from.getTime(), toT: alert.clip.to.getTime() },
    snapshot,
  });

/** Runs `vigie analyze` (loaded only by that command: it brings the vision stack and onnxruntime). */
export async function runAnalysis(io: CliIo, input: string, options: AnalyzeOptions): Promise<void> {
  const config = await readConfig(options.config);
  const ffmpegPath = locateFfmpeg(io.env).path;
  const detector =
    options.model === undefined
      ? undefined
      : await OnnxDetector.create({ modelPath: options.model, inputSize: options.inputSize });
  const fireClassifier =
    options.fireModel === undefined ? undefined : await OnnxFireClassifier.create({ modelPath: options.fireModel });
  const writer =
    options.out === undefined
      ? undefined
      : new AnnotatedVideoWriter({ ffmpegPath, output: options.out, fps: options.fps });
  if (options.snapshots !== undefined) await mkdir(options.snapshots, { recursive: true });
  const progress = new ProgressReporter(io);
  const recent: AnalyticsEvent[] = [];
  let events = 0;
  let alerts = 0;
  let failure: Error | undefined;
  try {
    const analysis = startCameraAnalysis({
      cameraId: 'clip',
      sourceUrl: input,
      ffmpegPath,
      config,
      fps: options.fps,
      width: options.width,
      ...definedOnly({ detector, detectEvery: options.detectEvery, fireClassifier }),
      signal: new AbortController().signal,
      live: false,
      clock: () => new Date(0),
      onStatus: (status) => {
        if (status.state === 'running') progress.start(status.durationMs);
        for (const u of status.state === 'starting' ? (status.unavailable ?? []) : [])
          io.err(`${u.type} does not run (${u.code}): give its model with --fire-model.`);
      },
      onCounts: (samples) => samples.forEach((s) => io.out(countsLine(s))),
      onAlert: async (alert) => {
        alerts++;
        if (options.snapshots === undefined) return;
        const file = join(options.snapshots, `alert-${alerts}-${alert.type}.jpg`);
        await writeFile(file, alert.snapshot);
        io.out(alertLine(alert, file));
      },
      onError: (error) => (failure ??= error),
      onFrame: async (frame, result) => {
        for (const event of result.events) io.out(eventLine(event));
        events += result.events.length;
        progress.update({ t: frame.t, events });
        if (writer === undefined) return;
        // Events stay drawn for 2 s so that one can see them when playing the video.
        recent.push(...result.events);
        while ((recent[0]?.t ?? frame.t) < frame.t - 2000) recent.shift();
        const seconds = (frame.t / 1000).toFixed(1);
        const persons = result.tracks.filter((tr) => tr.label === 'person').length;
        await writer.write(
          annotateFrame(frame, {
            tracks: result.tracks,
            leftObjects: result.leftObjects,
            zones: config.zones ?? [],
            lines: config.lines ?? [],
            events: recent,
            caption: [`${seconds} s  ${persons} persons`],
          }),
        );
      },
    });
    const done = await analysis.done.catch((error: unknown) => {
      throw new CliError(`Cannot analyse ${input}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await writer?.close();
    progress.finish(
      `Done: ${done.frames} frames (${(done.frames / options.fps).toFixed(1)} s of video), ${events} events, ` +
        `${done.alerts} alerts${options.out === undefined ? '' : `; annotated video in ${options.out}`}.`,
    );
  } finally {
    await detector?.close();
    await fireClassifier?.close();
  }
  if (failure !== undefined) throw new CliError(`The analysis went wrong: ${failure.message}`);
}
