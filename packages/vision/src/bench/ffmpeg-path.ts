import { execFileSync } from 'node:child_process';

/**
 * ffmpeg for the eval and bench scripts: FFMPEG_PATH, else the one on PATH. (The vision layer may not
 * import @vigie/media's locator; entry points in cli/server use locateFfmpeg().)
 */
export function locateFfmpegForScripts(): string {
  const fromEnv = process.env['FFMPEG_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  try {
    return execFileSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('ffmpeg was not found: install it (apt-get install ffmpeg) or set FFMPEG_PATH.');
  }
}
