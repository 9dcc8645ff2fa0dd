import { Command, InvalidArgumentError } from 'commander';
import type { CliIo } from '../io.js';
import type { AnalyzeOptions } from './analyze.run.js';

function positive(name: string, integer: boolean): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
      throw new InvalidArgumentError(`${name} must be a positive ${integer ? 'integer' : 'number'}.`);
    return n;
  };
}

/**
 * `vigie analyze`: runs the analytics on a clip or stream. Events, count samples (and alerts with
 * `--snapshots`) as JSON Lines on stdout, progress on stderr, optionally an annotated H.264 MP4.
 */
export function analyzeCommand(io: CliIo): Command {
  return new Command('analyze')
    .description('analyse a clip or stream: anonymous events and counts as JSON Lines on stdout, progress on stderr')
    .argument('<input>', 'video file or stream URL (rtsp://, http://)')
    .option('--config <rules.json>', 'zones, lines, calibration, enabled rules and their parameters')
    .option('--out <annotated.mp4>', 'also write the analysed frames with boxes, track numbers, zones and events')
    .option('--snapshots <dir>', 'write each alert’s annotated snapshot (JPEG) there and print the alert')
    .option('--model <yolox.onnx>', 'YOLOX ONNX person/bag detector; without it, motion blobs stand in (no class)')
    .option(
      '--fire-model <fire_patch.onnx>',
      'fire patch classifier (npm run train:fire); without it, fire_smoke does not run',
    )
    .option('--fps <n>', 'analysis frames per second', positive('--fps', false), 5)
    .option('--width <px>', 'analysis width in pixels', positive('--width', true), 640)
    .option('--detect-every <n>', 'run the detector on one frame in n (default 2)', positive('--detect-every', true))
    .option('--input-size <px>', 'detector input, longer side, multiple of 32', positive('--input-size', true), 416)
    .action(async (input: string, options: AnalyzeOptions) => {
      const { runAnalysis } = await import('./analyze.run.js');
      await runAnalysis(io, input, options);
    });
}
