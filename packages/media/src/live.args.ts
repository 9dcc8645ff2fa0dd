import type { FfmpegCapabilities } from './ffmpeg-capabilities.js';
import { maskEncodeArgs, type MaskEncoder } from './mask-encoder.js';
import { liveMovflags, maskFilter } from './record.args.js';
import { supervisedLogArgs } from './source-input.args.js';

/** What a live-only process (a camera's sub stream for small tiles) reads and writes. */
export interface LiveArgsOptions {
  /** Input arguments from `sourceInputArgs`. */
  input: readonly string[];
  /** The fragmented MP4 output (`pipe:3`). */
  output: string;
  /** Present when the camera has privacy masks: decode, black out, re-encode, as the recorder does. Absent: copy. */
  masked?: { maskImagePath: string; encoder: MaskEncoder };
  /** What the ffmpeg that will run these arguments can do (`probeFfmpeg`). */
  ffmpeg?: FfmpegCapabilities;
}

/**
 * Arguments of a live-only process: the stream as MSE-ready fragmented MP4, one fragment per frame, with the
 * camera's masks burnt in exactly as in its recording (same filter, same encoders), so masked pixels never reach live.
 */
export function liveArgs(options: LiveArgsOptions): string[] {
  // A keyframe every 2 s: a viewer who falls behind skips to the next one. A masked camera is always re-encoded.
  const { masked } = options;
  const encoding =
    masked === undefined
      ? undefined
      : { masked, encode: maskEncodeArgs(masked.encoder, { quality: 26, x264Preset: 'ultrafast', segmentSeconds: 2 }) };
  const video =
    encoding === undefined
      ? ['-map', '0:v:0', '-c:v', 'copy']
      : [
          '-i',
          encoding.masked.maskImagePath,
          '-filter_complex',
          maskFilter('0:v:0', '1:v', encoding.encode.filterTail),
          '-map',
          '[vigieout]',
          ...encoding.encode.codec,
        ];
  return [
    ...supervisedLogArgs(options.ffmpeg),
    ...(encoding?.encode.global ?? []),
    ...options.input,
    ...video,
    ...['-an', '-sn', '-dn', '-f', 'mp4', '-movflags', liveMovflags, '-flush_packets', '1', options.output],
  ];
}
