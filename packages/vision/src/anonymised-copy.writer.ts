import type { Box, Detector } from '@vigie/core';
import { AnnotatedVideoWriter } from './annotated-video.writer.js';
import { BackgroundModel } from './background.model.js';
import { FfmpegFrameSource } from './ffmpeg-frame.source.js';
import { MotionDetector } from './motion.detector.js';
import { pixelateBoxes } from './pixelate.js';
import { definedOnly } from '@vigie/core';

/** What to anonymise and how. */
export interface AnonymisedCopyOptions {
  ffmpegPath: string;
  /** The extract to anonymise (an exported MP4). */
  input: string;
  /** The H.264 MP4 to write. */
  output: string;
  /** Person detector (YOLOX); without it every moving region is pixelated instead. */
  detector?: Detector;
  /** Frame rate and width of the copy (default 10 fps, 960 px). */
  fps?: number;
  width?: number;
  signal?: AbortSignal;
}

/** What the anonymisation did, for the reviewer. */
export interface AnonymisedCopyReport {
  frames: number;
  /** Regions pixelated, summed over frames. */
  regions: number;
  /** How people were found: the detector's persons, or every moving region. */
  method: 'person_detector' | 'motion_regions';
}

/**
 * Writes a copy of an extract in which every person — or, without a detector, every moving region —
 * is pixelated, for a citizen's access request (GDPR art. 15(4): third parties must not be
 * recognisable). It never tells the requester from anyone else (that would be identification, R17):
 * all people are pixelated, and a person reviews the copy before it is delivered.
 */
export async function writeAnonymisedCopy(options: AnonymisedCopyOptions): Promise<AnonymisedCopyReport> {
  const fps = options.fps ?? 10;
  const source = new FfmpegFrameSource({
    ffmpegPath: options.ffmpegPath,
    input: options.input,
    fps,
    width: options.width ?? 960,
    format: 'rgb24',
    whenBehind: 'wait',
    ...definedOnly({ signal: options.signal }),
  });
  const writer = new AnnotatedVideoWriter({ ffmpegPath: options.ffmpegPath, output: options.output, fps });
  let background: BackgroundModel | undefined;
  let motion: MotionDetector | undefined;
  const report: AnonymisedCopyReport = {
    frames: 0,
    regions: 0,
    method: options.detector === undefined ? 'motion_regions' : 'person_detector',
  };
  for await (const frame of source) {
    let boxes: Box[];
    if (options.detector !== undefined) {
      boxes = (await options.detector.detect(frame)).filter((d) => d.label === 'person').map((d) => d.box);
    } else {
      const width = Math.min(frame.width, 320);
      background ??= new BackgroundModel({
        width,
        height: Math.max(1, Math.round((width * frame.height) / frame.width)),
      });
      motion ??= new MotionDetector(background, { minArea: 0.0003 });
      background.update(frame);
      boxes = (await motion.detect(frame)).map((d) => d.box);
    }
    pixelateBoxes(frame, boxes);
    report.frames++;
    report.regions += boxes.length;
    await writer.write(frame);
  }
  await writer.close();
  return report;
}
