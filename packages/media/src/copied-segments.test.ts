import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { masksNotFlat, type Camera, type Segment, type SegmentStorage } from '@vigie/core';
import { locateFfmpeg } from './ffmpeg-locator.js';
import { runFfmpeg } from './ffmpeg-run.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CopiedSegments, type CopiedSegmentsOptions } from './copied-segments.js';

const camera = { id: 'cam-1', masks: [{ id: 'w', polygon: [] }] } as unknown as Camera;

function segment(n: number): Segment {
  const startedAt = new Date(Date.UTC(2026, 11, 1, 7, 0, n * 2));
  return {
    cameraId: camera.id,
    key: `cam-1/2026-12-01/07/${n}.mp4`,
    startedAt,
    endedAt: new Date(startedAt.getTime() + 2000),
    bytes: 4,
    initBytes: 0,
    sha256: 'ab'.repeat(32),
  };
}

/** Storage in memory, so that what is left in it (and what was removed) can be read back. */
function memoryStorage(keys: readonly string[]): SegmentStorage & { files: Map<string, Uint8Array> } {
  const files = new Map(keys.map((key) => [key, new TextEncoder().encode('copy')]));
  return {
    files,
    put: async (key, localFile) => void files.set(key, await readFile(localFile)),
    read: async function* (key) {
      const data = files.get(key);
      if (data === undefined) throw new Error(`no ${key}`);
      yield data;
    },
    remove: (key) => Promise.resolve(files.delete(key)),
    list: async function* () {},
  };
}

describe('copied segments held until a later check of the camera’s masks passes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-copied-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function copiedSegments(storage: SegmentStorage, ffmpegPath: string) {
    const indexed: string[] = [];
    const audits: Parameters<CopiedSegmentsOptions['audit']>[0][] = [];
    const copied = new CopiedSegments({
      camera,
      storage,
      spoolDir: join(dir, 'spool'),
      quarantineDir: join(dir, 'quarantine'),
      ffmpegPath,
      index: (s) => Promise.resolve(void indexed.push(s.key)),
      audit: (details) => Promise.resolve(void audits.push(details)),
      onProblem: () => undefined,
    });
    return { copied, indexed, audits };
  }

  it('indexes only the segments that ended before a passing check began, and quarantines one that cannot be masked', async () => {
    const storage = memoryStorage([segment(0).key, segment(1).key]);
    // An ffmpeg that cannot start: masking after the fact fails.
    const { copied, indexed, audits } = copiedSegments(storage, join(dir, 'no-ffmpeg'));
    copied.hold(segment(0));
    copied.hold(segment(1));
    copied.passed(new Date(segment(0).endedAt.getTime() + 500));
    await Promise.resolve();
    expect(indexed).toEqual([segment(0).key]);

    // The next check fails: the held segment is never indexed as copied; it leaves storage for the quarantine.
    copied.distrust();
    copied.passed(new Date(segment(1).endedAt.getTime() + 500));
    await copied.finish();
    expect(indexed).toEqual([segment(0).key]);
    expect([...storage.files.keys()]).toEqual([segment(0).key]);
    expect(await readdir(join(dir, 'quarantine', camera.id))).toEqual(['remask-failed-1.mp4']);
    expect(audits).toEqual([
      { remasked: 0, quarantined: 1, from: segment(1).startedAt.toISOString(), to: segment(1).endedAt.toISOString() },
    ]);
    // Its scratch directory is gone.
    expect(await readdir(join(dir, 'spool', camera.id))).toEqual([]);
  });

  it('masks after the fact, at once, what a distrusted run stores later; audits nothing when all was vouched for', async () => {
    const storage = memoryStorage([segment(0).key, segment(1).key]);
    const vouched = copiedSegments(storage, join(dir, 'no-ffmpeg'));
    vouched.copied.hold(segment(0));
    vouched.copied.passed(segment(0).endedAt);
    await vouched.copied.finish();
    expect(vouched.indexed).toEqual([segment(0).key]);
    expect(vouched.audits).toEqual([]);

    const distrusted = copiedSegments(storage, join(dir, 'no-ffmpeg'));
    distrusted.copied.distrust();
    distrusted.copied.hold(segment(1));
    await distrusted.copied.finish();
    expect(distrusted.indexed).toEqual([]);
    expect(storage.files.has(segment(1).key)).toBe(false);
    expect(distrusted.audits).toMatchObject([{ remasked: 0, quarantined: 1 }]);
  });

  it('decodes the last frame of the latest held segment a check would vouch for, and none once vouched or distrusted', async () => {
    // A 2 s clip whose left half turns grey (a mask switched on) only in its last half second.
    const clip = join(dir, 'clip.mp4');
    await runFfmpeg(locateFfmpeg().path, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '2'],
      ...['-vf', "drawbox=x=0:y=0:w=80:h=120:color=gray:t=fill:enable='gte(t,1.5)'"],
      ...['-c:v', 'libx264', '-g', '10', '-pix_fmt', 'yuv420p', '-movflags', '+frag_keyframe+empty_moov', clip],
    ]);
    const storage = memoryStorage([segment(0).key]);
    storage.files.set(segment(1).key, await readFile(clip));
    const { copied } = copiedSegments(storage, locateFfmpeg().path);
    copied.hold(segment(0));
    copied.hold(segment(1));
    // Nothing held ended before the first segment's end; the second is the latest a check begun at its end vouches for.
    expect(await copied.lastFrame(new Date(segment(0).endedAt.getTime() - 1))).toBeUndefined();
    const frame = await copied.lastFrame(segment(1).endedAt);
    if (frame === undefined) throw new Error('no frame');
    const half = (x0: number) => [x0, x0 + 0.5, x0 + 0.5, x0].map((x, i) => ({ x, y: i < 2 ? 0 : 1 }));
    const [left, right] = [
      { id: 'left', polygon: half(0) },
      { id: 'right', polygon: half(0.5) },
    ];
    expect(masksNotFlat(frame, [left, right])).toEqual(['right']);
    copied.hold(segment(2));
    copied.passed(segment(1).endedAt);
    expect(await copied.lastFrame(segment(1).endedAt)).toBeUndefined();
    copied.distrust();
    expect(await copied.lastFrame(segment(2).endedAt)).toBeUndefined();
    await copied.finish();
  });
});
