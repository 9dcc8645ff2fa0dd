import { maskFilter } from './record.args.js';

/** Where to take a snapshot from and where to write it. */
export interface SnapshotArgsOptions {
  /** Input arguments: `sourceInputArgs` for a live source, or `['-sseof', '-1', '-i', segmentPath]`. */
  input: readonly string[];
  /** JPEG file to write. */
  output: string;
  /** Mask image from `encodeMaskPam` when the camera has masks (LEGAL R6: masks before any pixel is shown). */
  maskImagePath?: string;
}

/** Builds the arguments that grab one frame as a JPEG, privacy masks applied, no sound. */
export function snapshotArgs(options: SnapshotArgsOptions): string[] {
  const video =
    options.maskImagePath === undefined
      ? ['-map', '0:v:0']
      : ['-i', options.maskImagePath, '-filter_complex', maskFilter('0:v:0', '1:v'), '-map', '[vigieout]'];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...options.input,
    ...video,
    '-an',
    '-frames:v',
    '1',
    '-q:v',
    '3',
    '-f',
    'image2',
    '-update',
    '1',
    options.output,
  ];
}
