import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateFfmpeg, runFfmpeg } from '@vigie/media';

/** A real picture (a 160×120 test pattern) encoded by ffmpeg as JPEG or PNG, e.g. a sign photo to upload. */
export async function testImage(type: 'jpeg' | 'png'): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vigie-image-'));
  const file = join(dir, `sign.${type === 'jpeg' ? 'jpg' : 'png'}`);
  try {
    await runFfmpeg(locateFfmpeg().path, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=160x120',
      '-frames:v',
      '1',
      '-y',
      file,
    ]);
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
