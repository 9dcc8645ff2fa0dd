import { describe, expect, it } from 'vitest';
import {
  fromOnvifPoint,
  healthWarnings,
  judgeCameraMasks,
  masksNotCovered,
  toOnvifPoint,
  type CameraMask,
  type Mask,
} from './index.js';

const rect = (left: number, top: number, right: number, bottom: number): { x: number; y: number }[] => [
  { x: left, y: top },
  { x: right, y: top },
  { x: right, y: bottom },
  { x: left, y: bottom },
];
const window: Mask = { id: 'window', polygon: rect(0.1, 0.1, 0.4, 0.5) };
const door: Mask = { id: 'door', polygon: rect(0.6, 0.5, 0.8, 0.9) };
const own = (polygon: { x: number; y: number }[], extra: Partial<CameraMask> = {}): CameraMask => ({
  token: 'm',
  polygon,
  enabled: true,
  opaque: true,
  ...extra,
});

describe('masks applied by the camera, checked against Vigie’s', () => {
  it('turns ONVIF coordinates (−1…1, y upwards) into the image’s (0…1, y downwards) and back', () => {
    expect(fromOnvifPoint(-1, 1)).toEqual({ x: 0, y: 0 });
    expect(fromOnvifPoint(1, -1)).toEqual({ x: 1, y: 1 });
    expect(fromOnvifPoint(0, 0.5)).toEqual({ x: 0.5, y: 0.25 });
    expect(fromOnvifPoint(1.2, -3)).toEqual({ x: 1, y: 1 });
    expect(toOnvifPoint({ x: 0.5, y: 0.25 })).toEqual({ x: 0, y: 0.5 });
  });

  it('covers a mask with a larger camera mask, or with two that share it, or one short of it within tolerance', () => {
    expect(masksNotCovered([window], [own(rect(0.05, 0.05, 0.45, 0.55))])).toEqual([]);
    const halves = [own(rect(0.1, 0.1, 0.25, 0.5)), own(rect(0.25, 0.1, 0.4, 0.5))];
    expect(masksNotCovered([window], halves)).toEqual([]);
    expect(masksNotCovered([window], [own(rect(0.103, 0.103, 0.397, 0.497))])).toEqual([]);
  });

  it('does not cover a mask with a smaller one, a switched-off one, a blurred one, or another window’s', () => {
    expect(masksNotCovered([window], [own(rect(0.12, 0.1, 0.4, 0.5))])).toEqual([window]);
    expect(masksNotCovered([window], [own(rect(0, 0, 1, 1), { enabled: false })])).toEqual([window]);
    expect(masksNotCovered([window], [own(rect(0, 0, 1, 1), { opaque: false })])).toEqual([window]);
    expect(masksNotCovered([window, door], [own(rect(0.05, 0.05, 0.45, 0.55))])).toEqual([door]);
    // A gap between two camera masks wider than the tolerance leaves a strip of the window visible.
    const split = [own(rect(0.1, 0.1, 0.24, 0.5)), own(rect(0.26, 0.1, 0.4, 0.5))];
    expect(masksNotCovered([window], split)).toEqual([window]);
  });

  it('verifies only a camera that answered, offers masks and covers them all', () => {
    const covering = { supported: true, masks: [own(rect(0, 0, 1, 1))] };
    expect(judgeCameraMasks([window, door], covering)).toEqual({ check: 'verified', uncovered: [] });
    expect(judgeCameraMasks([window, door], { supported: true, masks: [] })).toEqual({
      check: 'missing',
      uncovered: ['window', 'door'],
    });
    expect(judgeCameraMasks([window], { supported: false, masks: covering.masks }).check).toBe('unsupported');
    expect(judgeCameraMasks([window], undefined).check).toBe('unreachable');
  });

  it('warns in camera health unless the camera’s masks were verified', () => {
    expect(healthWarnings({ cameraMasks: 'verified', maskEncoder: 'libx264' })).toEqual([]);
    const [warning, ...rest] = healthWarnings({ cameraMasks: 'missing' });
    expect(rest).toEqual([]);
    expect(warning?.code).toBe('camera_masks_missing');
    expect(warning?.en).toMatch(/^Camera masks missing or smaller than configured/);
    expect(warning?.fr).toMatch(/^Masques de la caméra absents ou plus petits que configuré/);
    expect(healthWarnings({ cameraMasks: 'unreachable' })[0]?.en).toContain('did not answer');
    expect(healthWarnings({ cameraMasks: 'not_applied' })[0]).toMatchObject({
      code: 'camera_masks_missing',
      en: expect.stringContaining('its picture is not masked there') as string,
    });
  });
});
