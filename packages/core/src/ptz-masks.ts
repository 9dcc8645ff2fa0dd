import type { Mask } from './camera.js';

/** Where a PTZ head points, in ONVIF generic spaces: pan and tilt −1…1, zoom 0…1. */
export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

/** What the camera reports about its head: a position when it knows one and is still, else nothing usable. */
export type HeadState = { kind: 'unknown' } | { kind: 'moving' } | { kind: 'still'; position: PtzPosition };

/** The privacy masks drawn for the picture seen from one preset. */
export interface PresetMasks {
  preset: string;
  position: PtzPosition;
  masks: Mask[];
}

/** The masks to apply now: the preset's, or the whole picture. */
export type MasksInForce = { kind: 'preset'; preset: string; masks: Mask[] } | { kind: 'full'; reason: string };

/** How far (in each generic-space axis) the head may be from a preset and still count as on it. */
export const presetTolerance = 0.01;

/** A mask over the whole picture: what is stored or shown when the masks cannot be placed. */
export const fullFrameMask: Mask = {
  id: 'fail-safe',
  label: 'PTZ position unknown',
  polygon: [
    { x: 0, y: 0 },
    { x: 1, y: 0 },
    { x: 1, y: 1 },
    { x: 0, y: 1 },
  ],
};

function near(a: PtzPosition, b: PtzPosition): boolean {
  return (
    Math.abs(a.pan - b.pan) <= presetTolerance &&
    Math.abs(a.tilt - b.tilt) <= presetTolerance &&
    Math.abs(a.zoom - b.zoom) <= presetTolerance
  );
}

/**
 * Fail-safe masking of a PTZ camera (LEGAL R6): masks are drawn per preset, so they are placed only when the head
 * is still on a preset; whenever the position is unknown, the head moves or rests between presets, the whole
 * picture is masked — a private window is never shown because a mask could not follow the head.
 */
export function masksInForce(head: HeadState, presets: readonly PresetMasks[]): MasksInForce {
  if (head.kind === 'unknown') return { kind: 'full', reason: 'position unknown' };
  if (head.kind === 'moving') return { kind: 'full', reason: 'head moving' };
  const preset = presets.find((p) => near(p.position, head.position));
  if (preset === undefined) return { kind: 'full', reason: 'between presets' };
  return { kind: 'preset', preset: preset.preset, masks: preset.masks };
}

/** The polygons to black out for a decision of `masksInForce`. */
export function masksToApply(decision: MasksInForce): Mask[] {
  return decision.kind === 'full' ? [fullFrameMask] : decision.masks;
}
