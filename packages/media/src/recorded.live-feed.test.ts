import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveMessage } from './live.feed.js';
import { RecordedLiveFeed } from './recorded.live-feed.js';
import { box, nest, words } from './fmp4-boxes.test-helpers.js';

/**
 * One frame as the segment muxer writes it: moof (decode time `at`, one sample of 40 time units, keyframe or not)
 * + mdat whose byte numbers the frame.
 */
function frame(n: number, at: number, key: boolean): Uint8Array {
  const tfdt = box('tfdt', words(0, at));
  const trun = box('trun', words(0x000105, 1, 0, key ? 0x02000000 : 0x01010000, 40));
  return Uint8Array.from([...nest('moof', nest('traf', tfdt, trun)), ...box('mdat', new Uint8Array([n]))]);
}

const init = Uint8Array.from([...box('ftyp'), ...box('moov')]);

function decodeTime(fragment: Uint8Array): number {
  // moof(8) traf(8) tfdt(8) version/flags(4), then the 32-bit time.
  return new DataView(fragment.buffer, fragment.byteOffset).getUint32(28);
}

const dir = await mkdtemp(join(tmpdir(), 'vigie-recorded-live-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('live feed read from the segment files', () => {
  it('starts a first viewer at the last keyframe written, sends the init once and lays segments end to end', async () => {
    const run = join(dir, 'run-1');
    await mkdir(run);
    // A finished segment, then the one being written: two keyframes already, the second one's frame after it.
    await writeFile(join(run, '000000.mp4'), Uint8Array.from([...init, ...frame(0, 0, true)]));
    const parts = [init, frame(1, 0, true), frame(2, 40, false), frame(3, 80, true), frame(4, 120, false)];
    await writeFile(join(run, '000001.mp4'), Uint8Array.from(parts.flatMap((p) => [...p])));
    const feed = new RecordedLiveFeed({ pollMs: 20, lingerMs: 20 });
    feed.follow(run);
    expect(feed.bytesRead).toBe(0);
    const got: LiveMessage[] = [];
    const leave = feed.subscribe({ send: (m) => void got.push(m), backlog: () => 0 });
    const frames = () => got.map((m) => (m.kind === 'fragment' ? (m.data.at(-1) ?? -1) : 'init'));
    await expect.poll(frames, { timeout: 5000 }).toEqual(['init', 3, 4]);
    // The frame being written comes as soon as it is; the next segment (same init) follows on one timeline.
    await appendFile(join(run, '000001.mp4'), frame(5, 160, false));
    await writeFile(join(run, '000002.mp4'), Uint8Array.from([...init, ...frame(6, 0, true)]));
    await expect.poll(frames, { timeout: 5000 }).toEqual(['init', 3, 4, 5, 6]);
    const times = got.flatMap((m) => (m.kind === 'fragment' ? [decodeTime(m.data)] : []));
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual([40, 40, 40]);
    leave();
    await expect.poll(() => feed.reading, { timeout: 5000 }).toBe(false);
    feed.close();
  });

  it('sends the init segment again for a new recorder run', async () => {
    const feed = new RecordedLiveFeed({ pollMs: 20 });
    const got: LiveMessage[] = [];
    feed.subscribe({ send: (m) => void got.push(m), backlog: () => 0 });
    for (const name of ['run-a', 'run-b']) {
      const run = join(dir, name);
      await mkdir(run);
      await writeFile(join(run, '000000.mp4'), Uint8Array.from([...init, ...frame(0, 0, true)]));
      feed.follow(run);
      await expect
        .poll(() => got.filter((m) => m.kind === 'init').length, { timeout: 5000 })
        .toBe(name === 'run-a' ? 1 : 2);
    }
    feed.close();
  });
});
