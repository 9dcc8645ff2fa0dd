import { tileCameraAt, tourDwellLimitsS, type WallGrid } from '@vigie/core/wall-tour';
import type { WallTile } from '../api/contract';

/** The wall an operator is arranging: its grid and what each tile shows (one entry per tile, in order). */
export interface WallDraft {
  grid: WallGrid;
  tiles: WallTile[];
}

/** Seconds a touring tile stays on each camera unless the operator chooses otherwise. */
export const defaultDwellS = 10;

const emptyTile = (): WallTile => ({ cameraIds: [] });

/**
 * Fits a wall to a grid: the tiles kept in order, new tiles given the cameras not on the wall yet (in
 * the order given), then left empty; a smaller grid drops the last tiles.
 */
export function resizeWall(tiles: readonly WallTile[], grid: WallGrid, cameraIds: readonly string[]): WallDraft {
  const kept = tiles.slice(0, grid);
  const used = new Set(kept.flatMap((t) => t.cameraIds));
  const unused = cameraIds.filter((id) => !used.has(id));
  const added = Array.from({ length: grid - kept.length }, (_, i): WallTile => {
    const id = unused[i];
    return id === undefined ? emptyTile() : { cameraIds: [id] };
  });
  return { grid, tiles: [...kept, ...added] };
}

/** Puts one camera on a tile (ending any tour there). */
export function placeCamera(draft: WallDraft, index: number, cameraId: string): WallDraft {
  return withTile(draft, index, () => ({ cameraIds: [cameraId] }));
}

/** Adds a camera to a tile's tour (a tile of one camera becomes a tour of two); a camera already there stays once. */
export function addToTour(draft: WallDraft, index: number, cameraId: string): WallDraft {
  return withTile(draft, index, (tile) =>
    tile.cameraIds.includes(cameraId)
      ? tile
      : { cameraIds: [...tile.cameraIds, cameraId], dwellS: tile.dwellS ?? defaultDwellS },
  );
}

/** Sets how long a touring tile stays on each camera, within the limits the server accepts. */
export function setDwell(draft: WallDraft, index: number, seconds: number): WallDraft {
  const dwellS = Math.min(tourDwellLimitsS.max, Math.max(tourDwellLimitsS.min, Math.round(seconds)));
  return withTile(draft, index, (tile) => ({ ...tile, dwellS }));
}

/** Empties a tile. */
export function clearTile(draft: WallDraft, index: number): WallDraft {
  return withTile(draft, index, emptyTile);
}

function withTile(draft: WallDraft, index: number, change: (tile: WallTile) => WallTile): WallDraft {
  return { ...draft, tiles: draft.tiles.map((tile, i) => (i === index ? change(tile) : tile)) };
}

/**
 * The camera each tile shows at a moment (undefined: empty), with an alert's camera promoted to the first
 * tile: it leaves the tile it was on, and the others move down one place, as many as the grid holds.
 */
export function tilesAt(draft: WallDraft, nowMs: number, mainCameraId?: string): (string | undefined)[] {
  const shown = draft.tiles.map((tile) => tileCameraAt(tile, nowMs, defaultDwellS));
  if (mainCameraId === undefined) return shown;
  return [mainCameraId, ...shown.filter((id) => id !== mainCameraId)].slice(0, draft.grid);
}

/** The cameras of one site (or group) in the wall's camera tree. */
export interface CameraBranch<C> {
  /** The site's name; undefined for cameras given no site. */
  site: string | undefined;
  cameras: C[];
}

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase();

/**
 * The camera tree: cameras grouped by site, sites and cameras in alphabetical order, cameras without a
 * site last; a search keeps the cameras whose name or site contains it (case and accents ignored).
 */
export function cameraTree<C extends { name: string; site?: string | undefined }>(
  cameras: readonly C[],
  query = '',
): CameraBranch<C>[] {
  const wanted = folded(query.trim());
  const bySite = new Map<string | undefined, C[]>();
  for (const camera of cameras) {
    if (wanted !== '' && !folded(`${camera.name} ${camera.site ?? ''}`).includes(wanted)) continue;
    bySite.set(camera.site, [...(bySite.get(camera.site) ?? []), camera]);
  }
  const order = (a: string | undefined, b: string | undefined) =>
    a === undefined ? 1 : b === undefined ? -1 : a.localeCompare(b);
  return [...bySite.entries()]
    .sort(([a], [b]) => order(a, b))
    .map(([site, list]) => ({ site, cameras: [...list].sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** Which of a camera's streams a tile shows: the sub stream on a grid of 4 or more, the main stream enlarged. */
export function tileStream(grid: number, enlarged: boolean): 'main' | 'sub' {
  return !enlarged && grid >= 4 ? 'sub' : 'main';
}
