import { describe, expect, it } from 'vitest';
import { parseFrameCrc } from './media-timing.js';

describe('parseFrameCrc', () => {
  it('reads where the first frame starts and the last one ends, in seconds', () => {
    const text = [
      '#software: Lavf59.27.100',
      '#tb 0: 1/10',
      '#media_type 0: video',
      '0,          0,          0,        1,   115200, 0x3e6d9b1f',
      '0,          2,          2,        1,   115200, 0x2b7a90cd',
      '0,          1,          1,        1,   115200, 0x51c2a3f0',
      '0,         81,         81,        1,   115200, 0x9e2d1c44',
    ].join('\n');
    expect(parseFrameCrc(text)).toEqual({ first: 0, end: 8.2, frames: 4 });
    expect(parseFrameCrc('#tb 0: 1/10\n')).toBeUndefined();
    expect(parseFrameCrc('')).toBeUndefined();
  });
});
