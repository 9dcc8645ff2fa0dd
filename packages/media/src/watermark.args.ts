/** Who is looking, for the watermark burnt into an unmasked view. */
export interface WatermarkOptions {
  /** The viewer's account name. */
  viewer: string;
  /** The lift the view belongs to. */
  liftId: string;
  /** When the view was served. */
  at: Date;
}

/** Letters, digits and a few signs: anything else could escape the filter graph, and is replaced. */
function plain(text: string): string {
  return text.replace(/[^\p{L}\p{N} ._@-]/gu, '?');
}

/** The text burnt into every frame of an unmasked view: viewer, lift and time, so a leak names its source. */
export function watermarkText(options: WatermarkOptions): string {
  const time = options.at.toISOString().slice(0, 16).replace('T', ' ');
  return `${plain(options.viewer)} - lift ${plain(options.liftId.slice(0, 8))} - ${time.replace(':', 'h')} UTC`;
}

/**
 * Arguments of the process serving an unmasked view: fragmented MP4 on stdin (decrypted in memory), the
 * watermark drawn three times across the frame so that no crop removes it, re-encoded, fragmented MP4 on
 * stdout. Timestamps are renumbered from the frame count (the segments may come from several runs).
 */
export function watermarkArgs(options: WatermarkOptions): string[] {
  const text = watermarkText(options);
  const draw = (y: string): string =>
    `drawtext=text='${text}':expansion=none:fontcolor=white:fontsize=w/32:` +
    `borderw=1:bordercolor=black@0.85:x=(w-tw)/2:y=${y}`;
  return [
    ...['-hide_banner', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0'],
    '-vf',
    ['setpts=N/FRAME_RATE/TB', draw('h/8'), draw('(h-th)/2'), draw('h*7/8-th')].join(','),
    ...['-map', '0:v:0', '-an', '-sn', '-dn', '-fps_mode', 'passthrough'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
    ...['-f', 'mp4', '-movflags', '+frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
  ];
}
