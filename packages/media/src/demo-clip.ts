/** What a demo clip looks like. */
export interface DemoClipOptions {
  /** Output MP4 path. */
  output: string;
  /** Which synthetic scene to draw. */
  pattern: DemoPattern;
  seconds: number;
  width: number;
  height: number;
  fps: number;
  /** Keyframe interval, as a camera's GOP (default 2 s). */
  keyframeSeconds?: number;
  /** Target bit rate in kbit/s, held within a 1 s buffer as a camera's encoder does (default: x264's quality-based rate). */
  bitrateKbps?: number;
}

/** Synthetic scenes ffmpeg can draw without any input file. */
export const demoPatterns = ['testsrc2', 'testsrc', 'smptehdbars', 'life'] as const;

/** One of the synthetic scenes. */
export type DemoPattern = (typeof demoPatterns)[number];

/** Builds the ffmpeg arguments that render a synthetic H.264 clip with a moving clock overlay. */
export function demoClipArgs(options: DemoClipOptions): string[] {
  const size = `${options.width}x${options.height}`;
  const rate =
    options.bitrateKbps === undefined
      ? []
      : [
          '-b:v',
          `${options.bitrateKbps}k`,
          '-maxrate',
          `${options.bitrateKbps}k`,
          '-bufsize',
          `${options.bitrateKbps}k`,
        ];
  const source =
    options.pattern === 'life'
      ? `life=size=${size}:rate=${options.fps}:mold=10:ratio=0.2:death_color=#202020:life_color=#60c060`
      : `${options.pattern}=size=${size}:rate=${options.fps}`;
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    source,
    '-t',
    String(options.seconds),
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(Math.round(options.fps * (options.keyframeSeconds ?? 2))),
    ...rate,
    '-movflags',
    '+faststart',
    options.output,
  ];
}
