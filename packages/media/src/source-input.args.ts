import { fileURLToPath } from 'node:url';
import { sourceKind } from '@vigie/core';
import { currentFfmpeg, type FfmpegCapabilities } from './ffmpeg-capabilities.js';

/** How to read a camera's source. */
export interface SourceInputOptions {
  /** rtsp://, rtsps://, http(s):// or file:// URL (credentials allowed; they are redacted in logs). */
  sourceUrl: string;
  /** Replay a file source forever at its native rate, as a live camera would (demo cameras). */
  loop?: boolean;
  /** Give up a connection that sends nothing for this long (default 5 s); the supervisor then reconnects. */
  ioTimeoutSeconds?: number;
  /** What the ffmpeg that will run these arguments can do (`probeFfmpeg`); default: Debian's ffmpeg 5.1. */
  ffmpeg?: FfmpegCapabilities;
}

/**
 * Probe a network source for 1 s, not ffmpeg's default 5 s: each recorder start (server restart, camera back)
 * delays live by that long. A second holds the parameter sets of any camera sending a keyframe at least once a
 * second, and RTSP cameras announce theirs in the session description anyway.
 */
const quickProbe = ['-analyzeduration', '1000000'];

/** Builds the ffmpeg input arguments for a camera source, ending with `-i <source>`. */
export function sourceInputArgs(options: SourceInputOptions): string[] {
  const timeoutUs = String(Math.round((options.ioTimeoutSeconds ?? 5) * 1_000_000));
  switch (sourceKind(options.sourceUrl)) {
    case 'rtsp':
      // TCP: no packet loss (smeared frames) behind NATs and firewalls that drop UDP.
      return [
        '-rtsp_transport',
        'tcp',
        (options.ffmpeg ?? currentFfmpeg).rtspTimeoutOption,
        timeoutUs,
        ...quickProbe,
        '-i',
        options.sourceUrl,
      ];
    case 'http':
      return ['-rw_timeout', timeoutUs, ...quickProbe, '-i', options.sourceUrl];
    case 'file': {
      const path = fileURLToPath(options.sourceUrl);
      return options.loop === true ? ['-stream_loop', '-1', '-re', '-i', path] : ['-i', path];
    }
  }
}

/**
 * Arguments that make ffmpeg quiet on stderr except for problems, and report progress on stdout every 2 s: each
 * report wakes the server (0.15 CPU-ms), so 2 s instead of 1 halves that cost per camera (0.19 → 0.10 millicore;
 * issue 11, `npm run bench:video`), while the stall watchdog (8 s without progress) still tolerates a 6 s hiccup and
 * shows a stopped stream offline within 10 s. Every 4 s would spare 0.03 millicore more, but a 4 s hiccup would then
 * restart the process and "online" could come 4 s late. ffmpeg before 4.4 has no `-stats_period` and reports every 0.5 s.
 */
export function supervisedLogArgs(ffmpeg: FfmpegCapabilities = currentFfmpeg): string[] {
  const period = ffmpeg.statsPeriod ? ['-stats_period', '2'] : [];
  return ['-hide_banner', '-nostats', '-loglevel', 'warning', '-progress', 'pipe:1', ...period];
}
