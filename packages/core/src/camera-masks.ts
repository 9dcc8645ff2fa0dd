import type { Mask } from './camera.js';
import { distanceToSegment, pointInPolygon } from './image-geometry.js';
import type { PtzTarget } from './ptz-control.js';

/**
 * What Vigie's last check of the masks a camera applies itself found: `verified` (every Vigie mask covered, the
 * recorder may copy the stream), `missing` (some not covered), `unsupported` (no ONVIF Media2 masks, or no ONVIF
 * device), `unreachable` (the camera did not answer), `not_applied` (it lists masks covering Vigie's, but a frame it
 * sent is not a flat fill under them). Anything but `verified`: Vigie burns the masks in itself.
 */
export const cameraMaskChecks = ['verified', 'missing', 'unsupported', 'unreachable', 'not_applied'] as const;

/** One outcome of checking a camera's own masks. */
export type CameraMaskCheck = (typeof cameraMaskChecks)[number];

/** A privacy mask as the camera reports it (ONVIF Media2 GetMasks), in Vigie's normalised image coordinates. */
export interface CameraMask {
  token: string;
  polygon: { x: number; y: number }[];
  /** Switched on on the camera. */
  enabled: boolean;
  /** Filled with a plain colour (ONVIF type Color): a blurred or pixelated mask does not hide irreversibly. */
  opaque: boolean;
}

/** What a camera says of its privacy masks. */
export interface CameraMaskReading {
  /** The camera offers Media2 masks (GetServiceCapabilities: Mask). */
  supported: boolean;
  masks: CameraMask[];
}

/** Port to the privacy masks a camera applies itself (ONVIF Media2, implemented in media); throws ONVIF_* errors. */
export interface CameraMaskGateway {
  /** The masks of the camera whose media profile `target.profileToken` is recorded. */
  masks(target: PtzTarget): Promise<CameraMaskReading>;
}

/**
 * How far (share of the picture's width or height) a camera's mask may fall short of Vigie's polygon and still
 * count as covering it: 0.005 is 6 px of a 1280 px picture, what cameras lose rounding masks to their grid.
 */
export const cameraMaskTolerance = 0.005;

/** Sample points per picture side when checking coverage (one every 0.4 %, finer than the tolerance's reach). */
const samplesPerSide = 250;

/** An ONVIF normalised point (x and y from −1 to 1, y upwards) in Vigie's image coordinates (0 to 1, y downwards). */
export function fromOnvifPoint(x: number, y: number): { x: number; y: number } {
  const clamp = (v: number): number => Math.min(1, Math.max(0, v));
  return { x: clamp((x + 1) / 2), y: clamp((1 - y) / 2) };
}

/** Vigie's image point as an ONVIF normalised point (the inverse of `fromOnvifPoint`). */
export function toOnvifPoint(p: { x: number; y: number }): { x: number; y: number } {
  return { x: p.x * 2 - 1, y: 1 - p.y * 2 };
}

function within(p: { x: number; y: number }, polygon: readonly { x: number; y: number }[], tolerance: number): boolean {
  if (pointInPolygon(p, polygon)) return true;
  return polygon.some((a, i) => distanceToSegment(p, a, polygon[(i + 1) % polygon.length] ?? a) <= tolerance);
}

/** Points of a polygon to check: a grid over its bounding box (those inside), its vertices and along its edges. */
function samplesOf(polygon: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  const step = 1 / samplesPerSide;
  const xs = polygon.map((p) => p.x);
  const ys = polygon.map((p) => p.y);
  const samples: { x: number; y: number }[] = [];
  for (let y = Math.min(...ys) + step / 2; y < Math.max(...ys); y += step) {
    for (let x = Math.min(...xs) + step / 2; x < Math.max(...xs); x += step) {
      if (pointInPolygon({ x, y }, polygon)) samples.push({ x, y });
    }
  }
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length] ?? a;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
    for (let k = 0; k < n; k++) samples.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
  });
  return samples;
}

/**
 * Vigie's masks that the camera's enabled, opaque masks do not cover together: a mask is covered when every
 * sampled point of it (inside, vertices, edges) lies in one of them or within `tolerance` of one (pure).
 */
export function masksNotCovered(
  required: readonly Mask[],
  camera: readonly CameraMask[],
  tolerance: number = cameraMaskTolerance,
): Mask[] {
  const hiding = camera.filter((mask) => mask.enabled && mask.opaque && mask.polygon.length >= 3);
  return required.filter((mask) =>
    samplesOf(mask.polygon).some((p) => !hiding.some((own) => within(p, own.polygon, tolerance))),
  );
}

/** The outcome of one check, with the masks left uncovered (their ids) when some are. */
export interface CameraMaskVerdict {
  check: CameraMaskCheck;
  uncovered: string[];
}

/**
 * Judges what a camera said of its masks against Vigie's (`undefined`: it did not answer). Never trusting by
 * default: only a camera that offers masks and covers every one of Vigie's is `verified`.
 */
export function judgeCameraMasks(
  required: readonly Mask[],
  reading: CameraMaskReading | undefined,
  tolerance: number = cameraMaskTolerance,
): CameraMaskVerdict {
  if (reading === undefined) return { check: 'unreachable', uncovered: required.map((m) => m.id) };
  if (!reading.supported) return { check: 'unsupported', uncovered: required.map((m) => m.id) };
  const uncovered = masksNotCovered(required, reading.masks, tolerance).map((m) => m.id);
  return { check: uncovered.length === 0 ? 'verified' : 'missing', uncovered };
}
