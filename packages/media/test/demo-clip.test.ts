import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoClipArgs, locateFfmpeg, runFfmpeg } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = await mkdtemp(join(tmpdir(), 'vigie-media-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('demo clips', () => {
  it('builds arguments that drop audio and encode H.264 without needing an input file', () => {
    const args = demoClipArgs({
      output: '/x.mp4',
      pattern: 'testsrc2',
      seconds: 4,
      width: 320,
      height: 240,
      fps: 10,
    });
    expect(args).toContain('-an');
    expect(args.join(' ')).toContain('-f lavfi -i testsrc2=size=320x240:rate=10');
    expect(args.at(-1)).toBe('/x.mp4');
  });

  it('renders a playable clip of the requested size and duration with real ffmpeg', async () => {
    const ffmpeg = locateFfmpeg();
    const output = join(dir, 'demo.mp4');
    await runFfmpeg(
      ffmpeg.path,
      demoClipArgs({
        output,
        pattern: 'life',
        seconds: 2,
        width: 320,
        height: 180,
        fps: 10,
      }),
    );
    const { stderr } = await run(ffmpeg.path, ['-hide_banner', '-i', output, '-f', 'null', '-'], {
      encoding: 'utf8',
    }).catch((error: unknown) => ({ stderr: (error as { stderr: string }).stderr }));
    expect(stderr).toMatch(/Video: h264/);
    expect(stderr).toMatch(/320x180/);
    expect(stderr).not.toMatch(/Audio:/);
    expect(stderr).toMatch(/Duration: 00:00:02\.0/);
  });

  it('reports ffmpeg failures with its own message', async () => {
    const ffmpeg = locateFfmpeg();
    await expect(runFfmpeg(ffmpeg.path, ['-i', join(dir, 'missing.mp4'), '-f', 'null', '-'])).rejects.toThrow(
      /No such file or directory/,
    );
  });

  it('refuses an FFMPEG_PATH that is not executable, saying what to fix', () => {
    expect(() => locateFfmpeg({ FFMPEG_PATH: '/nonexistent/ffmpeg' })).toThrow(
      /FFMPEG_PATH=\/nonexistent\/ffmpeg is not an executable/,
    );
  });

  it('falls back to the ffmpeg shipped in the npm package when none is on PATH', () => {
    const found = locateFfmpeg({ PATH: '/nonexistent' });
    expect(found.source).toBe('bundled');
    expect(found.path).toContain('@ffmpeg-installer');
  });
});
