import { describe, expect, it } from 'vitest';
import type { Fmp4Piece } from './fmp4.splitter.js';
import { LiveFeed, type LiveMessage } from './live.feed.js';
import { box, nest, words } from './fmp4-boxes.test-helpers.js';

/** One frame as ffmpeg writes it: moof (keyframe or not) + mdat whose first byte numbers the frame. */
function frame(n: number, key: boolean): Uint8Array {
  const trun = box('trun', words(0x000005, 1, 0, key ? 0x02000000 : 0x01010000));
  return Uint8Array.from([...nest('moof', nest('traf', trun)), ...box('mdat', new Uint8Array([n]))]);
}

const init = Uint8Array.from([...box('ftyp'), ...box('moov')]);

function viewer(backlog = () => 0) {
  const got: LiveMessage[] = [];
  return {
    got,
    frames: () => got.map((m: Fmp4Piece): number | string => (m.kind === 'fragment' ? (m.data.at(-1) ?? -1) : 'init')),
    send: (m: LiveMessage) => got.push(m),
    backlog,
  };
}

describe('live feed', () => {
  it('gives a viewer who joins mid-GOP the init segment and every frame since the last keyframe', () => {
    const feed = new LiveFeed();
    feed.write(init);
    for (let n = 1; n <= 5; n++) feed.write(frame(n, n === 1 || n === 4));
    const late = viewer();
    feed.subscribe(late);
    feed.write(frame(6, false));
    expect(late.frames()).toEqual(['init', 4, 5, 6]);
  });

  it('fans one stream out to every viewer, and stops sending to one who left', () => {
    const feed = new LiveFeed();
    const a = viewer();
    const b = viewer();
    feed.subscribe(a);
    const leave = feed.subscribe(b);
    feed.write(init);
    feed.write(frame(1, true));
    leave();
    feed.write(frame(2, false));
    expect(a.frames()).toEqual(['init', 1, 2]);
    expect(b.frames()).toEqual(['init', 1]);
    expect(feed.viewers).toBe(1);
  });

  it('makes a viewer who falls behind skip to the next keyframe instead of lagging', () => {
    const feed = new LiveFeed({ maxBacklogBytes: 1000 });
    let queued = 0;
    const slow = viewer(() => queued);
    feed.subscribe(slow);
    feed.write(init);
    feed.write(frame(1, true));
    queued = 5000;
    feed.write(frame(2, false));
    queued = 0;
    feed.write(frame(3, false));
    feed.write(frame(4, true));
    expect(slow.frames()).toEqual(['init', 1, 4]);
  });

  it('starts over at a recorder restart: a new init, then nothing until a keyframe', () => {
    const feed = new LiveFeed();
    const a = viewer();
    feed.subscribe(a);
    feed.write(init);
    feed.write(frame(1, true));
    feed.restart();
    feed.write(init);
    feed.write(frame(2, false));
    feed.write(frame(3, true));
    expect(a.frames()).toEqual(['init', 1, 'init', 3]);
  });

  it('drops a run that is not fragmented MP4 and says so', () => {
    const problems: string[] = [];
    const feed = new LiveFeed({ onProblem: (m) => problems.push(m) });
    const a = viewer();
    feed.subscribe(a);
    feed.write(new Uint8Array([0, 0, 0, 1, 65, 65, 65, 65]));
    feed.write(init);
    expect(a.got).toEqual([]);
    expect(problems[0]).toMatch(/live stream dropped/);
  });
});
