import { join } from 'node:path';
import type { FfmpegCapabilities } from './ffmpeg-capabilities.js';
import { maskEncodeArgs, type MaskEncoder } from './mask-encoder.js';
import { supervisedLogArgs } from './source-input.args.js';

/** Name of the CSV list ffmpeg appends one line to (`file,start,end`) each time it completes a segment. */
export const segmentListName = 'segments.csv';

/**
 * x264 settings of masked cameras unless set: the cheapest measured to keep the picture usable (issue 11,
 * `npm run bench:video`: ultrafast costs 0.6–0.7× veryfast's CPU for an SSIM within 0.01 of it outside the
 * masks, at 1.6–2.4× its bit rate).
 */
export const defaultMaskX264 = { crf: 26, preset: 'ultrafast' } as const;

/** Re-encoding settings for cameras whose pixels must be changed (privacy masks). */
export interface MaskedEncoding {
  /** PAM image from `encodeMaskPam`: opaque black where masked. */
  maskImagePath: string;
  /** x264 constant rate factor (default 26: with ultrafast, the picture of veryfast at 23, SSIM 0.990 vs 0.989). */
  crf?: number;
  /** x264 preset, tuned for zero latency (default ultrafast: the cost of masking is paid per camera, continuously). */
  preset?: string;
  /** The encoder (`chooseMaskEncoder`: a hardware one found at start, else x264, the default). */
  encoder?: MaskEncoder;
  /**
   * Also keep the picture behind the liftable masks (docs/unmasking.md): written to this output (`pipe:4`)
   * as fragmented MP4, one fragment per camera keyframe, for the recorder to seal before anything touches
   * the disk. Permanent masks stay on it (`permanentMaskImagePath`, re-encoded with x264); with none, a copy.
   */
  liftable?: { output: string; permanentMaskImagePath?: string };
}

/** What to record and where. */
export interface RecordArgsOptions {
  /** Input arguments from `sourceInputArgs`. */
  input: readonly string[];
  /** Directory receiving numbered segment files and the segment list. */
  outputDir: string;
  /** Target segment length (default 4 s); with stream copy a cut waits for the camera's next keyframe. */
  segmentSeconds?: number;
  /** Present when the camera has privacy masks: decode, black out, re-encode. Absent: stream copy. */
  masked?: MaskedEncoding;
  /** What the ffmpeg that will run these arguments can do (`probeFfmpeg`); default: Debian's ffmpeg 5.1. */
  ffmpeg?: FfmpegCapabilities;
  /** Also stream the same (masked) video as fragmented MP4, one fragment per frame, to this output (`pipe:3`). */
  liveOutput?: string;
  /**
   * Also send the camera's own packets (stream copy, before masks: the analysis masks its frames itself)
   * as MPEG-TS to this loopback UDP URL (`analysisTapUrl`), which the camera's analysis reads instead of
   * opening the camera a second time; nobody reading costs nothing and never blocks the recording.
   */
  analysisTap?: string;
}

/** The UDP URLs of a tap on this loopback port, as the recorder sends and as the analysis reads. */
export function analysisTapUrl(port: number): { send: string; read: string } {
  const base = `udp://127.0.0.1:${port}`;
  // 1316 bytes: seven TS packets per datagram. The reader keeps ~4 MB of them, and a full buffer drops datagrams
  // (a smeared frame for the analysis) instead of ending its ffmpeg.
  return { send: `${base}?pkt_size=1316`, read: `${base}?fifo_size=20000&overrun_nonfatal=1&buffer_size=4194304` };
}

/** RTSP's first packets may come before the camera's clock is known: MPEG-TS refuses those, given time 0 here. */
const knownTimestamps = 'setts=pts=if(eq(PTS\\,NOPTS)\\,0\\,PTS):dts=if(eq(DTS\\,NOPTS)\\,0\\,DTS)';

function tapArgs(url: string | undefined): string[] {
  if (url === undefined) return [];
  return ['-map', '0:v:0', '-c:v', 'copy', '-bsf:v', knownTimestamps, '-an', '-sn', '-dn', '-f', 'mpegts', url];
}

/** Fragmented MP4 cut at each keyframe: every fragment of the liftable stream can start a sealed segment. */
const liftableMovflags = '+frag_keyframe+empty_moov+default_base_moof';

/** Fragmented MP4 for Media Source Extensions: one fragment per frame, a new one at each keyframe. */
export const liveMovflags = '+frag_keyframe+frag_every_frame+empty_moov+default_base_moof';

/**
 * The filter graph that scales the mask raster to the video and lays it over every frame (into `[<out>]`);
 * `tail` ends the chain (e.g. an upload to a hardware encoder's device).
 */
export function maskFilter(videoInput: string, maskInput: string, tail = '', out = 'vigieout'): string {
  // Blended in 4:2:0, the encoder's format: with `format=auto` overlay converted every frame to RGB and back,
  // which cost more than the x264 encode itself (issue 11, `npm run bench:video`).
  return (
    `[${maskInput}][${videoInput}]scale2ref=flags=neighbor[${out}mask][${out}video];` +
    `[${out}video][${out}mask]overlay=format=yuv420,format=yuv420p${tail}[${out}]`
  );
}

