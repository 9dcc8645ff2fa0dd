import { describe, expect, it } from 'vitest';
import { fullFrameMask, masksInForce, masksToApply, type PresetMasks } from './ptz-masks.js';

const window = {
  id: 'window',
  polygon: [
    { x: 0.1, y: 0.1 },
    { x: 0.3, y: 0.1 },
    { x: 0.3, y: 0.4 },
  ],
};
const presets: PresetMasks[] = [
  { preset: 'square', position: { pan: 0.2, tilt: -0.1, zoom: 0.3 }, masks: [window] },
  { preset: 'street', position: { pan: -0.5, tilt: 0, zoom: 0 }, masks: [] },
];

describe('PTZ masks follow the head, fail-safe', () => {
  it('applies the masks of the preset the head rests on', () => {
    const decision = masksInForce({ kind: 'still', position: { pan: 0.205, tilt: -0.1, zoom: 0.3 } }, presets);
    expect(decision).toEqual({ kind: 'preset', preset: 'square', masks: [window] });
    expect(masksToApply(decision)).toEqual([window]);
  });

  it('masks the whole picture when the position is unknown', () => {
    expect(masksToApply(masksInForce({ kind: 'unknown' }, presets))).toEqual([fullFrameMask]);
  });

  it('masks the whole picture while the head moves, even across a preset', () => {
    expect(masksInForce({ kind: 'moving' }, presets)).toEqual({ kind: 'full', reason: 'head moving' });
  });

  it('masks the whole picture when the head rests between presets', () => {
    const decision = masksInForce({ kind: 'still', position: { pan: 0.1, tilt: -0.1, zoom: 0.3 } }, presets);
    expect(decision).toEqual({ kind: 'full', reason: 'between presets' });
    expect(masksToApply(decision)).toEqual([fullFrameMask]);
  });

  it('masks the whole picture on a camera with no preset at all', () => {
    expect(masksInForce({ kind: 'still', position: { pan: 0, tilt: 0, zoom: 0 } }, []).kind).toBe('full');
  });

  it('covers every corner of the image with the fail-safe mask', () => {
    const xs = fullFrameMask.polygon.map((p) => p.x);
    const ys = fullFrameMask.polygon.map((p) => p.y);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]).toEqual([0, 1, 0, 1]);
  });
});
