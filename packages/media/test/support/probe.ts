import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { locateFfmpeg } from '@vigie/media';

const run = promisify(execFile);

/** What ffmpeg sees in a media file. */
export interface Probe {
  duration: number;
  streams: { codec_type: string; width?: number; height?: number }[];
}

/**
 * Reads a file's duration and streams from `ffmpeg -i` (the npm-shipped ffmpeg comes without ffprobe,
 * and the tests run on what npm brings).
 */
export async function probe(path: string): Promise<Probe> {
  const log = await run(locateFfmpeg().path, ['-hide_banner', '-i', path]).then(
    ({ stderr }) => stderr,
    (error: unknown) => (error as { stderr?: string }).stderr ?? '',
  );
  const time = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(log);
  if (time === null) throw new Error(`ffmpeg could not read ${path}: ${log}`);
  const streams = [...log.matchAll(/Stream #0:\d+.*?: (Video|Audio|Subtitle|Data): ([^\n]*)/g)].map((m) => {
    const size = m[1] === 'Video' ? /, (\d{2,5})x(\d{2,5})\b/.exec(m[2] ?? '') : null;
    return {
      codec_type: (m[1] ?? '').toLowerCase(),
      ...(size === null ? {} : { width: Number(size[1]), height: Number(size[2]) }),
    };
  });
  return { duration: Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3]), streams };
}

/** Decodes the frame at `seconds` as 8-bit grey pixels. */
export async function grayFrame(path: string, seconds: number): Promise<Buffer> {
  const { stdout } = await run(
    locateFfmpeg().path,
    ['-v', 'error', '-ss', String(seconds), '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

/** The left half of the picture, as a privacy mask polygon. */
export const leftHalf = [
  { x: 0, y: 0 },
  { x: 0.5, y: 0 },
  { x: 0.5, y: 1 },
  { x: 0, y: 1 },
];

/**
 * How a grey frame of `width` × `height` reads with its left half masked: the brightest masked pixel and the mean
 * of the open half, leaving a 2-pixel margin around each half (the encoder blurs the edges).
 */
export function halvesOf(frame: Buffer, width: number, height: number): { maskedMax: number; openMean: number } {
  let maskedMax = 0;
  let openSum = 0;
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2; x < width / 2 - 2; x++) maskedMax = Math.max(maskedMax, frame[y * width + x]!);
    for (let x = width / 2 + 2; x < width - 2; x++) openSum += frame[y * width + x]!;
  }
  return { maskedMax, openMean: openSum / ((height - 4) * (width / 2 - 4)) };
}

/** Hex SHA-256 of a file. */
export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
