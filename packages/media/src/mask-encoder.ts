/**
 * The H.264 encoder of masked cameras (the only ones Vigie re-encodes). Decode, mask and x264 in software
 * cost 0.07–0.14 core per 720p25 camera here (issue 11, `npm run bench:video`); a hardware encoder (VAAPI,
 * Intel Quick Sync, NVIDIA NVENC) moves that work off the CPU. Debian's ffmpeg lists all three whatever the
 * machine has, so each one is tried with a two-frame test encode at start (`probeFfmpeg`) and used only
 * when it opened.
 */

/**
 * Hardware H.264 encoders, in the order they are preferred: the integrated GPU first (VAAPI, then Quick Sync on
 * the same Intel or AMD chip), which opens as many encoding sessions as it has the throughput for; NVENC last,
 * as GeForce drivers cap concurrent sessions (8 with current drivers) and a camera past the cap would fail
 * to record, and as an NVIDIA card on a Vigie machine is usually there for the analysis models.
 */
export const hardwareEncoderNames = ['h264_vaapi', 'h264_qsv', 'h264_nvenc'] as const;

/** The name of a hardware H.264 encoder in ffmpeg. */
export type HardwareEncoderName = (typeof hardwareEncoderNames)[number];

/** A hardware H.264 encoder ffmpeg can open on this machine. */
export interface HardwareEncoder {
  name: HardwareEncoderName;
  /** VAAPI: the DRM render node it runs on, e.g. /dev/dri/renderD128. */
  device?: string;
}

/** The encoder a masked camera uses: x264, or a hardware encoder found at start. */
export type MaskEncoder = { name: 'libx264' } | HardwareEncoder;

/** How to encode a masked camera. */
export interface MaskEncodeSettings {
  /** Quality, on x264's CRF scale (lower is better): also the constant QP or quality level of hardware encoders. */
  quality: number;
  /** x264 preset (hardware encoders use their fastest preset). */
  x264Preset: string;
  /** A keyframe at least this often (each segment starts with one). */
  segmentSeconds: number;
}

/** What an encoder adds to the recording command. */
export interface MaskEncodeArgs {
  /** Before the inputs: the hardware device to open. */
  global: string[];
  /** Appended to the mask filter graph's output (VAAPI frames are uploaded to the device). */
  filterTail: string;
  /** After `-map`: the encoder and its settings. */
  codec: string[];
}

/** The device nodes a hardware encoder needs, as found under /dev. */
export interface HardwareDevices {
  /** DRM render nodes (/dev/dri/renderD128…): VAAPI runs on one, and Quick Sync through it. */
  renderNodes: readonly string[];
  /** NVIDIA's control node (/dev/nvidiactl) exists: the driver is loaded, NVENC may open. */
  nvidia: boolean;
}

/**
 * Which hardware encoders to try with a test encode: those this ffmpeg lists whose device is there, VAAPI
 * on the first render node, Quick Sync only with a render node, NVENC only with NVIDIA's driver loaded. A
 * machine with neither (most servers without a GPU, CI) starts no test encode at all.
 */
export function hardwareEncoderCandidates(
  listedEncoders: ReadonlySet<string>,
  devices: HardwareDevices,
): HardwareEncoder[] {
  const device = [...devices.renderNodes].sort()[0];
  return hardwareEncoderNames.flatMap((name): HardwareEncoder[] => {
    if (!listedEncoders.has(name)) return [];
    if (name === 'h264_nvenc') return devices.nvidia ? [{ name }] : [];
    if (device === undefined) return [];
    return name === 'h264_vaapi' ? [{ name, device }] : [{ name }];
  });
}

/** Arguments of a two-frame test encode that fails at once when the encoder cannot run here. */
export function encoderTestArgs(encoder: HardwareEncoder): string[] {
  const { global, filterTail, codec } = maskEncodeArgs(encoder, {
    quality: 26,
    x264Preset: 'ultrafast',
    segmentSeconds: 4,
  });
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    ...global,
    '-f',
    'lavfi',
    '-i',
    'color=black:size=320x240:rate=25',
    '-frames:v',
    '2',
    '-vf',
    `format=yuv420p${filterTail}`,
    ...codec,
    '-f',
    'null',
    '-',
  ];
}

/** The encoder masked cameras use: the first hardware encoder available, else x264. */
export function chooseMaskEncoder(available: readonly HardwareEncoder[] = []): MaskEncoder {
  for (const name of hardwareEncoderNames) {
    const found = available.find((encoder) => encoder.name === name);
    if (found !== undefined) return found;
  }
  return { name: 'libx264' };
}

/** The arguments of one encoder for a masked camera: constant quality, no B-frames, a keyframe per segment. */
export function maskEncodeArgs(encoder: MaskEncoder, settings: MaskEncodeSettings): MaskEncodeArgs {
  const quality = String(settings.quality);
  // A keyframe at each segment boundary, whatever the camera's frame rate; no B-frames, no lookahead:
  // cheaper, and no frames held back before the live stream.
  const keyframes = ['-force_key_frames', `expr:gte(t,n_forced*${settings.segmentSeconds})`];
  switch (encoder.name) {
    case 'libx264':
      return {
        global: [],
        filterTail: '',
        codec: [
          '-c:v',
          'libx264',
          '-preset',
          settings.x264Preset,
          '-tune',
          'zerolatency',
          '-crf',
          quality,
          ...keyframes,
        ],
      };
    case 'h264_nvenc':
      return {
        global: [],
        filterTail: '',
        codec: [
          ...['-c:v', 'h264_nvenc', '-preset', 'p1', '-tune', 'll', '-rc', 'vbr', '-cq', quality, '-b:v', '0'],
          ...['-bf', '0', '-forced-idr', '1', ...keyframes],
        ],
      };
    case 'h264_qsv':
      return {
        global: [],
        filterTail: '',
        codec: [
          ...['-c:v', 'h264_qsv', '-preset', 'veryfast', '-global_quality', quality, '-look_ahead', '0'],
          ...['-bf', '0', '-forced_idr', '1', ...keyframes],
        ],
      };
    case 'h264_vaapi':
      return {
        global: [
          '-init_hw_device',
          `vaapi=vigie:${encoder.device ?? '/dev/dri/renderD128'}`,
          '-filter_hw_device',
          'vigie',
        ],
        filterTail: ',format=nv12,hwupload',
        codec: ['-c:v', 'h264_vaapi', '-rc_mode', 'CQP', '-qp', quality, '-bf', '0', ...keyframes],
      };
  }
}
