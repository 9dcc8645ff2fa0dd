import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { LocalDiskStorage, locateFfmpeg } from '@vigie/media';
import type { VigieApp } from '@vigie/server';
import type { VigieDatabase } from '@vigie/db';
import { testEngines } from '@vigie/db/testing';
import { authorise, cameraBody, openTestApp, storeTestSegment, tokenAs, type TestApp } from './support.js';

/** The application over the embedded database, serving the built console from `webRoot`. */
export async function openConsoleApp(webRoot: string): Promise<TestApp> {
  const pglite = testEngines.find((e) => e.name === 'pglite');
  if (pglite === undefined) throw new Error('the pglite test engine is missing');
  return openTestApp(pglite, undefined, { webRoot });
}

const run = promisify(execFile);

/**
 * A 30 s clip with a keyframe every 10 s, like the demo camera "Gare — Consigne" (one every 25 s): stream
 * copy of a range starting at 12 s begins at 10 s, which is what an honest manifest must state.
 */
export async function renderLongGopClip(dir: string): Promise<string> {
  const clip = join(dir, 'long-gop.mp4');
  await run(locateFfmpeg().path, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x240:rate=10',
    '-t',
    '30',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '100',
    '-keyint_min',
    '100',
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    clip,
  ]);
  return clip;
}

/** A camera "Gare — Consigne" whose 30 s recording (the clip) started an hour ago; a supervisor's token. */
export async function seedRecordedCamera(
  app: VigieApp & { database: VigieDatabase; mediaDir: string },
  clip: string,
): Promise<{ cameraId: string; startedAt: Date; supervisor: Record<string, string> }> {
  const supervisor = await tokenAs(app, ['supervisor']);
  const created = await app.http.inject({
    method: 'POST',
    url: '/api/cameras',
    headers: supervisor,
    payload: cameraBody({ name: 'Gare — Consigne', enabled: false }),
  });
  const cameraId = created.json<{ id: string }>().id;
  await authorise(app, cameraId);
  const startedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
  const storage = new LocalDiskStorage(join(app.mediaDir, 'recordings'));
  await storeTestSegment(
    { app, storage, scratch: dirname(clip) },
    cameraId,
    clip,
    new Date(startedAt.getTime() + 30_000),
    30,
  );
  return { cameraId, startedAt, supervisor };
}
