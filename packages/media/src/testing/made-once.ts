import { createHash, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg } from '../ffmpeg-locator.js';

/**
 * A file or folder that tests make with ffmpeg once per machine (clips: seconds of x264 each) and then copy: kept in
 * the temp directory under `prefix` and a hash of `key` and the ffmpeg binary (a change to either makes it again).
 * `make` writes it at the path it is given; it is made aside, then renamed, so that a test running beside never
 * reads half of it (if another test made it meanwhile, theirs is kept).
 */
export async function madeOncePerMachine(
  prefix: string,
  key: readonly (string | Uint8Array)[],
  make: (path: string) => Promise<void>,
  extension = '',
): Promise<string> {
  const ffmpegPath = locateFfmpeg().path;
  const ffmpeg = statSync(ffmpegPath);
  const hash = createHash('sha256');
  for (const part of key) hash.update(part);
  hash.update(`${ffmpegPath} ${ffmpeg.size} ${ffmpeg.mtimeMs}`);
  const path = join(tmpdir(), `${prefix}-${hash.digest('hex').slice(0, 16)}${extension}`);
  if (existsSync(path)) return path;
  const scratch = join(tmpdir(), `${prefix}-${randomUUID()}${extension}`);
  try {
    await make(scratch);
    await rename(scratch, path).catch((error: unknown) => {
      if (!existsSync(path)) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return path;
}
