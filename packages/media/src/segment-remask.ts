import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Mask } from '@vigie/core';
import { runFfmpeg } from './ffmpeg-run.js';
import { maskEncodeArgs } from './mask-encoder.js';
import { defaultMaskRasterSize, encodeMaskPam, rasterizeMasks } from './mask.raster.js';
import { defaultMaskX264, liveMovflags, maskFilter } from './record.args.js';

/** What re-masking one stored segment after the fact needs. */
export interface RemaskSegmentOptions {
  ffmpegPath: string;
  /** The segment as recorded (stream copy). */
  input: string;
  /** Where the masked segment is written (fragmented MP4, as the recorder writes them). */
  output: string;
  /** A scratch directory for the mask image. */
  workDir: string;
  masks: readonly Pick<Mask, 'polygon'>[];
  /** Segment length, for the keyframe cadence (default 4). */
  segmentSeconds?: number;
}

/**
 * Decodes a copied segment, burns Vigie's masks in with the recorder's own filter, and re-encodes it with x264
 * (the software path: it is always there); video only, like every recording (LEGAL R7).
 */
export async function remaskSegmentFile(options: RemaskSegmentOptions): Promise<void> {
  const maskImage = join(options.workDir, 'remask.pam');
  await writeFile(maskImage, encodeMaskPam(rasterizeMasks(options.masks), defaultMaskRasterSize));
  const encode = maskEncodeArgs(
    { name: 'libx264' },
    { quality: defaultMaskX264.crf, x264Preset: defaultMaskX264.preset, segmentSeconds: options.segmentSeconds ?? 4 },
  );
  await runFfmpeg(options.ffmpegPath, [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-i', options.input, '-i', maskImage],
    ...['-filter_complex', maskFilter('0:v:0', '1:v', encode.filterTail), '-map', '[vigieout]', ...encode.codec],
    ...['-an', '-sn', '-dn', '-f', 'mp4', '-movflags', liveMovflags, options.output],
  ]);
}
