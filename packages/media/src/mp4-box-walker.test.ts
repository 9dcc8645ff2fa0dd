import { describe, expect, it } from 'vitest';
import { Mp4BoxWalker } from './mp4-box-walker.js';

function box(type: string, payload: number): Buffer {
  const b = Buffer.alloc(8 + payload);
  b.writeUInt32BE(8 + payload, 0);
  b.write(type, 4, 'latin1');
  return b;
}

function largeBox(type: string, payload: number): Buffer {
  const b = Buffer.alloc(16 + payload);
  b.writeUInt32BE(1, 0);
  b.write(type, 4, 'latin1');
  b.writeBigUInt64BE(BigInt(16 + payload), 8);
  return b;
}

describe('MP4 box walker', () => {
  const file = Buffer.concat([
    box('ftyp', 12),
    box('moov', 40),
    box('moof', 30),
    largeBox('mdat', 100),
    box('moof', 30),
    box('mdat', 5),
  ]);

  it('counts top-level boxes in one chunk', () => {
    const walker = new Mp4BoxWalker();
    walker.push(file);
    expect(Object.fromEntries(walker.counts)).toEqual({ ftyp: 1, moov: 1, moof: 2, mdat: 2 });
  });

  it('counts the same when headers straddle chunks of every size', () => {
    for (const size of [1, 3, 7, 9, 16]) {
      const walker = new Mp4BoxWalker();
      for (let at = 0; at < file.length; at += size) walker.push(file.subarray(at, at + size));
      expect(walker.counts.get('moof'), `chunks of ${size}`).toBe(2);
      expect(walker.counts.get('mdat'), `chunks of ${size}`).toBe(2);
    }
  });

  it('counts the fragments that open at a keyframe, whatever the chunks (one fragment per frame)', () => {
    const sized = (type: string, body: Buffer) => {
      const b = Buffer.concat([box(type, 0), body]);
      b.writeUInt32BE(b.length, 0);
      return b;
    };
    const words = (...fields: number[]) => {
      const b = Buffer.alloc(fields.length * 4);
      fields.forEach((field, i) => b.writeUInt32BE(field, i * 4));
      return b;
    };
    // moof > traf > tfhd (default sample flags: not a sync sample) + trun (a sync first sample when it says so).
    const frame = (keyframe: boolean) =>
      Buffer.concat([
        sized(
          'moof',
          sized(
            'traf',
            Buffer.concat([
              sized('tfhd', words(0x20, 1, 0x10000)),
              sized('trun', keyframe ? words(0x4, 1, 0) : words(0, 1)),
            ]),
          ),
        ),
        box('mdat', 20),
      ]);
    const frames = Buffer.concat([true, false, false, true, false].map(frame));
    for (const size of [1, 5, 13, frames.length]) {
      const walker = new Mp4BoxWalker();
      for (let at = 0; at < frames.length; at += size) walker.push(frames.subarray(at, at + size));
      expect(walker.counts.get('moof'), `chunks of ${size}`).toBe(5);
      expect(walker.keyframes, `chunks of ${size}`).toBe(2);
    }
  });

  it('stops at a box whose size is smaller than its header (not MP4)', () => {
    const walker = new Mp4BoxWalker();
    walker.push(Buffer.concat([Buffer.from([0, 0, 0, 4]), Buffer.from('junk'), box('moof', 4)]));
    expect(walker.counts.get('moof')).toBeUndefined();
  });
});
