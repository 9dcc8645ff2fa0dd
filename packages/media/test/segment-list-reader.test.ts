import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SegmentListReader } from '@vigie/media';
import { afterAll, describe, expect, it } from 'vitest';

const dir = await mkdtemp(join(tmpdir(), 'vigie-segment-list-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The line ffmpeg appends when it completes segment `n` of 4 s. */
const line = (n: number) => `${String(n).padStart(6, '0')}.mp4,${(n * 4).toFixed(6)},${(n * 4 + 4).toFixed(6)}\n`;

/** A list of `count` segments already written, as after that much uptime. */
async function listOf(name: string, count: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, Array.from({ length: count }, (_, n) => line(n)).join(''));
  return path;
}

describe('segment list reader', () => {
  it('reads the same few bytes per new segment after 7 days of recording as after one segment', async () => {
    const week = (7 * 86_400) / 4;
    const costs: number[] = [];
    for (const [name, count] of [
      ['fresh.csv', 1],
      ['week.csv', week],
    ] as const) {
      const path = await listOf(name, count);
      const reader = new SegmentListReader(path);
      expect(reader.read()).toHaveLength(count);
      await appendFile(path, line(count));
      expect(reader.read()).toEqual([
        { file: `${String(count).padStart(6, '0')}.mp4`, start: count * 4, end: count * 4 + 4 },
      ]);
      costs.push(reader.bytesRead);
      reader.close();
    }
    // Only the appended line is read: about 40 bytes, never the 4.6 MB already listed.
    expect(costs).toEqual([line(1).length, line(week).length]);
  });

  it('keeps a line ffmpeg has not finished until it does', async () => {
    const path = await listOf('partial.csv', 0);
    const reader = new SegmentListReader(path);
    await appendFile(path, line(0).slice(0, 12));
    expect(reader.read()).toEqual([]);
    await appendFile(path, line(0).slice(12));
    expect(reader.read()).toEqual([{ file: '000000.mp4', start: 0, end: 4 }]);
    reader.close();
  });

  it('finds a list that appears after it was asked for, and says when ffmpeg appends to it', async () => {
    const path = join(dir, 'later.csv');
    let appended = 0;
    const reader = new SegmentListReader(path, () => (appended += 1));
    expect(reader.read()).toEqual([]);
    expect(reader.notifies).toBe(false); // no file yet: the caller keeps polling
    await writeFile(path, '');
    expect(reader.read()).toEqual([]);
    expect(reader.notifies).toBe(true); // inotify on this Linux: the caller may wait to be told
    await appendFile(path, line(0));
    await expect.poll(() => appended).toBeGreaterThan(0);
    expect(reader.read()).toHaveLength(1);
    reader.close();
  });
});
