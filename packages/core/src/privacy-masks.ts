import { VigieError, type FieldProblem } from './errors.js';
import { pointInPolygon } from './image-geometry.js';

/** A normalised image point, as masks and regions are drawn. */
type ImagePoint = { x: number; y: number };

/** A polygon drawn on the picture: a privacy mask, or a private region the DPO declared. */
type Drawn = { polygon: readonly ImagePoint[] };

/**
 * Smallest privacy mask or declared private region, as a share of the picture: 0.05 % (about 32 × 32 px
 * at 1080p, a distant window). A degenerate polygon (three equal points) hides nothing and counts as none.
 */
export const minMaskArea = 0.0005;

/** Share of each declared private region the masks must hide: all of it, give or take the sampling. */
export const requiredPrivateCoverage = 0.99;

/** Samples per side of a region's bounding box when measuring how much of it the masks hide. */
const coverageSamples = 128;

/** Area of a polygon in normalised image units (1 = the whole picture), by the shoelace formula. */
export function polygonArea(polygon: readonly ImagePoint[]): number {
  let twice = 0;
  polygon.forEach((a, i) => {
    const b = polygon[(i + 1) % polygon.length] ?? a;
    twice += a.x * b.y - b.x * a.y;
  });
  return Math.abs(twice) / 2;
}

/** Problems with polygons below the minimum area, at `path/<index>/polygon` (or `path/<index>` for bare polygons). */
export function smallPolygonProblems(
  polygons: readonly (Drawn | readonly ImagePoint[])[],
  path: string,
): FieldProblem[] {
  return polygons.flatMap((item, index) => {
    const drawn = 'polygon' in item;
    const area = polygonArea(drawn ? item.polygon : item);
    if (area >= minMaskArea) return [];
    return [
      {
        path: `${path}/${index}${drawn ? '/polygon' : ''}`,
        reason: `covers ${percent(area)} of the picture; at least ${percent(minMaskArea)} is needed`,
      },
    ];
  });
}

/** Refuses masks (or private regions) smaller than `minMaskArea` with MASK_TOO_SMALL, naming each one. */
export function assertMasksLargeEnough(polygons: readonly (Drawn | readonly ImagePoint[])[], path: string): void {
  const problems = smallPolygonProblems(polygons, path);
  if (problems.length > 0)
    throw new VigieError(
      'MASK_TOO_SMALL',
      `A privacy mask or private region is too small to hide anything (under ${percent(minMaskArea)} of the picture).`,
      problems,
    );
}

/** Share (0–1) of a region the masks hide, sampled on a grid over the region's bounding box (even-odd rule). */
export function maskCoverage(masks: readonly Drawn[], region: readonly ImagePoint[]): number {
  const xs = region.map((p) => p.x);
  const ys = region.map((p) => p.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  const [width, height] = [Math.max(...xs) - left, Math.max(...ys) - top];
  let inside = 0;
  let hidden = 0;
  for (let row = 0; row < coverageSamples; row++) {
    for (let col = 0; col < coverageSamples; col++) {
      const p = {
        x: left + ((col + 0.5) * width) / coverageSamples,
        y: top + ((row + 0.5) * height) / coverageSamples,
      };
      if (!pointInPolygon(p, region)) continue;
      inside++;
      if (masks.some((mask) => pointInPolygon(p, mask.polygon))) hidden++;
    }
  }
  return inside === 0 ? 1 : hidden / inside;
}

/** What the registry says a camera faces, as the private-space rule reads it. */
export interface FacingDeclaration {
  facing: 'public' | 'private';
  /** The private space in view (dwellings, entrances), as the DPO drew it; masks must hide all of it. */
  privateRegions?: readonly (readonly ImagePoint[])[] | undefined;
}

/**
 * Why a camera's view leaves private space visible, or undefined when it does not (CSI L251-3; R6). A view
 * declared private needs masks that hide every declared private region; without declared regions, at least
 * one mask of the minimum area. Masks below the minimum area count as none.
 */
export function privateSpaceExposure(
  masks: readonly Drawn[],
  declaration: FacingDeclaration | undefined,
): FieldProblem[] | undefined {
  if (declaration?.facing !== 'private') return undefined;
  const effective = masks.filter((mask) => polygonArea(mask.polygon) >= minMaskArea);
  const regions = declaration.privateRegions ?? [];
  if (regions.length === 0)
    return effective.length > 0
      ? undefined
      : [
          {
            path: '/masks',
            reason: 'the view overlooks private space and no privacy mask of sufficient area is drawn',
          },
        ];
  const problems = regions.flatMap((region, index) => {
    const share = maskCoverage(effective, region);
    return share >= requiredPrivateCoverage
      ? []
      : [
          {
            path: '/masks',
            reason: `hide ${percent(share)} of private region ${index + 1}; all of it must be masked`,
          },
        ];
  });
  return problems.length === 0 ? undefined : problems;
}

function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}
