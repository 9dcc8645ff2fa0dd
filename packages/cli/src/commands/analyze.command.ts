import { readFile } from 'node:fs/promises';
import { AnalysisConfigSchema, type AnalysisConfig } from '@vigie/core';
import { locateFfmpeg } from '@vigie/media';
import { AnalysisPipeline, FfmpegFrameSource, OnnxDetector } from '@vigie/vision';
import { Command } from 'commander';
import Value from 'typebox/value';
import { CliError, type CliIo } from '../io.js';

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

/** `vigie analyze`: runs the analytics on a clip or stream, events as JSON Lines on stdout, progress on stderr. */
export function analyzeCommand(io: CliIo): Command {
  return new Command('analyze')
    .description('analyse a clip or stream: anonymous events as JSON Lines on stdout, progress on stderr')
    .argument('<input>', 'video file or stream URL (rtsp://, http://)')
    .option('--config <rules.json>', 'zones, lines, calibration, enabled rules and their parameters')
    .option('--model <yolox.onnx>', 'YOLOX ONNX person/bag detector; without it, motion blobs stand in (no class)')
    .option('--fps <n>', 'analysis frames per second', Number, 5)
    .option('--width <px>', 'analysis width in pixels', Number, 640)
    .action(async (input: string, options: { config?: string; model?: string; fps: number; width: number }) => {
      const config = await readConfig(options.config);
      const detector =
        options.model === undefined ? undefined : await OnnxDetector.create({ modelPath: options.model });
      const pipeline = new AnalysisPipeline({
        fps: options.fps,
        config,
        ...(detector === undefined ? {} : { detector }),
      });
      const source = new FfmpegFrameSource({
        ffmpegPath: locateFfmpeg(io.env).path,
        input,
        fps: options.fps,
        width: options.width,
        format: 'rgb24',
        whenBehind: 'wait',
      });
      let frames = 0;
      let events = 0;
      for await (const frame of source) {
        for (const event of (await pipeline.process(frame)).events) {
          io.out(JSON.stringify(event));
          events += 1;
        }
        frames += 1;
        if (frames % (options.fps * 10) === 0) io.err(`… ${(frame.t / 1000).toFixed(0)} s analysed, ${events} events`);
      }
      for (const count of pipeline.finish()) io.out(JSON.stringify(count));
      io.err(`Done: ${frames} frames (${(frames / options.fps).toFixed(1)} s of video), ${events} events.`);
    });
}
