import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/** Which ffmpeg binary Vigie runs and where it was found. */
export interface FfmpegBinary {
  path: string;
  source: 'env' | 'system' | 'bundled';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(delimiter)) {
    const candidate = join(dir, name);
    if (dir !== '' && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function bundled(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
    return isExecutable(installer.path) ? installer.path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds ffmpeg: FFMPEG_PATH, else the system one (Debian's, preferred: recent and complete),
 * else the static build shipped inside the @ffmpeg-installer npm package.
 */
export function locateFfmpeg(env: NodeJS.ProcessEnv = process.env): FfmpegBinary {
  const fromEnv = env['FFMPEG_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isExecutable(fromEnv))
      throw new Error(`FFMPEG_PATH=${fromEnv} is not an executable file. Fix the path or unset it.`);
    return { path: fromEnv, source: 'env' };
  }
  const system = onPath('ffmpeg', env['PATH'] ?? '');
  if (system !== undefined) return { path: system, source: 'system' };
  const shipped = bundled();
  if (shipped !== undefined) return { path: shipped, source: 'bundled' };
  throw new Error(
    'ffmpeg was not found. Install it (Debian: apt-get install ffmpeg), or set FFMPEG_PATH to its binary.',
  );
}
