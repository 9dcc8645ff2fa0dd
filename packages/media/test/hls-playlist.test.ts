import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  buildHlsPlaylist,
  mp4InitPart,
  parseSegmentListLine,
  recordArgs,
  runFfmpeg,
  segmentListName,
  sourceInputArgs,
  type PlaylistSegment,
} from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';
import { renderTestClip } from './support/test-clips.js';
import { testFfmpegPath } from './support/test-ffmpeg.js';

const run = promisify(execFile);
const dir = await mkdtemp(join(tmpdir(), 'vigie-hls-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Records a clip as the recorder does (stream copy, 4 s segments) and describes each segment as it indexes them. */
async function recordedSegments(): Promise<PlaylistSegment[]> {
  const clip = await renderTestClip({ dir, seconds: 20 });
  const outputDir = join(dir, 'run');
  await mkdir(outputDir, { recursive: true });
  await runFfmpeg(testFfmpegPath, recordArgs({ input: sourceInputArgs({ sourceUrl: `file://${clip}` }), outputDir }));
  const list = await readFile(join(outputDir, segmentListName), 'utf8');
  const t0 = Date.UTC(2026, 10, 30, 12);
  const segments: PlaylistSegment[] = [];
  for (const entry of list.split('\n').map(parseSegmentListLine)) {
    if (entry === undefined) continue;
    const path = join(outputDir, entry.file);
    segments.push({
      uri: path,
      startedAt: new Date(t0 + entry.start * 1000),
      endedAt: new Date(t0 + entry.end * 1000),
      bytes: (await stat(path)).size,
      ...mp4InitPart(await readFile(path)),
    });
  }
  return segments;
}

/** Plays a playlist with ffmpeg's HLS reader: frames decoded and what it warned about. */
async function play(name: string, playlist: string): Promise<{ frames: number; warnings: string[] }> {
  const path = join(dir, name);
  await writeFile(path, playlist);
  const { stdout, stderr } = await run(
    testFfmpegPath,
    ['-hide_banner', '-nostats', '-v', 'repeat+warning', '-i', path, '-vsync', 'passthrough', '-f', 'framecrc', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return {
    frames: stdout.split('\n').filter((line) => line.startsWith('0,')).length,
    // What the HLS and MP4 demuxers and the decoder said (not the command line's own notices).
    warnings: stderr.split('\n').filter((line) => /^\[(hls|mov|h264)/.test(line)),
  };
}

describe('playback playlist over recorded segments, read by ffmpeg (issue 11: one init section per playlist)', () => {
  it('maps the init section once for a run and plays without duplicated MOOV warnings', async () => {
    const segments = await recordedSegments();
    expect(segments.length).toBeGreaterThanOrEqual(4);
    // Every segment of one run carries the same init part.
    expect(new Set(segments.map((s) => s.initHash)).size).toBe(1);

    const once = buildHlsPlaylist({ segments });
    expect(once.match(/#EXT-X-MAP/g)).toHaveLength(1);
    // Before: segments without a known init hash, each mapped on its own.
    const each = buildHlsPlaylist({ segments: segments.map(({ initHash: _, ...rest }) => rest) });
    expect(each.match(/#EXT-X-MAP/g)).toHaveLength(segments.length);

    const before = await play('each.m3u8', each);
    const after = await play('once.m3u8', once);
    expect(before.warnings.filter((w) => w.includes('duplicated MOOV'))).toHaveLength(segments.length - 1);
    expect(after.warnings.filter((w) => !w.includes("Skip ('#EXT-X-VERSION"))).toEqual([]);
    expect(after.frames).toBeGreaterThan(0);
    expect(after.frames).toBe(before.frames);
  }, 60_000);
});