/** The software encode of the picture kept behind liftable masks (permanent masks still applied). */
function keptEncode(masked: MaskedEncoding, segmentSeconds: number): string[] {
  const settings = {
    quality: masked.crf ?? defaultMaskX264.crf,
    x264Preset: masked.preset ?? defaultMaskX264.preset,
    segmentSeconds,
  };
  return maskEncodeArgs({ name: 'libx264' }, settings).codec;
}

function videoArgs(options: RecordArgsOptions, segmentSeconds: number): { global: string[]; video: string[] } {
  const masked = options.masked;
  if (masked === undefined) return { global: [], video: ['-map', '0:v:0', '-c:v', 'copy'] };
  const encode = maskEncodeArgs(masked.encoder ?? { name: 'libx264' }, {
    quality: masked.crf ?? defaultMaskX264.crf,
    x264Preset: masked.preset ?? defaultMaskX264.preset,
    segmentSeconds,
  });
  const permanent = masked.liftable?.permanentMaskImagePath;
  // With permanent and liftable masks, one decode feeds two overlays: all masks, and the permanent ones only.
  const filter =
    permanent === undefined
      ? maskFilter('0:v:0', '1:v', encode.filterTail)
      : `[0:v:0]split[vigieall][vigiekeep];${maskFilter('vigieall', '1:v', encode.filterTail)};` +
        maskFilter('vigiekeep', '2:v', '', 'vigiekept');
  return {
    global: encode.global,
    video: [
      '-i',
      masked.maskImagePath,
      ...(permanent === undefined ? [] : ['-i', permanent]),
      '-filter_complex',
      filter,
      '-map',
      '[vigieout]',
      ...encode.codec,
    ],
  };
}

/** The output of the picture behind liftable masks: never a file, a pipe the recorder seals from. */
function liftableArgs(options: RecordArgsOptions, segmentSeconds: number): string[] {
  const liftable = options.masked?.liftable;
  if (liftable === undefined || options.masked === undefined) return [];
  const video =
    liftable.permanentMaskImagePath === undefined
      ? ['-map', '0:v:0', '-c:v', 'copy']
      : ['-map', '[vigiekept]', ...keptEncode(options.masked, segmentSeconds)];
  return [...video, '-an', '-sn', '-dn', '-f', 'mp4', '-movflags', liftableMovflags, liftable.output];
}

/**
 * Builds the arguments of a camera's recording process: video only (LEGAL R7: no sound is captured),
 * fragmented MP4 segments that stay playable even if the process dies mid-segment, and a CSV list
 * that tells which segments are complete.
 */
export function recordArgs(options: RecordArgsOptions): string[] {
  const segmentSeconds = options.segmentSeconds ?? 4;
  const list = join(options.outputDir, segmentListName);
  const files = join(options.outputDir, '%06d.mp4');
  const { global, video } = videoArgs(options, segmentSeconds);
  const head = [...supervisedLogArgs(options.ffmpeg), ...global, ...options.input, ...video];
  const { liveOutput, masked } = options;
  if (liveOutput !== undefined && masked !== undefined) {
    // One encode for both outputs: the tee muxer writes the masked stream to the segments and the live pipe.
    const segment = [
      'f=segment',
      `segment_time=${segmentSeconds}`,
      'segment_format=mp4',
      'segment_format_options=movflags=+frag_keyframe+empty_moov+default_base_moof',
      'reset_timestamps=1',
      `segment_list=${teeEscape(teeEscape(list, /[\\':=]/g), /[\\'|]/g)}`,
      'segment_list_type=csv',
    ].join(':');
    const live = ['f=mp4', `movflags=${liveMovflags}`, 'flush_packets=1', 'onfail=ignore'].join(':');
    return [
      ...head,
      // MP4 muxers behind a tee need the parameter sets out of band (avcC), not in the bitstream.
      ...['-flags', '+global_header', '-an', '-sn', '-dn', '-f', 'tee'],
      `[${segment}]${teeEscape(files, slaveSpecial)}|[${live}]${teeEscape(liveOutput, slaveSpecial)}`,
      ...liftableArgs(options, segmentSeconds),
      ...tapArgs(options.analysisTap),
    ];
  }
  const live =
    liveOutput === undefined
      ? []
      : ['-map', '0:v:0', '-c:v', 'copy', '-an', '-sn', '-dn', '-f', 'mp4', '-movflags', liveMovflags].concat([
          '-flush_packets',
          '1',
          liveOutput,
        ]);
  return [
    ...head,
    '-an',
    '-sn',
    '-dn',
    '-f',
    'segment',
    '-segment_time',
    String(segmentSeconds),
    '-segment_format',
    'mp4',
    '-segment_format_options',
    'movflags=+frag_keyframe+empty_moov+default_base_moof',
    '-reset_timestamps',
    '1',
    '-segment_list',
    list,
    '-segment_list_type',
    'csv',
    files,
    ...live,
    ...liftableArgs(options, segmentSeconds),
    ...tapArgs(options.analysisTap),
  ];
}

/** Characters the tee muxer's list of outputs gives a meaning to. */
const slaveSpecial = /[\\'|[]/g;

/** Escapes characters for one level of the tee muxer's syntax (outputs, then each output's options). */
function teeEscape(value: string, special: RegExp): string {
  return value.replace(special, (c) => `\\${c}`);
}
