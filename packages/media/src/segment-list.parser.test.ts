import { describe, expect, it } from 'vitest';
import { mp4InitSize, parseSegmentListLine } from './segment-list.parser.js';

function box(type: string, size: number): number[] {
  return [
    (size >>> 24) & 255,
    (size >>> 16) & 255,
    (size >>> 8) & 255,
    size & 255,
    ...Buffer.from(type),
    ...new Array<number>(size - 8).fill(0),
  ];
}

describe('segment list', () => {
  it('reads the file and times of a completed segment', () => {
    expect(parseSegmentListLine('000003.mp4,12.200000,16.200000')).toEqual({
      file: '000003.mp4',
      start: 12.2,
      end: 16.2,
    });
  });

  it('ignores blank and malformed lines', () => {
    expect(parseSegmentListLine('')).toBeUndefined();
    expect(parseSegmentListLine('000003.mp4,12.2')).toBeUndefined();
    expect(parseSegmentListLine('000003.mp4,16,12')).toBeUndefined();
  });
});

describe('fMP4 init size', () => {
  it('measures every box before the first fragment', () => {
    const file = new Uint8Array([...box('ftyp', 24), ...box('moov', 700), ...box('moof', 100), ...box('mdat', 50)]);
    expect(mp4InitSize(file)).toBe(724);
  });

  it('says it does not know when the head stops before any fragment', () => {
    expect(mp4InitSize(new Uint8Array([...box('ftyp', 24), ...box('moov', 700)]))).toBeUndefined();
    expect(mp4InitSize(new Uint8Array([0, 0, 0, 2, 1, 2, 3, 4]))).toBeUndefined();
  });
});
