import type { AnalyticsEvent, VideoFrame } from '@vigie/core';
import { describe, expect, it } from 'vitest';
import { annotateFrame } from './frame.annotator.js';
import { definedOnly } from '@vigie/core';

/** White pixels (the label text on a black frame). */
function whitePixels(img: { data: Uint8Array }): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3)
    if (img.data[i] === 255 && img.data[i + 1] === 255 && img.data[i + 2] === 255) n++;
  return n;
}

const frame: VideoFrame = { data: new Uint8Array(320 * 180), width: 320, height: 180, format: 'gray', t: 0 };
const event = (region: AnalyticsEvent['region']): AnalyticsEvent => ({
  type: 'abandoned_object',
  t: 0,
  ...definedOnly({ region }),
  reason: 'test',
});

describe('annotateFrame', () => {
  it('keeps a label whole inside the frame when its box is at the right or bottom edge', () => {
    const centre = whitePixels(annotateFrame(frame, { events: [event({ x: 0.3, y: 0.3, w: 0.1, h: 0.1 })] }));
    expect(centre).toBeGreaterThan(50);
    for (const region of [
      { x: 0.97, y: 0.3, w: 0.03, h: 0.1 },
      { x: 0.3, y: 0.9, w: 0.1, h: 0.1 },
      { x: 0.98, y: 0.98, w: 0.02, h: 0.02 },
    ])
      expect(whitePixels(annotateFrame(frame, { events: [event(region)] }))).toBe(centre);
  });
});
