import { readFile, mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  keyframeTimes,
  locateFfmpeg,
  parseSegmentListLine,
  recordArgs,
  runFfmpeg,
  segmentListName,
  sourceInputArgs,
} from '@vigie/media';
import { renderScene, syntheticScenes } from '@vigie/vision/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDemoClips } from '../src/demo.js';

const ffmpegPath = locateFfmpeg().path;
const dataDir = await mkdtemp(join(tmpdir(), 'vigie-demo-clips-'));
const silent = { info: () => undefined };

afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Media length of each segment ffmpeg lists when recording a clip as the recorder does (stream copy, 4 s). */
async function recordedSegmentSeconds(clip: string): Promise<number[]> {
  const outputDir = join(dataDir, 'record');
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  await runFfmpeg(ffmpegPath, recordArgs({ input: sourceInputArgs({ sourceUrl: `file://${clip}` }), outputDir }));
  const list = await readFile(join(outputDir, segmentListName), 'utf8');
  return list
    .split('\n')
    .map(parseSegmentListLine)
    .flatMap((entry) => (entry === undefined ? [] : [entry.end - entry.start]));
}

describe('demo clips (issue 11: the demo street camera was indexed 25 s late)', () => {
  it('have a keyframe at least every 2 s, so each recorded segment lasts the 4 s asked and is indexed then', async () => {
    const clips = await renderDemoClips({ dataDir, ffmpegPath, log: silent });
    expect(clips.size).toBe(5);
    for (const [pattern, clip] of clips) {
      // Test patterns at a camera's sub-stream rate (20 s clips): at x264's own rate `life` was 4.2 Mbit/s.
      if (pattern !== 'abandoned_bag') expect(((await stat(clip)).size * 8) / 20 / 1000, pattern).toBeLessThan(1100);
      const times = await keyframeTimes(ffmpegPath, clip);
      const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
      expect({ pattern, longestGap: Math.max(...gaps).toFixed(1) }).toEqual({ pattern, longestGap: '2.0' });
      // Stream copy cuts only at a keyframe: with one every 25 s, the street scene's segments were 25 s and 11 s.
      const segments = await recordedSegmentSeconds(clip);
      expect({ pattern, longest: Math.round(Math.max(...segments.slice(0, -1))) }).toEqual({ pattern, longest: 4 });
    }
  }, 120_000);

  it('checks each clip once: the next demo start runs no ffmpeg for clips noted right and unchanged', async () => {
    await renderDemoClips({ dataDir, ffmpegPath, log: silent });
    // An ffmpeg that fails every run: a check or a drawing would throw.
    const clips = await renderDemoClips({ dataDir, ffmpegPath: '/bin/false', log: silent });
    expect(clips.size).toBe(5);
  }, 120_000);

  it('says so, at once, when the ffmpeg drawing them fails', async () => {
    const empty = await mkdtemp(join(dataDir, 'fresh-'));
    await expect(renderDemoClips({ dataDir: empty, ffmpegPath: '/bin/false', log: silent })).rejects.toThrow(
      /ffmpeg could not render abandoned_bag/,
    );
  });

  it('draws again a clip an older version left with keyframes 25 s apart', async () => {
    const scene = syntheticScenes.find((s) => s.name === 'abandoned_bag');
    if (scene === undefined) throw new Error('the abandoned_bag scene is gone');
    const clip = join(dataDir, 'demo', 'abandoned_bag.mp4');
    await renderScene(scene, { ffmpegPath, output: clip });
    expect(await keyframeTimes(ffmpegPath, clip)).toEqual([0, 25]);
    await renderDemoClips({ dataDir, ffmpegPath, log: silent });
    const times = await keyframeTimes(ffmpegPath, clip);
    expect(times.slice(0, 4)).toEqual([0, 2, 4, 6]);
  }, 120_000);

  it("draws again a test pattern an older version drew above a camera's rate, its note saying nothing of the rate", async () => {
    const clip = join(dataDir, 'demo', 'life.mp4');
    // As that version left it: x264's own rate (10.5 MB for 20 s) and a note of the file's size and second alone.
    await writeFile(clip, Buffer.alloc(10_546_653, 1));
    const when = new Date('2026-11-20T10:00:00Z');
    await utimes(clip, when, when);
    await writeFile(`${clip}.checked`, `10546653 ${when.getTime() / 1000}`);
    await renderDemoClips({ dataDir, ffmpegPath, log: silent });
    expect((await stat(clip)).size).toBeLessThan((1100 * 1000 * 20) / 8);
    expect(await readFile(`${clip}.checked`, 'utf8')).toMatch(/ keyframes 2 s, 1000 kbit\/s$/);
  }, 120_000);
});
