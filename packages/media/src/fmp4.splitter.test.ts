import { describe, expect, it } from 'vitest';
import { Fmp4Splitter, initCodec, moofStartsWithKeyframe } from './fmp4.splitter.js';

function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const size = 8 + parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(new TextEncoder().encode(type), 4);
  let at = 8;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function words(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  values.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v));
  return out;
}

const sync = 0x02000000;
const nonSync = 0x01010000;

/** A moof as ffmpeg writes it: non-sync default flags in tfhd, the first sample's own flags in trun. */
function moof(firstSampleFlags: number): Uint8Array {
  const tfhd = box('tfhd', words(0x020020, 1, nonSync));
  const trun = box('trun', words(0x000205, 1, 0, firstSampleFlags, 100));
  return box('moof', box('mfhd', words(0, 1)), box('traf', tfhd, trun));
}

const init = [
  box('ftyp', new TextEncoder().encode('isom')),
  box('moov', box('avcC', new Uint8Array([1, 0x64, 0x00, 0x1f, 0xff]))),
];

describe('fragmented MP4 splitting', () => {
  it('reads whether a fragment starts with a keyframe from its first sample flags', () => {
    expect(moofStartsWithKeyframe(moof(sync).subarray(8))).toBe(true);
    expect(moofStartsWithKeyframe(moof(nonSync).subarray(8))).toBe(false);
  });

  it('names the codec of an init segment as MSE wants it', () => {
    expect(initCodec(init[1] ?? new Uint8Array())).toBe('avc1.64001f');
    expect(initCodec(box('moov'))).toBeUndefined();
  });

  it('cuts init and fragments whatever the chunk boundaries', () => {
    const stream = [
      ...init,
      moof(sync),
      box('mdat', new Uint8Array(50)),
      moof(nonSync),
      box('mdat', new Uint8Array(9)),
    ];
    const bytes = new Uint8Array(stream.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of stream) {
      bytes.set(b, at);
      at += b.length;
    }
    const splitter = new Fmp4Splitter();
    const pieces = [];
    for (let i = 0; i < bytes.length; i += 7) pieces.push(...splitter.push(bytes.subarray(i, i + 7)));
    expect(pieces.map((p) => (p.kind === 'init' ? `init ${p.codec ?? '-'}` : p.keyframe ? 'key' : 'delta'))).toEqual([
      'init avc1.64001f',
      'key',
      'delta',
    ]);
    expect(pieces[1]?.data.length).toBe((stream[2]?.length ?? 0) + (stream[3]?.length ?? 0));
  });

  it('keeps nothing of a chunk after its push: the caller may read the next bytes into the same buffer', () => {
    // One box per read, as when following a file as it grows: the ftyp waits for its moov, a moof for its mdat.
    const stream = [...init, moof(sync), box('mdat', new Uint8Array(20).fill(7))];
    const buffer = Buffer.alloc(256); // a Node Buffer, as files are read: its `slice` is a view, not a copy
    const splitter = new Fmp4Splitter();
    const pieces = stream.flatMap((b) => {
      buffer.set(b);
      return splitter.push(buffer.subarray(0, b.length)).map((p) => ({ ...p, data: p.data.slice() }));
    });
    expect(pieces.map((p) => p.kind)).toEqual(['init', 'fragment']);
    expect([...(pieces[0]?.data ?? [])]).toEqual([...(init[0] ?? []), ...(init[1] ?? [])]);
    expect([...(pieces[1]?.data ?? [])]).toEqual([...(stream[2] ?? []), ...(stream[3] ?? [])]);
  });

  it('refuses a stream that is not MP4 boxes', () => {
    expect(() => new Fmp4Splitter().push(new TextEncoder().encode('HTTP/1.1 200 OK\r\n\r\n'))).toThrow(
      /not a fragmented MP4/,
    );
  });
});
