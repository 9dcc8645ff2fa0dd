import { spawn } from 'node:child_process';

/** When a video's frames are, read from the media itself (ffmpeg only: npm's ffmpeg ships no ffprobe). */
export interface PlayedRange {
  /** Time of the first frame, seconds on the file's own clock. */
  first: number;
  /** End of the last frame (its time plus its duration), seconds on the file's own clock. */
  end: number;
  frames: number;
}

function ffmpegOutput(
  ffmpegPath: string,
  args: readonly string[],
): Promise<{ code: number | null; out: string; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let log = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-8_000_000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, log }));
  });
}

/** Parses `-f framecrc` output: per decoded frame its pts and duration in the stream's time base. */
export function parseFrameCrc(text: string): PlayedRange | undefined {
  const base = /^#tb 0: (\d+)\/(\d+)$/m.exec(text);
  if (base === null) return undefined;
  const seconds = (ticks: number): number => (ticks * Number(base[1])) / Number(base[2]);
  let first = Infinity;
  let end = -Infinity;
  let frames = 0;
  for (const line of text.split('\n')) {
    const fields = /^0,\s*-?\d+,\s*(-?\d+),\s*(\d+),/.exec(line);
    if (fields === null) continue;
    const pts = Number(fields[1]);
    first = Math.min(first, pts);
    end = Math.max(end, pts + Number(fields[2]));
    frames++;
  }
  return frames === 0 ? undefined : { first: seconds(first), end: seconds(end), frames };
}

/**
 * Decodes every frame of the first video stream: undefined when the file does not decode (it would not play),
 * else where its frames start and end. Costs one decode of the file.
 */
export async function playedRange(ffmpegPath: string, path: string): Promise<PlayedRange | undefined> {
  const { code, out } = await ffmpegOutput(ffmpegPath, [
    '-hide_banner',
    '-nostdin',
    '-v',
    'error',
    '-xerror',
    '-i',
    path,
    '-map',
    '0:v:0',
    '-f',
    'framecrc',
    '-',
  ]);
  return code === 0 ? parseFrameCrc(out) : undefined;
}

/**
 * Times (seconds, file clock) of the keyframes of the first video stream, decoding only those. Stream copy
 * can only start an export on one of them.
 */
export async function keyframeTimes(ffmpegPath: string, path: string): Promise<number[]> {
  const { code, log } = await ffmpegOutput(ffmpegPath, [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-skip_frame',
    'nokey',
    '-i',
    path,
    '-map',
    '0:v:0',
    '-vf',
    'showinfo',
    '-f',
    'null',
    '-',
  ]);
  if (code !== 0)
    throw new Error(`ffmpeg could not read the keyframes of ${path}: ${log.trim().split('\n').slice(-3).join(' ')}`);
  return [...log.matchAll(/pts_time:\s*(-?[\d.]+)/g)].map((m) => Number(m[1]));
}
