import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { locateFfmpeg } from '@vigie/media';

const run = promisify(execFile);

/** What ffprobe sees in a media file. */
export interface Probe {
  duration: number;
  streams: { codec_type: string; width?: number; height?: number }[];
}

/** Runs the ffprobe installed beside ffmpeg. */
export async function probe(path: string): Promise<Probe> {
  const ffprobe = join(dirname(locateFfmpeg().path), 'ffprobe');
  const { stdout } = await run(ffprobe, [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  const parsed = JSON.parse(stdout) as { format: { duration: string }; streams: Probe['streams'] };
  return { duration: Number(parsed.format.duration), streams: parsed.streams };
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

/** Hex SHA-256 of a file. */
export async function sha256Of(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
